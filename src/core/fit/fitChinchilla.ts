import type { ChinchillaConstants } from '../laws/scalingLaw';
import { customLaw } from '../laws/presets';
import type { ChinchillaLaw } from '../laws/chinchillaLaw';
import { exponentWarnings, sampleSizeWarnings, spreadWarnings } from './fitDiagnostics';
import { FitCancelledError, FitDataError, validateFitPoints, type FitPoint } from './fitPoints';
import { CHINCHILLA_HUBER_DELTA, ChinchillaHuberObjective, PARAMETER_COUNT, PARAMETER_INDEX, type ParameterName } from './huberObjective';
import { DEFAULT_LBFGS_OPTIONS, LbfgsMinimizer, type LbfgsOptions, type LbfgsStopReason } from './lbfgs';

/** A point of the search space: a = log A, b = log B, e = log E, and the exponents α and β. */
export type ChinchillaParameters = Readonly<Record<ParameterName, number>>;

/** Start values for each parameter; the starts are every combination. */
export type StartGrid = Readonly<Record<ParameterName, readonly number[]>>;

/** Values from `from` to `to` in steps of `step`, both ends included. */
function steps(from: number, to: number, step: number): number[] {
  return Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);
}

/**
 * Hoffmann et al. 2022's initialisation grid (Appendix D.2): α, β ∈ {0, 0.5, …, 2},
 * e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}: 5 × 5 × 5 × 6 × 6 = 4,500 starts.
 */
export const HOFFMANN_START_GRID: StartGrid = {
  a: steps(0, 25, 5),
  b: steps(0, 25, 5),
  e: steps(-1, 1, 0.5),
  alpha: steps(0, 2, 0.5),
  beta: steps(0, 2, 0.5),
};

/** Order in which the grid is enumerated (b varies fastest), shared with bench/fit_reference.py. */
const GRID_ORDER: readonly ParameterName[] = ['alpha', 'beta', 'e', 'a', 'b'];

/**
 * L-BFGS stopping rules of every Chinchilla fit: the tight tolerances of the reference bootstrap
 * (scipy L-BFGS-B with ftol 1e-15, gtol 1e-12; bench/fit_reference.py). scipy's defaults (2.2e-9,
 * 1e-5) are absolute once f < 1 (see `relativeTolerance`), and the summed Huber objective of a few
 * hundred runs is of order 1e-3, so a resample started at the full-data optimum stopped after a
 * step or two: its optimum barely moved and bootstrap standard errors came out 2–4× too small
 * (issue 12; Besiroglu et al. 2024, Sec. 4). At 1e-15 the test is 1e-12 of such an objective.
 */
export const CHINCHILLA_LBFGS_OPTIONS: LbfgsOptions = { ...DEFAULT_LBFGS_OPTIONS, relativeTolerance: 1e-15, gradientTolerance: 1e-12 };

/**
 * Local searches a fit runs first: from the starts with the lowest objective among all of the
 * grid's starts. Over 60 varied synthetic ladders (bench/exhaustiveFits.ts), the start ranked best
 * by its objective value led to the exhaustive 4,500-start optimum on 46, one ranked 1–2 on 9, and
 * ranks 10, 12, 23 and 24 on four fits with E → 0 or an exponent outside 0.05–1.5; on the last
 * (rank 1,583, β ≈ 102) the best-screened starts all led to β < 0. So 40 starts are searched, then
 * every remaining start when the best optimum so far has an implausible exponent (see
 * `exponentWarnings`): about 1% of the local searches for a fit that identifies the law.
 */
export const SCREENED_STARTS = 40;

/** Constants known in advance (e.g. E from a larger study); they are held fixed and not searched. */
export type FixedConstants = Partial<ChinchillaConstants>;

