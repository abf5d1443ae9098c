import { MIXTURE_LAW_FORMS } from '../../core';
import { evaluateFit } from '../evaluator/dataStatements';
import type { StatementForm } from '../statementForm';
import { oneOf } from './propertyTypes';
import { DELTA_PROPERTY, SEED_PROPERTY } from './fit';

export const FIT_MIXTURE: StatementForm = {
  keyword: 'fit',
  form: 'mixture',
  role: 'declaration',
  name: 'data',
  matches: (statement) => statement.properties.some((property) => property.key.toLowerCase() === 'mixture'),
  doc: "Fits Shukor et al. 2025's data-mixture law L(N, D, h) to runs with domain weights: joint (the best mixture moves with scale) or additive (it does not). The data set keeps its Chinchilla fit and the active law is unchanged.",
  syntax: 'fit DATA mixture=joint|additive [seed=S] [delta=1e-3]',
  example: 'fit sweep mixture=joint',
  properties: {
    mixture: oneOf(
      MIXTURE_LAW_FORMS,
      "fit Shukor et al. 2025's data-mixture law L(N, D, h) instead, to runs with domain weights: joint (the best mixture moves with scale) or additive (it does not)",
      'joint or additive',
    ),
    seed: SEED_PROPERTY,
    delta: DELTA_PROPERTY,
  },
  evaluate: (context) => evaluateFit(context),
};
