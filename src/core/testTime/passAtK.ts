import { FractionRangeError, QuantityError } from '../quantities';

/**
 * Throws unless `p` is a success probability strictly between 0 and 1: at 0 no number of samples
 * helps and at 1 one is enough, so neither has a curve to draw.
 */
export function requireSuccessRate(p: number, what: string): number {
  if (!(p > 0 && p < 1)) throw new FractionRangeError(what, p, 'between 0% and 100% (exclusive)');
  return p;
}

/** Throws unless `value` is a whole number of at least `minimum` (samples, candidates, calls). */
export function requireWholeNumber(value: number, what: string, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) throw new QuantityError(`${what} must be a whole number ≥ ${minimum}, got ${value}`);
  return value;
}

/** Throws unless `k` is a whole number of samples ≥ 1. */
export function requireSampleCount(k: number, what = 'samples'): number {
  return requireWholeNumber(k, what, 1);
}

/**
 * The chance that none of k independent samples solves a problem each one solves with
 * probability p: (1 − p)^k, computed as e^(k·ln(1 − p)) with log1p so small p keep their digits.
 *
 * @example passAtKFailure(0.5, 3) // 0.125
 */
export function passAtKFailure(p: number, k: number): number {
  requireSuccessRate(p, 'success rate');
  requireSampleCount(k);
  return Math.exp(k * Math.log1p(-p));
}

/**
 * pass@k of one problem: the chance that at least one of k independent samples is correct,
 * 1 − (1 − p)^k (Chen et al. 2021, "Evaluating Large Language Models Trained on Code", Sec. 2.1,
 * for n = k samples with per-sample success rate p).
 *
 * @example passAtK(0.05, 10) // 1 − 0.95^10 ≈ 0.40126
 */
export function passAtK(p: number, k: number): number {
  requireSuccessRate(p, 'success rate');
  requireSampleCount(k);
  return -Math.expm1(k * Math.log1p(-p));
}