/** How the Chinchilla fit runs. Everything is optional; the defaults are the paper's. */
export interface ChinchillaFitOptions {
  /** Huber threshold δ, default 1e-3 (Hoffmann et al. 2022, Sec. 3.3). */
  readonly delta?: number;
  /** Replaces some axes of {@link HOFFMANN_START_GRID}. */
  readonly grid?: Partial<StartGrid>;
  /** Explicit starts instead of a grid (the bootstrap restarts from the full fit's optima). */
  readonly starts?: readonly ChinchillaParameters[];
  /** Fit only starts [from, to) of the list, so workers can share a grid; see {@link bestOfFits}. */
  readonly startRange?: { readonly from: number; readonly to: number };
  /** Constants held at known values. */
  readonly fixed?: FixedConstants;
  /** How many times each point counts (a bootstrap resample); default once each. */
  readonly repeats?: ArrayLike<number>;
  /** L-BFGS stopping rules; default {@link CHINCHILLA_LBFGS_OPTIONS}. */
  readonly lbfgs?: Partial<LbfgsOptions>;
  /**
   * How many starts get a local search: the ones with the lowest objective at the start itself
   * (default {@link SCREENED_STARTS}); `Infinity` searches from every start, as Hoffmann et al. did.
   */
  readonly searchedStarts?: number;
  /** Called up to ~100 times with the number of starts finished. */
  readonly onProgress?: (finishedStarts: number, totalStarts: number) => void;
  /** Polled between starts; when it returns true the fit throws a {@link FitCancelledError}. */
  readonly isCancelled?: () => boolean;
}

/** The best optimum over all starts, with what it took to find it. A {@link ChinchillaConstants}. */
export interface ChinchillaFit extends ChinchillaConstants {
  /** Σ Huber at the optimum. */
  readonly objective: number;
  /** The optimum as searched: log A, log B, log E, α, β. */
  readonly parameters: ChinchillaParameters;
  /** Compute-optimal share of extra compute going to parameters, β/(α+β) (Hoffmann et al. 2022, Eq. 4). */
  readonly paramsExponent: number;
  /** Number of data points (counting repeats). */
  readonly points: number;
  /** Starts screened (the objective evaluated at each). */
  readonly starts: number;
  /** Starts a local search ran from: the best-screened ones. */
  readonly searchedStarts: number;
  /** Searched starts whose L-BFGS run met a tolerance. */
  readonly convergedStarts: number;
  /** Whether the winning start converged; when false, `stopReason` says why not. */
  readonly converged: boolean;
  readonly stopReason: LbfgsStopReason;
  /** L-BFGS iterations of the winning start. */
  readonly iterations: number;
  /** Objective evaluations over all starts. */
  readonly evaluations: number;
  /** The start that led to the optimum. */
  readonly bestStart: ChinchillaParameters;
  /** Up to {@link KEPT_OPTIMA} distinct local optima, best first, with their objectives. */
  readonly localOptima: readonly LocalOptimum[];
  /** The constants that were held fixed. */
  readonly fixed: readonly (keyof ChinchillaConstants)[];
  readonly delta: number;
  /** Plain-language problems with the result (e.g. a negative exponent). */
  readonly warnings: readonly string[];
}

/** One optimum found from some start. */
export interface LocalOptimum {
  readonly parameters: ChinchillaParameters;
  readonly objective: number;
}

/** How many distinct optima a fit remembers (for restarting bootstrap resamples). */
export const KEPT_OPTIMA = 8;
/**
 * Optima closer than this in every coordinate of (a, b, e, α, β) count as the same: on the flat
 * valley of a nearly-L1 objective, L-BFGS stops a few 1e-3 apart from starts in one basin.
 */
const SAME_OPTIMUM = 0.05;

const CONSTANT_TO_PARAMETER: Readonly<Record<keyof ChinchillaConstants, ParameterName>> = {
  A: 'a',
  B: 'b',
  E: 'e',
  alpha: 'alpha',
  beta: 'beta',
};
const PARAMETER_NAMES = Object.keys(PARAMETER_INDEX) as ParameterName[];

/** The fixed constants as search-space values: A, B, E by their logarithms (log 0 = −∞ drops E). */
function fixedParameters(fixed: FixedConstants): Partial<Record<ParameterName, number>> {
  const result: Partial<Record<ParameterName, number>> = {};
  for (const [key, value] of Object.entries(fixed) as [keyof ChinchillaConstants, number | undefined][]) {
    if (value === undefined) continue;
    const parameter = CONSTANT_TO_PARAMETER[key];
    if (!parameter) throw new FitDataError(`cannot fix "${key}": expected one of E, A, B, alpha, beta`);
    const lowest = key === 'E' ? 0 : Number.MIN_VALUE;
    if (!Number.isFinite(value) || value < lowest) {
      throw new FitDataError(`fixed ${key} must be a finite number ${key === 'E' ? '≥ 0' : '> 0'}, got ${value}`);
    }
    result[parameter] = key === 'A' || key === 'B' || key === 'E' ? Math.log(value) : value;
  }
  return result;
}

