import { computeOptimalAllocation } from './allocation';
import type { ScalingLaw } from './laws/scalingLaw';
import type { ValidityRange } from './laws/validity';
import { logSpace } from './sweeps';

/** Budgets tried along a sweep to find where a law's optimum leaves its fitting range: 4 per decade. */
const BUDGETS_PER_DECADE = 4;

/** Where along a sweep of compute a law's compute-optimal model lies within the runs the law was fitted on. */
export interface FrontierWithinFit {
  readonly law: ScalingLaw;
  /** The runs it was fitted on. */
  readonly validity: ValidityRange;
  /** The budgets tried, FLOP: both ends of the sweep and 4 per decade between them. */
  readonly budgets: readonly number[];
  /** Those of them at which the optimum needs no extrapolation (on no axis outside the law's runs). */
  readonly inside: readonly number[];
}

/**
 * For each law with a known fitting range, the budgets of a sweep over `compute` at which its
 * compute-optimal model lies within the runs it was fitted on; laws without a range are left out.
 *
 * @example frontiersWithinFit([findPresetLaw('epoch')!], [1e20, 1e21])[0].inside.length // 5: 70M < N ≈ 0.85B–2.9B < 16B and 5B < D ≈ 20B–60B < 500B
 */
export function frontiersWithinFit(laws: readonly ScalingLaw[], compute: readonly [number, number]): FrontierWithinFit[] {
  const count = Math.max(2, Math.ceil(Math.log10(compute[1] / compute[0]) * BUDGETS_PER_DECADE) + 1);
  const budgets = logSpace(compute[0], compute[1], count);
  return laws.flatMap((law) => {
    const { validity } = law;
    if (!validity) return [];
    const inside = budgets.filter((budget) => computeOptimalAllocation(law, budget).extrapolation.length === 0);
    return [{ law, validity, budgets, inside }];
  });
}
