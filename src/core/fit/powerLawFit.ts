import { fitLogLogLine } from './approachFits';
import { FitDataError } from './fitPoints';
import { LbfgsMinimizer, type LbfgsStopReason } from './lbfgs';

/** One point of a loss-versus-compute curve, e.g. the best loss reached at each budget. */
export interface ComputeLossPoint {
  readonly compute: number;
  readonly loss: number;
  /** Where the point came from, for messages; defaults to "row <index + 1>". */
  readonly source?: string;
}

/** L(C) = E + k·C^(−γ) fitted to points. */
export interface PowerLawFit {
  /** Irreducible loss E. */
  readonly irreducibleLoss: number;
  readonly coefficient: number;
  readonly exponent: number;
  /** Σ (log L̂ − log L)² at the optimum. */
  readonly sumOfSquares: number;
  readonly points: number;
  readonly converged: boolean;
  readonly stopReason: LbfgsStopReason;
  /** Predicted loss at `compute` FLOP. */
  predict(compute: number): number;
}

/** Starting offsets as fractions of the smallest observed loss: E must lie below every loss. */
const OFFSET_STARTS = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

/**
 * Stopping rules for three parameters and a least-squares objective that reaches 0 on exact data:
 * scipy's default relative tolerance is absolute once the objective drops below 1, which would stop
 * at 1e-9 and leave the constants accurate to only ~1e-4.
 */
const POWER_LAW_LBFGS = { relativeTolerance: 1e-15, gradientTolerance: 1e-11 };

/**
 * Fits L(C) = E + k·C^(−γ), the loss-versus-compute law with an irreducible term (Henighan et al.
 * 2020, Eq. 1.1; Kaplan et al. 2020, Eq. 1.4, has no offset), by least squares on log loss:
 * residuals log(E + k·C^(−γ)) − log L, as Hoffmann et al.'s Approach 3 measures them. Starts from
 * 19 offsets below the smallest loss, each with k and γ from a straight line through
 * log(L − E) against log C, polishes every start with L-BFGS and keeps the best.
 *
 * @example fitPowerLaw([{ compute: 1e18, loss: 3.9 }, { compute: 1e19, loss: 3.4 }, { compute: 1e20, loss: 3.05 }, { compute: 1e21, loss: 2.8 }]).exponent
 */
export function fitPowerLaw(points: readonly ComputeLossPoint[]): PowerLawFit {
  points.forEach((point, index) => {
    for (const field of ['compute', 'loss'] as const) {
      const value = point[field];
      if (!(Number.isFinite(value) && value > 0)) {
        throw new FitDataError(`${point.source ?? `row ${index + 1}`}: ${field} must be a finite number greater than zero, got ${value}`);
      }
    }
  });
  const distinctBudgets = new Set(points.map((point) => point.compute)).size;
  if (distinctBudgets < 3) {
    throw new FitDataError(`a power law with offset has 3 parameters: give at least 3 different compute budgets, got ${distinctBudgets}`);
  }
  const logCompute = points.map((point) => Math.log(point.compute));
  const logLoss = points.map((point) => Math.log(point.loss));
  // θ = (log E, log k, γ); log L̂ = LSE(log k − γ·log C, log E).
  const objective = (theta: Float64Array, gradient: Float64Array) => {
    const [logE, logK, exponent] = theta;
    let value = 0;
    gradient.fill(0);
    logCompute.forEach((logC, i) => {
      const powerTerm = logK - exponent * logC;
      const largest = Math.max(powerTerm, logE);
      const powerShare = Math.exp(powerTerm - largest);
      const floorShare = Math.exp(logE - largest);
      const total = powerShare + floorShare;
      const residual = largest + Math.log(total) - logLoss[i];
      value += residual * residual;
      const scale = (2 * residual) / total;
      gradient[0] += scale * floorShare;
      gradient[1] += scale * powerShare;
      gradient[2] -= scale * powerShare * logC;
    });
    return value;
  };
  const smallestLoss = Math.min(...points.map((point) => point.loss));
  const minimizer = new LbfgsMinimizer(3, POWER_LAW_LBFGS);
  let best: { theta: Float64Array; value: number; converged: boolean; reason: LbfgsStopReason } | undefined;
  for (const fraction of OFFSET_STARTS) {
    const offset = fraction * smallestLoss;
    // L − E = k·C^(−γ) is a straight line in log-log space.
    const line = fitLogLogLine(
      points.map((point) => point.compute),
      points.map((point) => point.loss - offset),
      'loss above the offset',
    );
    const result = minimizer.minimize(objective, [Math.log(offset), Math.log(line.coefficient), -line.exponent]);
    if (Number.isFinite(result.value) && (!best || result.value < best.value)) {
      best = { theta: Float64Array.from(result.x), value: result.value, converged: result.converged, reason: result.reason };
    }
  }
  if (!best) throw new FitDataError('the power-law fit failed from every start: check the data for extreme values');
  const [logE, logK, exponent] = best.theta;
  const irreducibleLoss = Math.exp(logE);
  const coefficient = Math.exp(logK);
  return {
    irreducibleLoss,
    coefficient,
    exponent,
    sumOfSquares: best.value,
    points: points.length,
    converged: best.converged,
    stopReason: best.reason,
    predict: (compute: number) => irreducibleLoss + coefficient * compute ** -exponent,
  };
}
