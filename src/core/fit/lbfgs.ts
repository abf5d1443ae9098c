/**
 * A small limited-memory BFGS minimiser (Nocedal 1980; Liu and Nocedal 1989) with a line search
 * that satisfies the strong Wolfe conditions (Nocedal and Wright 2006, "Numerical Optimization",
 * 2nd ed., Algorithms 3.5, 3.6 and 7.4).
 *
 * Why not a package: the JavaScript optimisers on npm that offer quasi-Newton methods,
 * optimization-js (L-BFGS), fmin (conjugate gradient with a Wolfe line search) and numeric
 * (dense BFGS), have had no release in years and work on plain arrays. The fit needs ~10⁶
 * objective evaluations in a few seconds, in Node and in a web worker; this one-file minimiser
 * reuses its typed-array buffers across all 4,500 starts (no garbage in the inner loop), and
 * applies L-BFGS-B's stopping rules (Zhu et al. 1997, as in scipy.optimize.minimize), so its
 * optima are directly comparable with the scipy reference (bench/fit_reference.py).
 */

/** Writes ∇f(x) into `gradient` and returns f(x). */
export type ValueAndGradient = (x: Float64Array, gradient: Float64Array) => number;

/** Stopping rules and memory; the defaults are scipy's L-BFGS-B defaults. */
export interface LbfgsOptions {
  /** Correction pairs kept (scipy `maxcor`, 10). */
  readonly memory: number;
  /** Iteration limit (scipy `maxiter`, 15,000). */
  readonly maxIterations: number;
  /** Evaluation limit (scipy `maxfun`, 15,000). */
  readonly maxEvaluations: number;
  /**
   * Stop when (f_k − f_{k+1}) ≤ tol·max(|f_k|, |f_{k+1}|, 1) (scipy `ftol`, factr 1e7 × machine
   * epsilon ≈ 2.2e-9). The `1` in the max is why a mean objective stops early: once f ≪ 1 the
   * test is absolute (Besiroglu et al. 2024, Appendix A).
   */
  readonly relativeTolerance: number;
  /** Stop when the largest gradient component is at most this (scipy `gtol`, 1e-5). */
  readonly gradientTolerance: number;
}

/** scipy.optimize.minimize(method='L-BFGS-B') defaults (scipy 1.x, `_minimize_lbfgsb`). */
export const DEFAULT_LBFGS_OPTIONS: LbfgsOptions = {
  memory: 10,
  maxIterations: 15000,
  maxEvaluations: 15000,
  relativeTolerance: 1e7 * Number.EPSILON,
  gradientTolerance: 1e-5,
};

/** Why the minimiser stopped; the first three count as converged. */
export type LbfgsStopReason =
  | 'gradient below tolerance'
  | 'relative reduction below tolerance'
  | 'no decrease left at machine precision'
  | 'iteration limit'
  | 'evaluation limit'
  | 'line search failed'
  | 'non-finite value';

/** Outcome of one minimisation. `x` is a view into the minimiser's buffer: copy it to keep it. */
export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  readonly reason: LbfgsStopReason;
}

/** Sufficient-decrease (Armijo) constant c₁ and curvature constant c₂ (Nocedal and Wright, Sec. 3.1). */
const ARMIJO = 1e-4;
const CURVATURE = 0.9;
/** Trial steps per line search before giving up (L-BFGS-B also allows 20). */
const MAX_LINE_SEARCH_STEPS = 20;
/**
 * A line search that fails (even along steepest descent) while its first step promises a decrease
 * of at most this share of |f| (−t·∇fᵀd ≤ 1e-10·|f|) has stopped on round-off, not on a bad model:
 * the first-order gain is below what the rounded objective resolves. On the Huber fit with tight
 * tolerances such stops have −t·∇fᵀd ≈ 1e-17 to 1e-15 at f ≈ 1e-3 and agree with scipy's optimum
 * to 1e-14 in f (test/core/fit/resampleOptima.test.ts).
 */
const ROUND_OFF_GAIN = 1e-10;

