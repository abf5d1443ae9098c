import { tokensForCompute, trainingCompute } from '../compute';
import { FitDataError, pointLabel, validateFitPoints, type FitPoint } from './fitPoints';

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
 * @example fitAllocationExponents(isoflopOptima(runs).optima).params.exponent // ≈ 0.5
 */
export function fitAllocationExponents(optima: readonly ComputeOptimum[]): AllocationExponents {
  const computes = optima.map((optimum) => optimum.compute);
  return {
    params: fitLogLogLine(computes, optima.map((optimum) => optimum.params), 'optimal parameters'),
    tokens: fitLogLogLine(computes, optima.map((optimum) => optimum.tokens), 'optimal tokens'),
  };
}

/** Runs that share a compute budget (within a tolerance), with the budget they share. */
interface BudgetGroup {
  readonly compute: number;
  readonly points: FitPoint[];
}

/**
 * Groups runs by C = 6·N·D: a run joins a group when its compute is within `relativeTolerance`
 * of the group's smallest, so rounded token counts still land in their isoFLOP group.
 */
function groupByBudget(points: readonly FitPoint[], relativeTolerance: number): BudgetGroup[] {
  // Labels are fixed here, before sorting, so messages name each run's original row.
  const sorted = points
    .map((point, index) => ({ point: { ...point, source: pointLabel(point, index) }, compute: trainingCompute(point.params, point.tokens) }))
    .sort((left, right) => left.compute - right.compute);
  const groups: { first: number; members: { point: FitPoint; compute: number }[] }[] = [];
  for (const entry of sorted) {
    const last = groups[groups.length - 1];
    if (last && entry.compute <= last.first * (1 + relativeTolerance)) last.members.push(entry);
    else groups.push({ first: entry.compute, members: [entry] });
  }
  // A group's budget is the geometric mean of its members' compute.
  return groups.map(({ members }) => ({
    compute: Math.exp(members.reduce((total, member) => total + Math.log(member.compute), 0) / members.length),
    points: members.map((member) => member.point),
  }));
}

/**
 * Approach 1 from final losses only: at each budget, the run with the lowest loss (Hoffmann et
 * al. 2022, Sec. 3.1 take the lower envelope of whole training curves; with one loss per run this
 * is the envelope's value at each budget).
 *
 * @example lowestLossPerBudget(runs)[0].params
 */
export function lowestLossPerBudget(points: readonly FitPoint[], relativeTolerance = 0.05): ComputeOptimum[] {
  validateFitPoints(points, 1);
  return groupByBudget(points, relativeTolerance).map(({ compute, points: members }) => {
    const best = members.reduce((winner, point) => (point.loss < winner.loss ? point : winner));
    return { compute, params: best.params, tokens: best.tokens, loss: best.loss };
  });
}

/** An isoFLOP optimum, flagged when the parabola's minimum lies outside the sizes tried. */
export interface IsoflopOptimum extends ComputeOptimum {
  readonly loss: number;
  /** Runs in the group. */
  readonly runs: number;
  readonly extrapolated: boolean;
}

/** Approach 2's optima, and the budgets it could not use with the reason. */
export interface IsoflopOptima {
  readonly optima: readonly IsoflopOptimum[];
  readonly skipped: readonly { readonly compute: number; readonly reason: string }[];
}

/** Least-squares parabola y ≈ c0 + c1·x + c2·x² (x centred for conditioning), by Cramer's rule. */
function fitParabola(xs: readonly number[], ys: readonly number[]): { center: number; c0: number; c1: number; c2: number } {
  const center = xs.reduce((total, x) => total + x, 0) / xs.length;
  const sums = [0, 0, 0, 0, 0];
  const moments = [0, 0, 0];
  xs.forEach((x, i) => {
    const u = x - center;
    for (let power = 0; power < 5; power++) sums[power] += u ** power;
    for (let power = 0; power < 3; power++) moments[power] += ys[i] * u ** power;
  });
  const matrix = [
    [sums[0], sums[1], sums[2]],
    [sums[1], sums[2], sums[3]],
    [sums[2], sums[3], sums[4]],
  ];
  const determinant = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
    m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
    m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const whole = determinant(matrix);
  const [c0, c1, c2] = [0, 1, 2].map((column) => determinant(matrix.map((row, r) => row.map((value, c) => (c === column ? moments[r] : value)))) / whole);
  return { center, c0, c1, c2 };
}

/**
 * Approach 2 (Hoffmann et al. 2022, Sec. 3.2): group runs into isoFLOP profiles by compute, fit a
 * parabola to loss against log N in each, and take its minimum as N_opt (D_opt = C/(6·N_opt)).
 * Budgets with fewer than 3 model sizes, or whose parabola opens downwards, are skipped with the
 * reason. Feed the optima to {@link fitAllocationExponents}.
 *
 * @example fitAllocationExponents(isoflopOptima(runs).optima)
 */
export function isoflopOptima(points: readonly FitPoint[], relativeTolerance = 0.05): IsoflopOptima {
  validateFitPoints(points, 1);
  const optima: IsoflopOptimum[] = [];
  const skipped: { compute: number; reason: string }[] = [];
  for (const { compute, points: members } of groupByBudget(points, relativeTolerance)) {
    const logParams = members.map((point) => Math.log(point.params));
    const sizes = new Set(logParams).size;
    if (sizes < 3) {
      skipped.push({ compute, reason: `${sizes} model size${sizes === 1 ? '' : 's'} (${members.map((point) => point.source).join(', ')}); a parabola needs 3` });
      continue;
    }
    const { center, c0, c1, c2 } = fitParabola(logParams, members.map((point) => point.loss));
    if (!(c2 > 0)) {
      skipped.push({ compute, reason: 'loss does not curve upwards around a minimum at this budget' });
      continue;
    }
    const offset = -c1 / (2 * c2);
    const logOptimum = center + offset;
    const params = Math.exp(logOptimum);
    optima.push({
      compute,
      params,
      tokens: tokensForCompute(params, compute),
      loss: c0 + c1 * offset + c2 * offset * offset,
      runs: members.length,
      extrapolated: logOptimum < Math.min(...logParams) || logOptimum > Math.max(...logParams),
    });
  }
  return { optima, skipped };
}
