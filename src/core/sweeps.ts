import { computeOptimalAllocation, type Allocation } from './allocation';
import { tokensForCompute } from './compute';
import { QuantityError, requirePositive } from './quantities';
import type { ScalingLaw } from './laws/scalingLaw';

/**
 * `count` values spaced evenly in log space from `min` to `max`, both included.
 *
 * @example logSpace(1e18, 1e20, 3) // [1e18, 1e19, 1e20]
 */
export function logSpace(min: number, max: number, count: number): number[] {
  requirePositive(min, 'range start');
  requirePositive(max, 'range end');
  if (!(max >= min)) throw new QuantityError(`range end ${max} must not be below range start ${min}`);
  if (!Number.isInteger(count) || count < 1) throw new QuantityError(`number of points must be a whole number ≥ 1, got ${count}`);
  if (count === 1) return [min];
  const step = Math.log(max / min) / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? max : min * Math.exp(step * i)));
}

/** Tables of a sweep list at most this many powers of ten between its ends. */
const MAX_DECADE_STOPS = 8;

/**
 * Where a table samples a log sweep: its two ends and the round powers of ten between them (every
 * other one, or sparser, when there are more than eight), so rows read 1, 10, 100… rather than the
 * chart's arbitrary sample points.
 *
 * @example decadeStops(3, 500) // [3, 10, 100, 500]
 */
export function decadeStops(min: number, max: number): number[] {
  const first = Math.ceil(Math.log10(min) - 1e-9);
  const last = Math.floor(Math.log10(max) + 1e-9);
  const step = Math.max(1, Math.ceil((last - first + 1) / MAX_DECADE_STOPS));
  const powers: number[] = [];
  for (let exponent = first; exponent <= last; exponent += step) powers.push(Number(`1e${exponent}`));
  return [...new Set([min, ...powers.filter((power) => power > min && power < max), max])];
}

/** One point of an isoFLOP curve: a model size, the tokens the budget leaves it, and its loss. */
export interface IsoflopPoint {
  readonly compute: number;
  readonly params: number;
  readonly tokens: number;
  readonly loss: number;
}

/**
 * Loss against model size at a fixed compute budget (Hoffmann et al. 2022, Approach 2, Fig. 3),
 * for model sizes spread `span`× either side of the optimum.
 */
export function isoflopCurve(law: ScalingLaw, compute: number, points = 41, span = 30): IsoflopPoint[] {
  const optimum = computeOptimalAllocation(law, compute);
  return logSpace(optimum.params / span, optimum.params * span, points).map((params) => {
    const tokens = tokensForCompute(params, compute);
    return { compute, params, tokens, loss: law.loss(params, tokens) };
  });
}

/** The compute-optimal allocation at `points` budgets log-spaced over [minCompute, maxCompute]. */
export function optimalFrontier(law: ScalingLaw, minCompute: number, maxCompute: number, points = 41): Allocation[] {
  return logSpace(minCompute, maxCompute, points).map((compute) => computeOptimalAllocation(law, compute));
}