/**
 * Reusable L-BFGS state for problems of one dimension. Create once, call {@link minimize} for
 * each start: the buffers are shared, so results must be copied before the next call.
 *
 * @example
 * const minimizer = new LbfgsMinimizer(2);
 * const result = minimizer.minimize((x, g) => { g[0] = 2 * x[0]; g[1] = 2 * x[1]; return x[0] ** 2 + x[1] ** 2; }, [3, 4]);
 * result.value // ≈ 0
 */
export class LbfgsMinimizer {
  private readonly options: LbfgsOptions;
  private readonly x: Float64Array;
  private readonly gradient: Float64Array;
  private readonly direction: Float64Array;
  private readonly trialX: Float64Array;
  private readonly trialGradient: Float64Array;
  private readonly steps: Float64Array;
  private readonly gradientChanges: Float64Array;
  private readonly inverseCurvatures: Float64Array;
  private readonly twoLoopCoefficients: Float64Array;
  private evaluations = 0;
  /** f and the directional derivative at the last trial point (fields, so evaluations allocate nothing). */
  private trialValue = 0;
  private trialSlope = 0;

  constructor(
    readonly dimension: number,
    options: Partial<LbfgsOptions> = {},
  ) {
    this.options = { ...DEFAULT_LBFGS_OPTIONS, ...options };
    const memory = this.options.memory;
    this.x = new Float64Array(dimension);
    this.gradient = new Float64Array(dimension);
    this.direction = new Float64Array(dimension);
    this.trialX = new Float64Array(dimension);
    this.trialGradient = new Float64Array(dimension);
    this.steps = new Float64Array(memory * dimension);
    this.gradientChanges = new Float64Array(memory * dimension);
    this.inverseCurvatures = new Float64Array(memory);
    this.twoLoopCoefficients = new Float64Array(memory);
  }

  /** Minimises `f` from `start`. Never throws for a bad objective: a NaN stops with a reason. */
  minimize(f: ValueAndGradient, start: ArrayLike<number>): LbfgsResult {
    const { x, gradient, direction, trialX, trialGradient, dimension } = this;
    const { memory, maxIterations, maxEvaluations, relativeTolerance, gradientTolerance } = this.options;
    x.set(start);
    this.evaluations = 1;
    let value = f(x, gradient);
    let stored = 0;
    let newest = -1;
    let iterations = 0;
    let reason: LbfgsStopReason | undefined;
    if (!Number.isFinite(value)) reason = 'non-finite value';
    else if (largestMagnitude(gradient) <= gradientTolerance) reason = 'gradient below tolerance';
    let restarted = false;
    while (reason === undefined) {
      if (iterations >= maxIterations) {
        reason = 'iteration limit';
        break;
      }
      this.searchDirection(stored, newest);
      let slope = dot(gradient, direction);
      if (!(slope < 0)) {
        // The quasi-Newton model lost positive definiteness numerically: fall back to steepest descent.
        stored = 0;
        for (let j = 0; j < dimension; j++) direction[j] = -gradient[j];
        slope = dot(gradient, direction);
      }
      // The first step of a fresh model has no curvature information: make it unit length.
      const initialStep = stored === 0 ? Math.min(1, 1 / Math.sqrt(dot(direction, direction))) : 1;
      const step = this.lineSearch(f, value, slope, initialStep, maxEvaluations);
      if (step === undefined) {
        if (this.evaluations >= maxEvaluations) {
          reason = 'evaluation limit';
        } else if (stored > 0 && !restarted) {
          // L-BFGS-B's recovery: forget the curvature pairs and retry along steepest descent once.
          stored = 0;
          restarted = true;
          continue;
        } else {
          reason =
            -slope * initialStep <= ROUND_OFF_GAIN * Math.abs(value) ? 'no decrease left at machine precision' : 'line search failed';
        }
        break;
      }
      restarted = false;
      iterations++;
      const trialValue = this.trialValue;
      let curvature = 0;
      let changeSquared = 0;
      for (let j = 0; j < dimension; j++) {
        const change = trialGradient[j] - gradient[j];
        curvature += (trialX[j] - x[j]) * change;
        changeSquared += change * change;
      }
      // Keep the pair (s, y) only when it carries positive curvature (Nocedal and Wright, Sec. 7.2);
      // it overwrites the oldest pair once the memory is full.
      if (curvature > Number.EPSILON * changeSquared) {
        newest = (newest + 1) % memory;
        const offset = newest * dimension;
        for (let j = 0; j < dimension; j++) {
          this.steps[offset + j] = trialX[j] - x[j];
          this.gradientChanges[offset + j] = trialGradient[j] - gradient[j];
        }
        this.inverseCurvatures[newest] = 1 / curvature;
        stored = Math.min(stored + 1, memory);
      }
      const reduction = value - trialValue;
      x.set(trialX);
      gradient.set(trialGradient);
      const previous = value;
      value = trialValue;
      if (largestMagnitude(gradient) <= gradientTolerance) reason = 'gradient below tolerance';
      else if (reduction <= relativeTolerance * Math.max(Math.abs(previous), Math.abs(value), 1)) {
        reason = 'relative reduction below tolerance';
      } else if (this.evaluations >= maxEvaluations) reason = 'evaluation limit';
    }
    return {
      x,
      value,
      iterations,
      evaluations: this.evaluations,
      converged:
        reason === 'gradient below tolerance' ||
        reason === 'relative reduction below tolerance' ||
        reason === 'no decrease left at machine precision',
      reason,
    };
  }

