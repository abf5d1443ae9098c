import { evaluateCheck } from '../evaluator/queries';
import type { StatementForm } from '../statementForm';
import { LAW_PROPERTY } from './propertyTypes';

export const CHECK: StatementForm = {
  keyword: 'check',
  role: 'query',
  name: 'models',
  positionals: true,
  doc: 'Verdicts for models (declared above or from the catalog): D/N against the optimum at the same compute, loss gap, compute efficiency.',
  syntax: 'check MODEL[, MODEL…] [law=NAME]',
  example: 'check gopher, chinchilla',
  properties: { law: LAW_PROPERTY },
  evaluate: (context) => evaluateCheck(context),
};
