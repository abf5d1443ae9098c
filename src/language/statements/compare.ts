import { evaluateCompare } from '../evaluator/queries';
import type { StatementForm } from '../statementForm';
import { lawsProperty } from './propertyTypes';

export const COMPARE: StatementForm = {
  keyword: 'compare',
  role: 'query',
  name: 'models',
  positionals: true,
  doc: 'Models side by side under every law: how each law judges each model.',
  syntax: 'compare MODEL, MODEL[, …] [laws=NAME,…]',
  example: 'compare gopher, chinchilla, llama-3-8b',
  properties: { laws: lawsProperty('laws to compare (default: every preset)') },
  evaluate: (context) => evaluateCompare(context),
};