/**
 * Every combination of the grid's values, fixed parameters taking their one fixed value, in the
 * order α, β, e, a, b (b fastest).
 *
 * @example chinchillaStartGrid().length // 4500
 */
export function chinchillaStartGrid(grid: Partial<StartGrid> = {}, fixed: FixedConstants = {}): ChinchillaParameters[] {
  const fixedValues = fixedParameters(fixed);
  const axes = GRID_ORDER.map((name) => {
    const fixedValue = fixedValues[name];
    if (fixedValue !== undefined) return [fixedValue];
    const values = grid[name] ?? HOFFMANN_START_GRID[name];
    if (values.length === 0 || values.some((value) => !Number.isFinite(value))) {
      throw new FitDataError(`start grid for ${name} must list finite numbers, got [${values.join(', ')}]`);
    }
    return values;
  });
  let starts: Partial<Record<ParameterName, number>>[] = [{}];
  GRID_ORDER.forEach((name, axis) => {
    starts = starts.flatMap((start) => axes[axis].map((value) => ({ ...start, [name]: value })));
  });
  return starts as ChinchillaParameters[];
}

function toVector(parameters: ChinchillaParameters, into: Float64Array): Float64Array {
  for (const name of PARAMETER_NAMES) into[PARAMETER_INDEX[name]] = parameters[name];
  return into;
}

function fromVector(vector: ArrayLike<number>): ChinchillaParameters {
  return { a: vector[0], b: vector[1], e: vector[2], alpha: vector[3], beta: vector[4] };
}

/** Adds an optimum to the best-first list unless a better copy of it is already there. */
function rememberOptimum(optima: LocalOptimum[], candidate: LocalOptimum): void {
  const close = (left: number, right: number) => left === right || Math.abs(left - right) <= SAME_OPTIMUM;
  const same = (other: LocalOptimum) => PARAMETER_NAMES.every((name) => close(other.parameters[name], candidate.parameters[name]));
  const existing = optima.findIndex(same);
  if (existing >= 0) {
    if (optima[existing].objective <= candidate.objective) return;
    optima.splice(existing, 1);
  }
  const position = optima.findIndex((other) => other.objective > candidate.objective);
  optima.splice(position < 0 ? optima.length : position, 0, candidate);
  if (optima.length > KEPT_OPTIMA) optima.pop();
}

/**
 * Hoffmann et al.'s Approach 3 (2022, Sec. 3.3 and Appendix D.2): fits L(N, D) = E + A/N^α + B/D^β
 * by minimising Σᵢ Huber_δ(LSE(a − α·log Nᵢ, b − β·log Dᵢ, e) − log Lᵢ) with L-BFGS from every
 * start of a grid (4,500 by default) and keeping the best optimum. The result is a
 * {@link ChinchillaConstants}, so `customLaw(name, fit)` turns it into a law.
 *
 * Throws a `FitDataError` for unusable data and a {@link FitCancelledError} when cancelled.
 *
 * @example fitChinchilla(runs).alpha
 * @example fitChinchilla(runs, { fixed: { E: 1.69 }, grid: { a: [5, 10] } })
 */
