import { evaluateData } from '../evaluator/dataStatements';
import type { StatementForm } from '../statementForm';
import { column, count, freeNames } from './propertyTypes';

export const DATA: StatementForm = {
  keyword: 'data',
  role: 'declaration',
  name: 'declares',
  positionals: true,
  // `data NAME` with nothing after the name owns the indented lines below it: an inline table.
  ownsBlock: (statement) => statement.positionals.length === 0,
  doc: 'Your training runs (parameters, tokens or compute, and final loss) from a CSV file next to the notebook, or as an indented table under the line. Header names are flexible and reported back.',
  syntax:
    'data NAME from "runs.csv" [params=COLUMN tokens=COLUMN compute=COLUMN loss=COLUMN] [domains=NAME,…] | ' +
    'data NAME from "curves.jsonl" [run=COLUMN step=COLUMN tokens_per_step=N]',
  example: 'data ladder from "runs/ladder.csv"',
  properties: {
    params: column('the column holding parameter counts, when its header is unusual', 'a header name like "n_params"'),
    tokens: column('the column holding training tokens', 'a header name like "train_tokens"'),
    compute: column('the column holding training FLOPs (tokens are then C/(6N))', 'a header name like "flops"'),
    loss: column('the column holding the final loss', 'a header name like "val_loss"'),
    run: column('the column naming each run, in training curves (one row per evaluation)', 'a header name like "run_id"'),
    step: column('the column of optimizer steps, in training curves without a tokens column', 'a header like "global_step"'),
    tokens_per_step: count(
      'tokens per optimizer step (batch × sequence length), when training curves give steps',
      'a count like 524288 or 0.5M',
    ),
    domains: freeNames(
      'the domains of a data-mixture study, one weight column each (web, w_web, weight_web or h_web); without it, w_ and weight_ columns are read as domain weights',
      'names like web,code,books',
    ),
  },
  evaluate: (context) => evaluateData(context),
};
