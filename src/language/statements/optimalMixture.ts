import { evaluateOptimalMixture } from '../evaluator/mixtureStatements';
import type { StatementForm } from '../statementForm';
import { count, numbers } from './propertyTypes';

export const OPTIMAL_MIXTURE: StatementForm = {
  keyword: 'optimal',
  form: 'mixture',
  role: 'query',
  name: 'form',
  positionals: true,
  // A budget or model that happens to be called "mixture" keeps meaning itself.
  matches: (statement, isDeclared) => statement.name?.name.toLowerCase() === 'mixture' && !isDeclared(statement.name.name),
  doc: 'The best data mixture for the planned run (N, D) under the mixture laws fitted to one or more data sets (Shukor et al. 2025), beside the best training mixture and equal weights.',
  syntax: 'optimal mixture for DATA[, DATA…] params=N tokens=D [importance=W,…]',
  example: 'optimal mixture for sweep params=7B tokens=150B',
  properties: {
    params: count('parameters of the planned run', 'a count like 7B'),
    tokens: count('training tokens of the planned run', 'a count like 150B'),
    importance: numbers('how much each target of an optimal mixture counts, one per data set (normalised)', 'numbers like 3,1'),
  },
  evaluate: (context) => evaluateOptimalMixture(context),
};
