import { firstYes } from '../bisection';
import { FractionRangeError, QuantityError, describeFraction } from '../quantities';
import { formatCount, formatSignificant } from '../numberFormat';
import { betaFailure, requireBetaShape, type BetaRates } from './betaCoverage';
import { passAtKFailure, requireSuccessRate } from './passAtK';

/**
 * How hard the problems are for one sample: every problem solved with the same probability p, or
 * per-problem probabilities spread as Beta(a, b) over the problem set.
 */
export type SuccessRates = { readonly kind: 'single'; readonly p: number } | ({ readonly kind: 'beta' } & BetaRates);

/**
 * The rates in words, for titles and notes.
 *
 * @example describeSuccessRates({ kind: 'beta', a: 0.3, b: 3 }) // 'per-problem success rates ~ Beta(0.3, 3)'
 */
export function describeSuccessRates(rates: SuccessRates): string {
  return rates.kind === 'single'
    ? `every problem solved with p = ${formatSignificant(rates.p * 100)}% per sample`
    : `per-problem success rates ~ Beta(${formatSignificant(rates.a)}, ${formatSignificant(rates.b)})`;
}

/** Checks the rates once, so the sweeps below can trust them. */
export function requireSuccessRates(rates: SuccessRates): SuccessRates {
  if (rates.kind === 'single') requireSuccessRate(rates.p, 'per-problem success rate p');
  else requireBetaShape(rates);
  return rates;
}

/**
 * The share of problems left unsolved by k samples each: (1 − p)^k for one rate, B(a, b + k)/B(a, b)
 * under Beta(a, b). Kept as its own number so coverage near 1 keeps its digits.
 *
 * @example coverageFailure({ kind: 'single', p: 0.5 }, 3) // 0.125
 */
export function coverageFailure(rates: SuccessRates, k: number): number {
  return rates.kind === 'single' ? passAtKFailure(rates.p, k) : betaFailure(rates, k);
}

/**
 * Coverage: the share of problems at least one of k samples solves, 1 − failure (Brown et al.
 * 2024, "Large Language Monkeys", arXiv:2407.21787: coverage is pass@k over the problem set).
 *
 * @example coverageAt({ kind: 'beta', a: 1, b: 1 }, 9) // 0.9
 */
export function coverageAt(rates: SuccessRates, k: number): number {
  return 1 - coverageFailure(rates, k);
}

/**
 * −ln(coverage), the quantity observed to fall as a power law a·k^(−b) in k (Brown et al. 2024 fit
 * coverage ≈ exp(a·k^b); Schaeffer et al. 2025, arXiv:2502.17578, explain it), as −ln(1 − failure)
 * with log1p.
 *
 * @example negativeLogCoverage({ kind: 'beta', a: 1, b: 1 }, 1) // ln 2: coverage is ½
 */
export function negativeLogCoverage(rates: SuccessRates, k: number): number {
  return -Math.log1p(-coverageFailure(rates, k));
}

/** Relative slack on 1 − target: the ln Γ differences behind a Beta failure share are good to about 1e-13. */
const TARGET_ROUNDING_SLACK = 1e-12;

/**
 * The slack for one rate, whose (1 − p)^k is good to a few ulps: at p = 1e-12 one sample moves the
 * failure by 1e-12 of itself, so the Beta slack would accept a k one sample short of the target.
 */
const SINGLE_RATE_ROUNDING_SLACK = 1e-14;

/** The largest number of samples searched for a target: 10¹² per problem is past any real budget. */
export const MAX_SAMPLES = 1e12;

/** Throws unless `target` is a coverage strictly between 0% and 100%: 100% needs infinitely many samples. */
export function requireCoverageTarget(target: number): number {
  if (!(target > 0 && target < 1)) throw new FractionRangeError('target coverage', target, 'between 0% and 100% (exclusive)');
  return target;
}

/**
 * The smallest whole number of samples per problem whose coverage reaches `target` (a fraction in
 * (0, 1)). One rate has it in closed form, k = ⌈ln(1 − target)/ln(1 − p)⌉ (checked against
 * rounding); Beta rates are bisected, coverage growing with k.
 *
 * @example samplesForTarget(0.9, { kind: 'single', p: 0.05 }) // 45: 0.95^45 ≈ 0.0994 ≤ 0.1 < 0.95^44
 */
export function samplesForTarget(target: number, rates: SuccessRates): number {
  requireCoverageTarget(target);
  requireSuccessRates(rates);
  // Failure 1 − target, or within rounding of it: Beta(1, 1) at k = 9 computes 0.1000000000000001.
  const slack = rates.kind === 'single' ? SINGLE_RATE_ROUNDING_SLACK : TARGET_ROUNDING_SLACK;
  const reaches = (k: number) => coverageFailure(rates, k) <= (1 - target) * (1 + slack);
  if (reaches(1)) return 1;
  if (rates.kind === 'single') {
    const estimate = Math.max(1, Math.ceil(Math.log1p(-target) / Math.log1p(-rates.p)));
    // The logarithms may round either way by one sample.
    return reaches(estimate - 1) ? estimate - 1 : reaches(estimate) ? estimate : estimate + 1;
  }
  if (!reaches(MAX_SAMPLES)) {
    throw new QuantityError(
      `coverage stays below ${describeFraction(target)} even at ${formatCount(MAX_SAMPLES)} samples per problem: the hardest problems are too hard`,
    );
  }
  return firstYes(reaches, 1, MAX_SAMPLES, (low, high) => Math.floor((low + high) / 2), 1);
}
