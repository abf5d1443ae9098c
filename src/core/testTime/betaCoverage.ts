import { QuantityError } from '../quantities';
import { lnGammaDifference } from './lnGamma';
import { requireSampleCount } from './passAtK';

/** Per-problem success rates spread as Beta(a, b): density ∝ p^(a−1)·(1 − p)^(b−1) on (0, 1). */
export interface BetaRates {
  readonly a: number;
  readonly b: number;
}

/** Throws unless both shape parameters are finite and greater than zero. */
export function requireBetaShape({ a, b }: BetaRates): void {
  for (const [name, value] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (!(value > 0) || !Number.isFinite(value))
      throw new QuantityError(`Beta shape ${name} must be a finite number greater than zero, got ${value}`);
  }
}

/**
 * The share of problems that k samples each leave unsolved when per-problem success rates follow
 * Beta(a, b): E[(1 − p)^k] = B(a, b + k)/B(a, b) (the Beta integral ∫p^(a−1)(1 − p)^(b+k−1)dp over
 * B(a, b); Schaeffer et al. 2025, "How Do Large Language Monkeys Get Their Power (Laws)?",
 * arXiv:2502.17578, model per-problem rates this way).
 * With B(a, b) = Γ(a)Γ(b)/Γ(a + b) the ratio is Γ(a + b)Γ(b + k)/(Γ(b)Γ(a + b + k)), taken as
 * exp([ln Γ(a + b) − ln Γ(b)] − [ln Γ(b + k + a) − ln Γ(b + k)]) so k up to 10¹² keeps its digits.
 *
 * @example betaFailure({ a: 1, b: 1 }, 9) // 1/(k + 1) = 0.1 for uniform rates
 */
export function betaFailure(rates: BetaRates, k: number): number {
  requireBetaShape(rates);
  requireSampleCount(k);
  const { a, b } = rates;
  return Math.exp(lnGammaDifference(b, a) - lnGammaDifference(b + k, a));
}

/**
 * For large k, B(a, b + k)/B(a, b) → [Γ(a + b)/Γ(b)]·k^(−a), since Γ(x + a)/Γ(x) ~ x^a: the
 * unsolved share, and with it −ln(coverage), falls as a power law whose exponent is the shape a of
 * the hard-problem tail p^(a−1) near p = 0 (the exponent Schaeffer et al. 2025 call b).
 *
 * @example betaFailureAsymptote({ a: 1, b: 1 }) // { coefficient: 1, exponent: 1 }: 1/(k + 1) ~ 1/k
 */
export function betaFailureAsymptote(rates: BetaRates): { readonly coefficient: number; readonly exponent: number } {
  requireBetaShape(rates);
  return { coefficient: Math.exp(lnGammaDifference(rates.b, rates.a)), exponent: rates.a };
}
