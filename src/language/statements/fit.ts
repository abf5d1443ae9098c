import { evaluateFit } from '../evaluator/dataStatements';
import type { StatementForm } from '../statementForm';
import { FIT_APPROACHES } from './fitApproaches';
import { LAW_CONSTANTS, fraction, oneOf, plainNumber, reference, whole } from './propertyTypes';
import { MAX_BOOTSTRAP_SAMPLES } from '../limits';

/** Seeds are whole numbers ≥ 0 (the generator's state is seeded from them). */
export const SEED_PROPERTY = whole('seed of the resampling: the same seed gives the same intervals', 'a whole number like 1', 0);

/** Hoffmann et al. 2022 (Sec. D.2) use a Huber threshold δ = 10⁻³ on log loss. */
export const DELTA_PROPERTY = plainNumber('Huber threshold δ (Hoffmann et al. 2022 use 1e-3)', 'a number like 1e-3');

export const FIT: StatementForm = {
  keyword: 'fit',
  role: 'declaration',
  name: 'data',
  doc: "Fits L(N, D) = E + A/N^α + B/D^β to a data set the way Hoffmann et al. 2022 did (Huber loss on log loss, L-BFGS from 4,500 starts); the fit becomes the active law, usable by the data set's name. With bootstrap=N, intervals for the constants and the predictions.",
  syntax:
    'fit DATA [approach=parametric|isoflop|envelope|all] [bootstrap=N] [seed=S] [delta=1e-3] [predict=MODEL,…] [E=… alpha=… (held fixed)]',
  example: 'fit ladder bootstrap=200 predict=big-run',
  properties: {
    bootstrap: whole('resamples for intervals (0 = none)', 'a whole number like 1000', 0, MAX_BOOTSTRAP_SAMPLES),
    seed: SEED_PROPERTY,
    delta: DELTA_PROPERTY,
    confidence: fraction('interval coverage', 'a fraction like 95%'),
    approach: oneOf(
      FIT_APPROACHES,
      "Hoffmann et al. 2022's approach: parametric (Approach 3, L(N, D), the default), isoflop (Approach 2: a parabola per " +
        'isoFLOP budget), envelope (Approach 1: the lower envelope of training curves), or all (a and b side by side, Table 2)',
      'parametric, isoflop, envelope or all',
    ),
    predict: reference(
      'model',
      true,
      'models (declared above or from the catalog) whose loss to predict, with intervals',
      'model names like big-run',
    ),
    ...Object.fromEntries(
      Object.entries(LAW_CONSTANTS).map(([key, spec]) => [key, { ...spec, doc: `hold ${spec.doc} fixed at this value` }]),
    ),
  },
  evaluate: (context) => evaluateFit(context),
};
