import { computeOptimalAllocation } from './allocation';
import { QuantityError, requirePositive } from './quantities';
import type { ScalingLaw } from './laws/scalingLaw';

/** What one more 10× of compute buys along a law's compute-optimal frontier. */
export interface DecadeReturn {
  readonly compute: number;
  readonly loss: number;
  /** Loss of the compute-optimal model at 10× the compute. */
  readonly nextLoss: number;
  /** loss − nextLoss: the improvement this decade of compute buys. */
  readonly improvement: number;
  /** loss − E: what is left to gain at all. */
  readonly reducibleLoss: number;
  /** improvement ÷ reducibleLoss: the share of what is left that this decade removes. */
  readonly reducibleShare: number;
}

/** Each 10× of compute multiplies the loss improvement by about this, for the decades from `min` to `max`. */
export interface DiminishingReturns {
  readonly decades: readonly DecadeReturn[];
  /** Geometric mean of improvement(k+1)/improvement(k): below 1, each 10× buys less than the last. */
  readonly improvementRatio: number;
}

/**
 * Loss improvement per 10× compute along the compute-optimal frontier, from `minCompute` in steps
 * of 10× up to `maxCompute` (each step's loss at C and 10C). For the Chinchilla form the reducible
 * loss L − E falls as a power of C, so each decade removes the same share of what is left and a
 * shrinking absolute amount: the seeds' "each successive 10× buys less".
 *
 * @example diminishingReturns(findPresetLaw('epoch')!, 1e20, 1e26).decades[0].improvement
 */
export function diminishingReturns(law: ScalingLaw, minCompute: number, maxCompute: number): DiminishingReturns {
  requirePositive(minCompute, 'compute range start');
  requirePositive(maxCompute, 'compute range end');
  const decadeCount = Math.floor(Math.log10(maxCompute / minCompute) + 1e-9);
  if (decadeCount < 1) throw new QuantityError(`the compute range must span at least one 10× step, got ${minCompute}..${maxCompute}`);
  const losses = Array.from({ length: decadeCount + 1 }, (_, k) => computeOptimalAllocation(law, minCompute * 10 ** k).loss);
  const decades = losses.slice(0, -1).map((loss, k): DecadeReturn => {
    const nextLoss = losses[k + 1];
    const reducibleLoss = loss - law.irreducibleLoss;
    return {
      compute: minCompute * 10 ** k,
      loss,
      nextLoss,
      improvement: loss - nextLoss,
      reducibleLoss,
      reducibleShare: (loss - nextLoss) / reducibleLoss,
    };
  });
  const ratios = decades.slice(1).map((decade, k) => decade.improvement / decades[k].improvement);
  const improvementRatio = ratios.length === 0 ? 1 : Math.exp(ratios.reduce((sum, ratio) => sum + Math.log(ratio), 0) / ratios.length);
  return { decades, improvementRatio };
}