  /**
   * direction = −H·gradient by the two-loop recursion (Nocedal and Wright, Algorithm 7.4), with
   * H₀ = (sᵀy / yᵀy)·I from the newest pair (their Eq. 7.20).
   */
  private searchDirection(stored: number, newest: number): void {
    const { gradient, direction, steps, gradientChanges, inverseCurvatures, twoLoopCoefficients, dimension } = this;
    const memory = this.options.memory;
    for (let j = 0; j < dimension; j++) direction[j] = -gradient[j];
    let slot = newest;
    for (let k = 0; k < stored; k++) {
      const offset = slot * dimension;
      let coefficient = 0;
      for (let j = 0; j < dimension; j++) coefficient += steps[offset + j] * direction[j];
      coefficient *= inverseCurvatures[slot];
      twoLoopCoefficients[slot] = coefficient;
      for (let j = 0; j < dimension; j++) direction[j] -= coefficient * gradientChanges[offset + j];
      slot = (slot + memory - 1) % memory;
    }
    if (stored > 0) {
      const offset = newest * dimension;
      let changeSquared = 0;
      for (let j = 0; j < dimension; j++) changeSquared += gradientChanges[offset + j] ** 2;
      const scale = 1 / (inverseCurvatures[newest] * changeSquared);
      for (let j = 0; j < dimension; j++) direction[j] *= scale;
    }
    for (let k = 0; k < stored; k++) {
      slot = (slot + 1) % memory;
      const offset = slot * dimension;
      let correction = 0;
      for (let j = 0; j < dimension; j++) correction += gradientChanges[offset + j] * direction[j];
      correction = twoLoopCoefficients[slot] - inverseCurvatures[slot] * correction;
      for (let j = 0; j < dimension; j++) direction[j] += correction * steps[offset + j];
    }
  }

  /** Evaluates x + step·direction into the trial buffers, `trialValue` and `trialSlope`. */
  private evaluateTrial(f: ValueAndGradient, step: number): void {
    const { x, direction, trialX, trialGradient, dimension } = this;
    for (let j = 0; j < dimension; j++) trialX[j] = x[j] + step * direction[j];
    this.evaluations++;
    this.trialValue = f(trialX, trialGradient);
    this.trialSlope = dot(trialGradient, direction);
  }

