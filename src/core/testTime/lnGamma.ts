import { QuantityError } from '../quantities';

/**
 * Lanczos's approximation Γ(z) = √(2π)·t^(z−½)·e^(−t)·A_g(z), t = z + g − ½ (Lanczos 1964, "A
 * precision approximation of the gamma function", SIAM J. Numer. Anal. B 1, Eq. 11), with g = 7 and
 * the nine coefficients of A_g(z) = c₀ + Σ cᵢ/(z − 1 + i) computed by Godfrey (2001, "A note on the
 * computation of the convergent Lanczos complex Gamma approximation"): about 15 significant digits
 * for z > 0.
 */
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** Below ½ the series loses accuracy: such arguments go through the reflection formula instead. */
const REFLECTION_BELOW = 0.5;

/** A_g(z), the Lanczos series. */
function lanczosSeries(z: number): number {
  let sum = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) sum += LANCZOS_COEFFICIENTS[i] / (z - 1 + i);
  return sum;
}

function requirePositiveArgument(x: number, what: string): void {
  if (!(x > 0) || !Number.isFinite(x)) throw new QuantityError(`${what} needs a finite argument greater than zero, got ${x}`);
}

/**
 * ln Γ(x) for x > 0, by Lanczos's approximation; below ½ through the reflection formula
 * Γ(x)·Γ(1 − x) = π / sin(πx).
 *
 * @example lnGamma(5) // ln 24 ≈ 3.1780538303479458
 */
export function lnGamma(x: number): number {
  requirePositiveArgument(x, 'ln Γ');
  if (x < REFLECTION_BELOW) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const t = x + LANCZOS_G - 0.5;
  return HALF_LOG_TWO_PI + (x - 0.5) * Math.log(t) - t + Math.log(lanczosSeries(x));
}

/**
 * ln Γ(x + a) − ln Γ(x) for x > 0 and x + a > 0, without subtracting two large logarithms: for
 * x = 10¹², ln Γ(x) ≈ 2.7e13 and a direct difference would keep only two or three digits. From the
 * Lanczos form, with t = x + g − ½, the difference is
 * a·ln(t + a) + (x − ½)·ln(1 + a/t) − a + ln(A_g(x + a)/A_g(x)), and ln(1 + a/t) is computed
 * with log1p.
 *
 * @example lnGammaDifference(10, 1) // ln 10: Γ(11)/Γ(10) = 10
 */
export function lnGammaDifference(x: number, a: number): number {
  requirePositiveArgument(x, 'ln Γ(x + a) − ln Γ(x)');
  requirePositiveArgument(x + a, 'ln Γ(x + a) − ln Γ(x)');
  if (x < REFLECTION_BELOW || x + a < REFLECTION_BELOW) return lnGamma(x + a) - lnGamma(x);
  const t = x + LANCZOS_G - 0.5;
  return a * Math.log(t + a) + (x - 0.5) * Math.log1p(a / t) - a + Math.log(lanczosSeries(x + a) / lanczosSeries(x));
}
