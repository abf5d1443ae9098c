import { seededRandom, syntheticRuns, type FitPoint } from '../../../src/core/fit';
import type { ChinchillaConstants } from '../../../src/core/laws/scalingLaw';
import { logSpace } from '../../../src/core/sweeps';

/** One synthetic isoFLOP ladder drawn from a known law, for comparing fits across many data sets. */
export interface VariedLadder {
  readonly truth: ChinchillaConstants;
  readonly noise: number;
  readonly points: FitPoint[];
}

/** Noise levels cycled through: 0.3% to 4% on log loss, from a clean ladder to a noisy one. */
const NOISE_LEVELS = [0.003, 0.01, 0.02, 0.04];

/**
 * `count` ladders with different truths, budgets, sizes and noise, all from seeds, so the screened
 * fit can be compared with the exhaustive 4,500-start one (bench/fit_reference.py --ladders) on
 * data it was not tuned on. Truths span the published fits: E 1.5–2.2, A 150–1,500, B 300–5,000,
 * α and β 0.22–0.5 (Hoffmann et al. 2022, Table A3 and Eq. 10; Besiroglu et al. 2024, Eq. 4).
 *
 * @example variedLadders(3)[0].points.length
 */
export function variedLadders(count: number): VariedLadder[] {
  return Array.from({ length: count }, (_, k) => {
    const random = seededRandom(100 + k);
    const between = (low: number, high: number) => low + (high - low) * random();
    const truth = {
      E: between(1.5, 2.2),
      A: Math.exp(between(Math.log(150), Math.log(1500))),
      B: Math.exp(between(Math.log(300), Math.log(5000))),
      alpha: between(0.22, 0.5),
      beta: between(0.22, 0.5),
    };
    const noise = NOISE_LEVELS[k % NOISE_LEVELS.length];
    const budgets = 4 + Math.floor(random() * 5);
    const sizes = 8 + Math.floor(random() * 13);
    const lowestBudget = 10 ** between(17, 19);
    const points = syntheticRuns(truth, {
      computeBudgets: logSpace(lowestBudget, lowestBudget * 10 ** between(2, 4), budgets),
      modelSizes: logSpace(3e6, 1e10, sizes),
      logLossNoise: noise,
      seed: k + 1,
      tokensPerParam: { min: 0.5, max: 2000 },
    });
    return { truth, noise, points };
  });
}