export function fitChinchilla(points: readonly FitPoint[], options: ChinchillaFitOptions = {}): ChinchillaFit {
  const delta = options.delta ?? CHINCHILLA_HUBER_DELTA;
  if (!(delta > 0 && Number.isFinite(delta))) throw new FitDataError(`Huber δ must be a finite number > 0, got ${delta}`);
  const fixed = options.fixed ?? {};
  const fixedValues = fixedParameters(fixed);
  const free = PARAMETER_NAMES.filter((name) => fixedValues[name] === undefined).map((name) => PARAMETER_INDEX[name]);
  validateFitPoints(points, free.length);
  if (options.repeats && options.repeats.length !== points.length) {
    throw new FitDataError(`repeats has ${options.repeats.length} entries for ${points.length} points`);
  }
  const allStarts = options.starts ?? chinchillaStartGrid(options.grid, fixed);
  const { from, to } = options.startRange ?? { from: 0, to: allStarts.length };
  const starts = allStarts.slice(from, to);
  if (starts.length === 0) throw new FitDataError(`no starts to fit (range ${from}–${to} of ${allStarts.length})`);

  const searchedCount = options.searchedStarts ?? SCREENED_STARTS;
  if (!(searchedCount >= 1)) throw new FitDataError(`searched starts must be at least 1, got ${searchedCount}`);

  const objective = new ChinchillaHuberObjective(points, delta, options.repeats);
  // L-BFGS sees only the free parameters; the fixed ones sit in `full` throughout.
  const full = new Float64Array(PARAMETER_COUNT);
  const fullGradient = new Float64Array(PARAMETER_COUNT);
  const reduced = (x: Float64Array, gradient: Float64Array) => {
    for (let k = 0; k < free.length; k++) full[free[k]] = x[k];
    const value = objective.evaluate(full, fullGradient);
    for (let k = 0; k < free.length; k++) gradient[k] = fullGradient[free[k]];
    return value;
  };
  const minimizer = new LbfgsMinimizer(free.length, { ...CHINCHILLA_LBFGS_OPTIONS, ...options.lbfgs });
  const startVector = new Float64Array(PARAMETER_COUNT);
  const freeStart = new Float64Array(free.length);
  const ranked = rankStarts(starts, (start) => objective.evaluate(toVector({ ...start, ...fixedValues }, startVector), fullGradient));
  let searched = Math.min(searchedCount, ranked.length);
  let progressStep = Math.max(1, Math.ceil(searched / 100));
  const optima: LocalOptimum[] = [];
  let best:
    | { start: ChinchillaParameters; optimum: Float64Array; value: number; iterations: number; converged: boolean; reason: LbfgsStopReason }
    | undefined;
  let evaluations = 0;
  let convergedStarts = 0;

  for (let index = 0; index < searched; index++) {
    if (options.isCancelled?.()) throw new FitCancelledError(`fit cancelled after ${index} of ${searched} starts`);
    const start = { ...ranked[index], ...fixedValues };
    toVector(start, startVector);
    full.set(startVector);
    for (let k = 0; k < free.length; k++) freeStart[k] = startVector[free[k]];
    const result = minimizer.minimize(reduced, freeStart);
    evaluations += result.evaluations;
    if (result.converged) convergedStarts++;
    if (Number.isFinite(result.value)) {
      for (let k = 0; k < free.length; k++) full[free[k]] = result.x[k];
      rememberOptimum(optima, { parameters: fromVector(full), objective: result.value });
      // Ties keep the better-screened start (then the earlier one), so the answer is reproducible.
      if (!best || result.value < best.value) {
        best = {
          start,
          optimum: Float64Array.from(full),
          value: result.value,
          iterations: result.iterations,
          converged: result.converged,
          reason: result.reason,
        };
      }
    }
    // An implausible optimum (an exponent ≤ 0.05 or ≥ 1.5) is where screening missed the grid's best
    // (test/core/fit/screenedFit.test.ts): then the remaining starts are searched too.
    if (index + 1 === searched && searched < ranked.length && best && exponentWarnings(fromVector(best.optimum)).length > 0) {
      searched = ranked.length;
      progressStep = Math.max(1, Math.ceil(searched / 100));
    }
    if ((index + 1) % progressStep === 0 || index + 1 === searched) options.onProgress?.(index + 1, searched);
  }
  if (!best) {
    throw new FitDataError('every start of the fit failed (the objective was not finite anywhere): check the data for extreme values');
  }
  const parameters = fromVector(best.optimum);
  return {
    E: Math.exp(parameters.e),
    A: Math.exp(parameters.a),
    B: Math.exp(parameters.b),
    alpha: parameters.alpha,
    beta: parameters.beta,
    objective: best.value,
    parameters,
    paramsExponent: parameters.beta / (parameters.alpha + parameters.beta),
    points: objective.weightTotal,
    starts: starts.length,
    searchedStarts: searched,
    convergedStarts,
    converged: best.converged,
    stopReason: best.reason,
    iterations: best.iterations,
    evaluations,
    bestStart: best.start,
    localOptima: optima,
    fixed: (Object.keys(fixed) as (keyof ChinchillaConstants)[]).filter((key) => fixed[key] !== undefined),
    delta,
    warnings: fitWarnings(points, free.length, parameters, best.converged, best.reason),
  };
}

/**
 * The starts ordered by the objective's value at each, lowest first (ties in list order,
 * non-finite values last). Screening first and searching only from the best is how the 4,500-start
 * fit stays under a second: most grid starts lie far up the objective's walls and lead either to
 * the same optimum as a better-ranked start or to a worse one (see SCREENED_STARTS).
 */
