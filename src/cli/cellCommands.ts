/**
 * The commands that give a model, a budget or a data file on the command line: each is the cell a
 * notebook would hold, a declaration from the command's flags and the statements that answer.
 * Every other query statement is a command as it is (queryCommand).
 */
import { defaultForm, formsOf } from '../language/registry';
import type { StatementForm } from '../language/statementForm';
import { LAW_VALUE, type CellCommand, type FlagGroup } from './cellCommand';
import { checkJson, mixtureJson, optimalJson } from './cellCommandJson';

/** The form `keyword form` of the registry (`optimal mixture`), or the keyword's default form. */
function form(keyword: string, word?: string): StatementForm {
  const found = word === undefined ? defaultForm(keyword) : formsOf(keyword).find((candidate) => candidate.form === word);
  if (!found) throw new Error(`no form "${keyword} ${word ?? ''}" in the registry`);
  return found;
}

/** `check --params 70B --tokens 1.4T` is `model model params=70B tokens=1.4T` and `check model`; names check catalog models. */
const CHECK: CellCommand = {
  name: 'check',
  usage: `check --params 280B --tokens 300B [--active 37B] [--unique 500B] [--law ${LAW_VALUE}] [--json] | check MODEL…`,
  doc: 'Is a model of this size and training data under- or over-trained? Give its numbers, or name catalog models.',
  examples: ['check --params 70B --tokens 1.4T --law chinchilla', 'check gopher chinchilla'],
  lines: [
    { head: 'model model', forms: [form('model')], optional: true },
    { head: 'check', forms: [form('check')], words: 'names', answers: true },
  ],
  json: ([, check]) => checkJson(check),
};

/** A budget given as GPUs for a time at a utilisation: the budget line's flags but its cost and peak. */
const GPU_BOOKING: FlagGroup = { name: 'a GPU booking (--gpus/--gpu/--days/--mfu)', flags: ['gpus', 'gpu', 'days', 'hours', 'mfu'] };

/** `optimal --gpus 1024 --gpu H100 --days 30 --mfu 40%` is `budget this_budget gpus=1024 …` and `optimal this_budget`. */
const OPTIMAL: CellCommand = {
  name: 'optimal',
  usage:
    'optimal --compute 5.76e23 | --gpus 1024 --gpu H100 (--days 30 | --hours 720) --mfu 0.4 [--price 2.5] [--peak 989T] | ' +
    '--loss 1.95 | --params 70B | MODEL [--serve 2e12 | --unique 500B] [--law NAME] [--json]',
  doc: 'The compute-optimal model for a budget, a target loss or a model size; with --serve, the inference-aware one.',
  examples: ['optimal --compute 1e24', 'optimal --gpus 1024 --gpu H100 --days 30 --mfu 40%', 'optimal --loss 1.95 --serve 2T'],
  lines: [
    // compute= stays the query's: the budget line is for bookings on accelerators.
    {
      head: 'budget this_budget',
      forms: [form('budget')],
      flags: ['gpus', 'gpu', 'days', 'hours', 'mfu', 'price', 'peak'],
      optional: true,
    },
    { head: 'optimal', forms: [form('optimal')], words: 'names', aliases: { 'inference-tokens': 'serve' }, answers: true },
  ],
  alternatives: [{ flags: ['compute'] }, GPU_BOOKING, { flags: ['loss'] }, { flags: ['params'] }],
  requires: [{ flags: ['price', 'peak'], group: GPU_BOOKING }],
  labels: () => ({ this_budget: 'this budget' }),
  json: ([, optimal]) => optimalJson(optimal),
};

/**
 * `mixture runs.csv --params 7B --tokens 150B` is `data data_file from "runs.csv"`,
 * `fit data_file mixture=joint` and `optimal mixture for data_file params=7B tokens=150B`.
 */
const MIXTURE: CellCommand = {
  name: 'mixture',
  usage: 'mixture FILE.csv [--law joint|additive] [--domains web,code,…] [--params 7B --tokens 150B] [--seed S] [--json]',
  doc: "Fits Shukor et al. 2025's data-mixture law to runs with domain weights, and gives the best mixture for a planned run.",
  examples: ['mixture examples/runs/mixtures.csv --params 7B --tokens 150B'],
  lines: [
    { head: 'data data_file from', forms: [form('data')], flags: ['domains'], words: { file: 'CSV file' } },
    {
      head: 'fit data_file',
      forms: [form('fit', 'mixture')],
      flags: ['seed', 'delta'],
      aliases: { law: 'mixture' },
      defaults: { mixture: 'joint' },
      answers: true,
    },
    {
      head: 'optimal mixture for data_file',
      forms: [form('optimal', 'mixture')],
      flags: ['params', 'tokens'],
      optional: true,
      answers: true,
    },
  ],
  labels: ([file]) => ({ data_file: file }),
  json: ([runs, fitted, best]) => mixtureJson(runs, fitted, best),
};

/** The commands that are cells with a declaration, by name. */
export const DECLARING_COMMANDS: Readonly<Record<string, CellCommand>> = { check: CHECK, optimal: OPTIMAL, mixture: MIXTURE };
