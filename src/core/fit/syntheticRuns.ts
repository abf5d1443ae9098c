import { tokensForCompute } from '../compute';
import { ChinchillaLaw } from '../laws/chinchillaLaw';
import type { ChinchillaConstants } from '../laws/scalingLaw';
import { QuantityError } from '../quantities';
import { logSpace } from '../sweeps';
import type { FitPoint } from './fitPoints';
import { seededRandom, standardNormal } from './random';

/** How to draw an isoFLOP-style ladder of runs from a known law. */
export interface SyntheticLadder {
  /** Compute budgets in FLOP; every model size is trained at each of them. */
  readonly computeBudgets: readonly number[];
  /** Model sizes in parameters. */
  readonly modelSizes: readonly number[];
  /** Standard deviation of the Gaussian noise added to log loss (0.01 ≈ 1% multiplicative noise). */
  readonly logLossNoise: number;
  /** Seed of the noise, so the same ladder comes out every time. */
  readonly seed: number;
  /** Keep only runs whose D/N lies in this range, as a real ladder skips hopeless shapes. */
  readonly tokensPerParam?: { readonly min: number; readonly max: number };
}

/**
 * Runs drawn from the law L(N, D) = E + A/N^α + B/D^β: for each budget C and model size N, the
 * tokens D = C/(6N) and the loss L(N, D)·exp(σ·z) with z standard normal. Used by the tests (a fit
 * must recover the constants), the benchmark, and to regenerate `examples/runs/ladder.csv`.
 *
 * @example syntheticRuns(findPresetLaw('epoch')!.constants as ChinchillaConstants, { computeBudgets: [1e19], modelSizes: [1e8, 3e8], logLossNoise: 0.01, seed: 1 })
 */
export function syntheticRuns(constants: ChinchillaConstants, ladder: SyntheticLadder): FitPoint[] {
  if (!(ladder.logLossNoise >= 0)) throw new QuantityError(`noise must be zero or more, got ${ladder.logLossNoise}`);
  const law = new ChinchillaLaw('synthetic', 'synthetic', 'synthetic', constants);
  const random = seededRandom(ladder.seed);
  const range = ladder.tokensPerParam ?? { min: 0, max: Infinity };
  return ladder.computeBudgets.flatMap((compute) =>
    ladder.modelSizes.flatMap((params) => {
      const tokens = tokensForCompute(params, compute);
      if (tokens / params < range.min || tokens / params > range.max) return [];
      const loss = law.loss(params, tokens) * Math.exp(ladder.logLossNoise * standardNormal(random));
      return [{ params, tokens, loss }];
    }),
  );
}

/**
 * The benchmark's 240 runs: 8 budgets from 1e18 to 1e21 FLOP × 30 sizes from 1e7 to 1e10
 * parameters, 1% noise. The budgets bracket the optima of Epoch's law (N_opt ≈ 8e7 at 1e18 FLOP,
 * ≈ 3e9 at 1e21), as an isoFLOP study would.
 */
export const BENCHMARK_LADDER: SyntheticLadder = {
  computeBudgets: logSpace(1e18, 1e21, 8),
  modelSizes: logSpace(1e7, 1e10, 30),
  logLossNoise: 0.01,
  seed: 2024,
};

/**
 * The example ladder shipped as `examples/runs/ladder.csv`: budgets 1e18 to 1e21 FLOP in
 * half-decades, model sizes from 10M in steps of √2 (rounded to 0.1M), keeping the 53 runs with
 * 1 ≤ D/N ≤ 200 — a small isoFLOP study of the kind a team runs before a large training run.
 */
export const EXAMPLE_LADDER: SyntheticLadder = {
  computeBudgets: [1e18, 3e18, 1e19, 3e19, 1e20, 3e20, 1e21],
  modelSizes: Array.from({ length: 22 }, (_, k) => Math.round((1e7 * 2 ** (k / 2)) / 1e5) * 1e5),
  logLossNoise: 0.01,
  seed: 7,
  tokensPerParam: { min: 1, max: 200 },
};