function rankStarts(
  starts: readonly ChinchillaParameters[],
  valueAt: (start: ChinchillaParameters) => number,
): readonly ChinchillaParameters[] {
  const values = starts.map((start) => {
    const value = valueAt(start);
    return Number.isFinite(value) ? value : Infinity;
  });
  const order = starts.map((_, index) => index).sort((left, right) => values[left] - values[right] || left - right);
  return order.map((index) => starts[index]);
}

/**
 * The `count` starts of the fit's grid (fixed constants applied) with the lowest objective on all
 * of `points`: the starts a full fit searches from first. The bootstrap restarts every resample
 * from a few of them as well as from the full fit's optima (see `resampleFitOptions`).
 *
 * @example bestGridStarts(runs, {}, 4).length // 4
 */
export function bestGridStarts(
  points: readonly FitPoint[],
  options: Pick<ChinchillaFitOptions, 'delta' | 'grid' | 'fixed'>,
  count: number,
): readonly ChinchillaParameters[] {
  const fixedValues = fixedParameters(options.fixed ?? {});
  const objective = new ChinchillaHuberObjective(points, options.delta ?? CHINCHILLA_HUBER_DELTA);
  const vector = new Float64Array(PARAMETER_COUNT);
  const gradient = new Float64Array(PARAMETER_COUNT);
  const starts = chinchillaStartGrid(options.grid, options.fixed);
  return rankStarts(starts, (start) => objective.evaluate(toVector({ ...start, ...fixedValues }, vector), gradient)).slice(0, count);
}

/**
 * Plain-language problems with an optimum that a caller should show next to it: the optimiser
 * converges on data that cannot identify the constants, so convergence alone proves little.
 */
function fitWarnings(
  points: readonly FitPoint[],
  fitted: number,
  parameters: ChinchillaParameters,
  converged: boolean,
  reason: LbfgsStopReason,
): string[] {
  return [
    ...(converged ? [] : [`the best start did not converge (${reason}); treat the constants as approximate`]),
    ...spreadWarnings(points),
    ...sampleSizeWarnings(points.length, fitted),
    ...exponentWarnings(parameters),
  ];
}

/**
 * Merges fits of disjoint slices of one start list (see `startRange`) into the fit of the whole:
 * the best optimum, with counts summed. Pass the parts in slice order so ties resolve as in one run.
 *
 * @example bestOfFits([fitChinchilla(runs, { startRange: { from: 0, to: 2250 } }), fitChinchilla(runs, { startRange: { from: 2250, to: 4500 } })])
 */
export function bestOfFits(parts: readonly ChinchillaFit[]): ChinchillaFit {
  if (parts.length === 0) throw new FitDataError('no partial fits to merge');
  const best = parts.reduce((winner, part) => (part.objective < winner.objective ? part : winner));
  const optima: LocalOptimum[] = [];
  for (const part of parts) for (const optimum of part.localOptima) rememberOptimum(optima, optimum);
  const sum = (count: (fit: ChinchillaFit) => number) => parts.reduce((total, part) => total + count(part), 0);
  return {
    ...best,
    starts: sum((fit) => fit.starts),
    searchedStarts: sum((fit) => fit.searchedStarts),
    convergedStarts: sum((fit) => fit.convergedStarts),
    evaluations: sum((fit) => fit.evaluations),
    localOptima: optima,
  };
}

/**
 * The fitted law, ready for every calculation a preset supports. Throws when an exponent came out
 * non-positive (see the fit's warnings).
 *
 * @example lawFromFit(fitChinchilla(runs), 'our ladder').optimalParams(1e22)
 */
export function lawFromFit(fit: ChinchillaFit, name = 'fitted'): ChinchillaLaw {
  const constants: ChinchillaConstants = { E: fit.E, A: fit.A, B: fit.B, alpha: fit.alpha, beta: fit.beta };
  return customLaw(
    name,
    constants,
    `fitted to ${fit.points} runs (Hoffmann et al. 2022 Approach 3, Huber δ = ${fit.delta}, L-BFGS from ${fit.searchedStarts} of ${fit.starts} starts)`,
  );
}

/**
 * Splits `count` starts into `parts` contiguous ranges of near-equal size, for workers.
 *
 * @example splitStarts(4500, 2) // [{ from: 0, to: 2250 }, { from: 2250, to: 4500 }]
 */
export function splitStarts(count: number, parts: number): { from: number; to: number }[] {
  const used = Math.max(1, Math.min(parts, count));
  return Array.from({ length: used }, (_, part) => ({
    from: Math.round((part * count) / used),
    to: Math.round(((part + 1) * count) / used),
  }));
}
