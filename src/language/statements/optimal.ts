import { evaluateOptimal } from '../evaluator/queries';
import type { StatementForm } from '../statementForm';
import { LAW_PROPERTY, atMostOne, count, plainNumber } from './propertyTypes';

export const OPTIMAL: StatementForm = {
  keyword: 'optimal',
  role: 'query',
  name: 'budget-or-model',
  positionals: true,
  doc: "The compute-optimal model: for a budget or a model's compute, for compute=C, for a target loss, or the budget that makes params=N optimal. Other laws' answers are shown beside it.",
  syntax: 'optimal BUDGET|MODEL | compute=C | loss=L | params=N [law=NAME] [serve=TOKENS] [unique=U]',
  example: 'optimal cluster',
  properties: {
    compute: count('a compute budget in FLOP', 'a number like 1e24'),
    loss: plainNumber('a target loss (nats/token): the cheapest compute-optimal model reaching it', 'a number like 1.95'),
    params: count('a model size: the budget for which it is compute-optimal', 'a count like 70B'),
    serve: count(
      'tokens the model will serve: the model reaching the same loss with the least training + inference FLOPs, beside the Chinchilla-optimal one (Sardana et al. 2023)',
      'a count like 2T',
    ),
    unique: count(
      'unique tokens available: the best model for the budget when data must be repeated, beside the unconstrained optimum (Muennighoff et al. 2023)',
      'a count like 500B',
    ),
    law: LAW_PROPERTY,
  },
  constraints: [
    // Each answer assumes the other constraint away; combining them needs a joint optimisation.
    atMostOne(['serve', 'unique'], 'each optimum assumes the other away; ask two questions: optimal … serve=… and optimal … unique=…'),
  ],
  evaluate: (context) => evaluateOptimal(context),
};
