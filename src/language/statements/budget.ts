import { evaluateBudget } from '../evaluator/declarations';
import type { StatementForm } from '../statementForm';
import { count, fraction, plainNumber, price, reference } from './propertyTypes';

export const BUDGET: StatementForm = {
  keyword: 'budget',
  role: 'declaration',
  name: 'declares',
  doc: 'Declares a compute budget: FLOPs directly, or accelerators × time × utilisation, with an optional price.',
  syntax: 'budget NAME compute=C | gpus=N gpu=H100 days=D mfu=40% [price=$2.50/h]',
  example: 'budget cluster gpus=2048 gpu=H100 days=60 mfu=40% price=$2.50/h',
  properties: {
    compute: count('training compute in FLOP', 'a number like 5.76e23'),
    gpus: count('number of accelerators', 'a count like 2048'),
    gpu: reference('accelerator', false, 'accelerator type', 'an accelerator like H100, A100, B200, MI300X, TPUv5p'),
    days: plainNumber('wall-clock days', 'a number like 60'),
    hours: plainNumber('wall-clock hours (instead of days)', 'a number like 720'),
    mfu: fraction('model FLOPs utilisation', 'a percentage like 40%'),
    price: price('price per accelerator-hour', 'dollars like $2.50/h'),
    peak: count('dense BF16 peak FLOP/s per accelerator, for one the catalog lacks (gpu= is then just its name)', 'FLOP/s like 989T'),
  },
  evaluate: (context) => evaluateBudget(context),
};
