import { evaluateLaw } from '../evaluator/declarations';
import type { StatementForm } from '../statementForm';
import { LAW_CONSTANTS } from './propertyTypes';

export const LAW: StatementForm = {
  keyword: 'law',
  role: 'declaration',
  name: 'law',
  doc: 'Makes a scaling law active for the statements below: a preset (hoffmann2022, hoffmann2022-precise, besiroglu2024, kaplan2020, muennighoff2023; aliases chinchilla, epoch, kaplan, muennighoff) or your own Chinchilla-form constants.',
  syntax: 'law NAME [E=… A=… B=… alpha=… beta=…]',
  example: 'law epoch',
  properties: LAW_CONSTANTS,
  evaluate: (context) => evaluateLaw(context),
};
