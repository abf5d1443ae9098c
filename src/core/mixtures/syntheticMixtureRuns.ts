import { seededRandom, standardNormal } from '../fit/random';
import { QuantityError } from '../quantities';
import { mixtureLoss, type JointMixtureConstants, type MixtureLawConstants } from './mixtureLaw';
import type { MixtureRun } from './mixtureObjective';

/** How to draw a mixture study: every mixture trained at every model size and tokens per parameter. */
export interface SyntheticMixtureStudy {
  readonly modelSizes: readonly number[];
  /** Tokens per parameter of the runs of each model size (D = N × each value). */
  readonly tokensPerParam: readonly number[];
  /** Domain weights of the training mixtures, each on the simplex. */
  readonly mixtures: ReadonlyArray<readonly number[]>;
  /** Standard deviation of the Gaussian noise on log loss (0.003 ≈ 0.3% multiplicative noise). */
  readonly logLossNoise: number;
  readonly seed: number;
}

/**
 * Runs drawn from a mixture law: loss L(N, D, h)·exp(σ·z) with z standard normal, for each model
 * size, tokens per parameter and mixture, in that nesting order. Used by the tests (a fit must
 * recover the law) and to regenerate `examples/runs/mixtures.csv`.
 *
 * @example syntheticMixtureRuns(EXAMPLE_MIXTURE_LAW, { modelSizes: [1e8], tokensPerParam: [20], mixtures: [[0.5, 0.3, 0.2]], logLossNoise: 0, seed: 1 })
 */
export function syntheticMixtureRuns(law: MixtureLawConstants, study: SyntheticMixtureStudy): MixtureRun[] {
  if (!(study.logLossNoise >= 0)) throw new QuantityError(`noise must be zero or more, got ${study.logLossNoise}`);
  const random = seededRandom(study.seed);
  return study.modelSizes.flatMap((params) =>
    study.tokensPerParam.flatMap((ratio) =>
      study.mixtures.map((weights) => {
        const tokens = params * ratio;
        return {
          params,
          tokens,
          weights: [...weights],
          loss: mixtureLoss(law, params, tokens, weights) * Math.exp(study.logLossNoise * standardNormal(random)),
        };
      }),
    ),
  );
}

/**
 * The invented joint law (Shukor et al. 2025, Eq. 2.5) behind `examples/runs/mixtures.csv`: the
 * validation loss of a web-text target over web, code and books. Code lowers the size term most
 * (small C_codeᴬ) and books the data term, while the mixture term wants mostly web, so small models
 * do best on mostly books (81% at 20M parameters on 400M tokens) and the best mixture drifts towards
 * web as N and D grow (58% web at 7B on 150B). Not a published fit: constants of Chinchilla's
 * magnitude (Hoffmann et al. 2022, Eq. 10) chosen to show a mixture that moves with scale.
 */
export const EXAMPLE_MIXTURE_LAW: JointMixtureConstants = {
  form: 'joint',
  domains: ['web', 'code', 'books'],
  E: 1.7,
  alpha: 0.34,
  beta: 0.28,
  C: [3, 0.6, 1],
  gamma: [0.6, 0.5, 0.5],
  CA: [500, 150, 400],
  gammaA: 1,
  CB: [420, 500, 250],
  gammaB: 1,
};

/**
 * The study shipped as `examples/runs/mixtures.csv`: eight mixtures (equal weights, each domain
 * leading, and the three pairwise blends) at five model sizes from 20M to 1.2B parameters and two
 * data budgets, 20 and 60 tokens per parameter — 80 runs, 0.3% noise, as a team would sweep
 * mixtures on small models before a large run.
 */
export const EXAMPLE_MIXTURE_STUDY: SyntheticMixtureStudy = {
  modelSizes: [2e7, 6e7, 1.5e8, 4e8, 1.2e9],
  tokensPerParam: [20, 60],
  mixtures: [
    [0.34, 0.33, 0.33],
    [0.6, 0.2, 0.2],
    [0.2, 0.6, 0.2],
    [0.2, 0.2, 0.6],
    [0.45, 0.45, 0.1],
    [0.45, 0.1, 0.45],
    [0.1, 0.45, 0.45],
    [0.8, 0.1, 0.1],
  ],
  logLossNoise: 0.001,
  seed: 11,
};
