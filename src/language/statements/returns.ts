import { DEFAULT_RETURNS_RANGE } from '../evaluator/defaultRanges';
import { evaluateReturns } from '../evaluator/returnsStatement';
import type { StatementForm } from '../statementForm';
import { lawsProperty, range } from './propertyTypes';

export const RETURNS: StatementForm = {
  keyword: 'returns',
  role: 'query',
  name: 'none',
  doc: 'Diminishing returns: the loss improvement each further 10× of compute buys along the compute-optimal frontier, in total and as a share of the reducible loss (above E), with a chart.',
  syntax: 'returns [compute=FROM..TO] [laws=NAME,…]',
  example: 'returns compute=1e20..1e26',
  properties: {
    compute: range('the compute range, stepped in 10× decades', 'a range like 1e20..1e26', DEFAULT_RETURNS_RANGE),
    laws: lawsProperty('laws to compare (default: the active law)'),
  },
  evaluate: (context) => evaluateReturns(context),
};