  /**
   * A step satisfying the strong Wolfe conditions, by bracketing then zooming with safeguarded
   * cubic interpolation (Nocedal and Wright, Algorithms 3.5 and 3.6). On success the trial
   * buffers and `trialValue` hold the accepted point; returns undefined when no such step was found.
   */
  private lineSearch(f: ValueAndGradient, value: number, slope: number, initialStep: number, maxEvaluations: number): number | undefined {
    let previousStep = 0;
    let previousValue = value;
    let previousSlope = slope;
    let step = initialStep;
    for (let trial = 0; trial < MAX_LINE_SEARCH_STEPS && this.evaluations < maxEvaluations; trial++) {
      this.evaluateTrial(f, step);
      const { trialValue, trialSlope } = this;
      if (!Number.isFinite(trialValue) || trialValue > value + ARMIJO * step * slope || (trial > 0 && trialValue >= previousValue)) {
        return this.zoom(f, value, slope, previousStep, previousValue, previousSlope, step, trialValue, trialSlope, maxEvaluations);
      }
      if (Math.abs(trialSlope) <= -CURVATURE * slope) return step;
      if (trialSlope >= 0) {
        return this.zoom(f, value, slope, step, trialValue, trialSlope, previousStep, previousValue, previousSlope, maxEvaluations);
      }
      previousStep = step;
      previousValue = trialValue;
      previousSlope = trialSlope;
      // Grow fast: where the Huber loss is linear the slope hardly changes, so short steps are wasted.
      step *= 4;
    }
    return undefined;
  }

  /** Algorithm 3.6: shrinks [low, high], which brackets a strong-Wolfe step, until one is found. */
  private zoom(
    f: ValueAndGradient,
    value: number,
    slope: number,
    lowStep: number,
    lowValue: number,
    lowSlope: number,
    highStep: number,
    highValue: number,
    highSlope: number,
    maxEvaluations: number,
  ): number | undefined {
    for (let trial = 0; trial < MAX_LINE_SEARCH_STEPS && this.evaluations < maxEvaluations; trial++) {
      const width = highStep - lowStep;
      if (Math.abs(width) <= Number.EPSILON * Math.max(Math.abs(lowStep), Number.MIN_VALUE)) return undefined;
      const step = safeguardedCubicMinimum(lowStep, lowValue, lowSlope, highStep, highValue, highSlope);
      this.evaluateTrial(f, step);
      const { trialValue, trialSlope } = this;
      if (!Number.isFinite(trialValue) || trialValue > value + ARMIJO * step * slope || trialValue >= lowValue) {
        highStep = step;
        highValue = trialValue;
        highSlope = trialSlope;
        continue;
      }
      if (Math.abs(trialSlope) <= -CURVATURE * slope) return step;
      if (trialSlope * (highStep - lowStep) >= 0) {
        highStep = lowStep;
        highValue = lowValue;
        highSlope = lowSlope;
      }
      lowStep = step;
      lowValue = trialValue;
      lowSlope = trialSlope;
    }
    return undefined;
  }
}

/**
 * Minimiser of the cubic through (t₀, f₀, f₀′) and (t₁, f₁, f₁′) (Nocedal and Wright, Eq. 3.59),
 * kept at least 10% of the interval away from either end; bisection when the cubic has no minimum
 * or a value is not finite.
 */
function safeguardedCubicMinimum(t0: number, f0: number, d0: number, t1: number, f1: number, d1: number): number {
  const low = Math.min(t0, t1);
  const high = Math.max(t0, t1);
  const margin = 0.1 * (high - low);
  let candidate = NaN;
  if (Number.isFinite(f1) && Number.isFinite(d1)) {
    const d1Term = d0 + d1 - (3 * (f0 - f1)) / (t0 - t1);
    const radicand = d1Term * d1Term - d0 * d1;
    if (radicand >= 0) {
      const d2Term = Math.sign(t1 - t0) * Math.sqrt(radicand);
      candidate = t1 - (t1 - t0) * ((d1 + d2Term - d1Term) / (d1 - d0 + 2 * d2Term));
    }
  }
  if (!Number.isFinite(candidate)) return (low + high) / 2;
  return Math.min(Math.max(candidate, low + margin), high - margin);
}

function dot(left: Float64Array, right: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < left.length; j++) sum += left[j] * right[j];
  return sum;
}

function largestMagnitude(values: Float64Array): number {
  let largest = 0;
  for (let j = 0; j < values.length; j++) largest = Math.max(largest, Math.abs(values[j]));
  return largest;
}
