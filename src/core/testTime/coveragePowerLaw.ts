import { fitLogLogLine, type LogLogLine } from '../fit/approachFits';
import { betaFailureAsymptote, type BetaRates } from './betaCoverage';
import { coverageCurve, sampleGrid, type SampleRange } from './coverageCurve';

/** Samples per fitted range: enough for a stable slope over a few decades. */
const FIT_POINTS = 41;

/** −ln(coverage) ≈ coefficient·k^(−exponent), fitted over a range of k and its large-k limit. */
export interface CoveragePowerLaw {
  readonly range: SampleRange;
  /** The log-log least-squares line through −ln(coverage) against k over the range. */
  readonly fitted: LogLogLine;
  /** The decay exponent the fit finds: minus its slope. */
  readonly exponent: number;
  /** The large-k limit: coefficient Γ(a + b)/Γ(b) and exponent a (betaFailureAsymptote). */
  readonly asymptote: { readonly coefficient: number; readonly exponent: number };
}

/**
 * The power law of −ln(coverage) against k over `range`, by least squares in log-log space (as
 * Brown et al. 2024 and Schaeffer et al. 2025 fit measured coverage), beside its large-k limit. At
 * small k the fitted exponent is off a — above it for Beta(0.3, 3), where −ln(coverage) starts
 * large, below it for Beta(1, 1) — and it approaches a as the range moves to large k, where
 * −ln(coverage) ≈ 1 − coverage ≈ [Γ(a + b)/Γ(b)]·k^(−a). Undefined when fewer than two k in the range
 * leave any problem unsolved in double precision (very easy problem sets).
 *
 * @example coveragePowerLaw({ a: 0.3, b: 3 }, [1e6, 1e9])?.exponent // ≈ 0.301
 */
export function coveragePowerLaw(rates: BetaRates, range: SampleRange): CoveragePowerLaw | undefined {
  // Where coverage is 1 to double precision, −ln coverage is 0 and has no logarithm to fit.
  const curve = coverageCurve({ kind: 'beta', ...rates }, sampleGrid(range, FIT_POINTS)).filter((point) => point.negLogCoverage > 0);
  if (curve.length < 2) return undefined;
  const fitted = fitLogLogLine(
    curve.map((point) => point.samples),
    curve.map((point) => point.negLogCoverage),
    '−ln(coverage)',
  );
  return { range, fitted, exponent: -fitted.exponent, asymptote: betaFailureAsymptote(rates) };
}
