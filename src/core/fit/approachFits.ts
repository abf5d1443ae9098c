import { FitDataError } from './fitPoints';

/** y = coefficient · x^exponent, fitted as a straight line in log-log space. */
export interface LogLogLine {
  readonly exponent: number;
  readonly coefficient: number;
  /** Share of the variance of log y the line explains. */
  readonly rSquared: number;
  readonly points: number;
}

/**
 * Ordinary least squares of log y on log x: the power law y = c·x^k through the points.
 *
 * @example fitLogLogLine([1, 10, 100], [2, 20, 200]).exponent // 1
 */
export function fitLogLogLine(xs: readonly number[], ys: readonly number[], what = 'value'): LogLogLine {
  if (xs.length !== ys.length) throw new FitDataError(`${xs.length} x values but ${ys.length} ${what} values`);
  [xs, ys].forEach((values, axis) =>
    values.forEach((value, index) => {
      if (!(Number.isFinite(value) && value > 0)) {
        throw new FitDataError(`row ${index + 1}: ${axis === 0 ? 'x' : what} must be a finite number greater than zero, got ${value}`);
      }
    }),
  );
  const logX = xs.map(Math.log);
  const logY = ys.map(Math.log);
  const meanX = logX.reduce((total, x) => total + x, 0) / logX.length;
  const meanY = logY.reduce((total, y) => total + y, 0) / logY.length;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  logX.forEach((x, i) => {
    covariance += (x - meanX) * (logY[i] - meanY);
    varianceX += (x - meanX) ** 2;
    varianceY += (logY[i] - meanY) ** 2;
  });
  if (!(varianceX > 0)) throw new FitDataError(`a log-log line needs at least 2 different x values, got ${new Set(xs).size}`);
  const exponent = covariance / varianceX;
  return {
    exponent,
    coefficient: Math.exp(meanY - exponent * meanX),
    rSquared: varianceY > 0 ? (covariance * covariance) / (varianceX * varianceY) : 1,
    points: xs.length,
  };
}

/** The compute-optimal model found at one budget. */
export interface ComputeOptimum {
  readonly compute: number;
  readonly params: number;
  readonly tokens: number;
  /** Loss at the optimum, where the method gives one. */
  readonly loss?: number;
}

/** N_opt ∝ C^a and D_opt ∝ C^b (Hoffmann et al. 2022, Eq. 4 and Table 2). */
export interface AllocationExponents {
  /** N_opt = coefficient · C^a. */
  readonly params: LogLogLine;
  /** D_opt = coefficient · C^b. */
  readonly tokens: LogLogLine;
}

/**
 * The allocation exponents a and b by log-log regression of the optima on compute, as in
 * Hoffmann et al. 2022's Approaches 1 and 2 (Sec. 3.1, 3.2 and Table 2).
 *
 * @example fitAllocationExponents(optima).params.exponent // a
 */
export function fitAllocationExponents(optima: readonly ComputeOptimum[]): AllocationExponents {
  const computes = optima.map((optimum) => optimum.compute);
  return {
    params: fitLogLogLine(
      computes,
      optima.map((optimum) => optimum.params),
      'optimal parameters',
    ),
    tokens: fitLogLogLine(
      computes,
      optima.map((optimum) => optimum.tokens),
      'optimal tokens',
    ),
  };
}
