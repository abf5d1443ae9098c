import { tokensForCompute } from '../compute';
import { ChinchillaLaw } from '../laws/chinchillaLaw';
import { requirePositive } from '../quantities';
import { bootstrap, DEFAULT_BOOTSTRAP_SAMPLES, type BootstrapOptions, type BootstrapSummary, type Interval } from './bootstrap';
import { bestGridStarts, fitChinchilla, type ChinchillaFit, type ChinchillaFitOptions } from './fitChinchilla';
import type { FitPoint } from './fitPoints';

/** A run someone plans, whose loss the fitted law should predict with an interval. */
export interface PlannedRun {
  readonly params: number;
  readonly tokens: number;
}

/** What the bootstrap of a Chinchilla fit computes, beyond {@link BootstrapOptions}. */
export interface ChinchillaBootstrapOptions extends Omit<BootstrapOptions, 'onProgress'> {
  /** How each resample is fitted: δ, fixed constants, L-BFGS rules, and the grid of the full fit. */
  readonly fit?: Pick<ChinchillaFitOptions, 'delta' | 'fixed' | 'grid' | 'lbfgs'>;
  /** The full-data fit, when already done; otherwise it is run first. */
  readonly fullFit?: ChinchillaFit;
  /**
   * Where each resample's fit starts: `optima` (default), the full fit's best distinct optima,
   * or `grid`, the full start grid again. The full grid for 1,000 resamples costs 1,000 full fits
   * (most of an hour); a resample's optimum lies near one of the full data's, so restarting from
   * those finds it at 1/500 of the cost.
   */
  readonly restarts?: 'optima' | 'grid';
  /** Budgets (FLOP) at which to give the compute-optimal N, D and D/N with intervals. */
  readonly atCompute?: readonly number[];
  /** Planned runs whose predicted loss gets an interval. */
  readonly plannedRuns?: readonly PlannedRun[];
  /** Progress of the full fit's grid, then of the resamples. */
  readonly onProgress?: (finished: number, total: number, phase: 'full fit' | 'resamples') => void;
}

/** The names of the constants' intervals. */
export type ConstantName = 'E' | 'A' | 'B' | 'alpha' | 'beta' | 'paramsExponent';

/** The compute-optimal allocation at one budget, with intervals. */
export interface OptimumInterval {
  readonly compute: number;
  readonly optimalParams: Interval;
  readonly optimalTokens: Interval;
  readonly tokensPerParam: Interval;
}

/** Bootstrap intervals of a Chinchilla fit and of the answers drawn from it. */
export interface ChinchillaBootstrap extends Omit<BootstrapSummary<string>, 'intervals'> {
  readonly fit: ChinchillaFit;
  /** E, A, B, α, β and a = β/(α+β). */
  readonly constants: Readonly<Record<ConstantName, Interval>>;
  readonly atCompute: readonly OptimumInterval[];
  readonly plannedRuns: readonly (PlannedRun & { readonly loss: Interval })[];
  /** Plain-language reasons not to trust the intervals (too few resamples, an interval missing its estimate). */
  readonly warnings: readonly string[];
}

/**
 * Resamples below which percentile ends are noise: Efron and Tibshirani (1993, Sec. 13.3) want
 * 1,000 for 95% percentile intervals; under 100 the 2.5% end rests on two or three values.
 */
export const MIN_RELIABLE_RESAMPLES = 100;

/**
 * Warnings about bootstrap intervals: a percentile interval that excludes the full-data estimate
 * means the resamples found a different optimum than the full data did (an unidentified fit or
 * too few resamples), so it is no interval around that estimate.
 */
export function bootstrapWarnings(constants: Readonly<Record<ConstantName, Interval>>, completedSamples: number): string[] {
  const labels: Record<ConstantName, string> = { E: 'E', A: 'A', B: 'B', alpha: 'α', beta: 'β', paramsExponent: 'a' };
  const missed = (Object.keys(labels) as ConstantName[]).filter((key) => {
    const { estimate, low, high } = constants[key];
    return !(low <= estimate && estimate <= high);
  });
  const few = completedSamples < MIN_RELIABLE_RESAMPLES;
  if (missed.length === 0 && !few) return [];
  const why = [
    ...(few ? [`only ${completedSamples} resamples succeeded`] : []),
    ...(missed.length > 0 ? [`the intervals of ${missed.map((key) => labels[key]).join(', ')} exclude the fitted value`] : []),
  ].join(' and ');
  return [`intervals from ${completedSamples} resamples are unreliable (${why}); use bootstrap=${DEFAULT_BOOTSTRAP_SAMPLES}`];
}

/**
 * Grid starts, best-screened on the full data, that every resample also starts from. A resample's
 * objective can have several local minima within 1e-6 of each other in the flat valley of A and α,
 * and the one nearest the full-data optimum is not always the lowest: on the 8 resamples of
 * test/core/fit/resampleOptima.test.ts, the full data's optima alone left one resample 1.3e-6
 * above its optimum (log A off by 0.05, as scipy from the same start); adding the 4 best-screened
 * grid starts found it, and 8 found nothing lower.
 */
export const RESAMPLE_GRID_STARTS = 4;

/**
 * Full-data optima worse than the best by more than this factor are not restarted from: resampling
 * moves an objective by about its relative spread over the runs divided by √n (a few tens of
 * percent at 20 runs), so an optimum twice as bad does not become a resample's best, and on the
 * 240-run ladders the far optima (10× the best) cost 7 of 8 restarts for nothing.
 */
export const RESAMPLE_OPTIMUM_FACTOR = 2;

/**
 * How each resample is fitted: with the full fit's options, from the full fit's distinct optima
 * (those within {@link RESAMPLE_OPTIMUM_FACTOR} of the best) and
 * the {@link RESAMPLE_GRID_STARTS} best-screened grid starts (or the whole grid again with
 * `restarts: 'grid'`), to the tight tolerances of CHINCHILLA_LBFGS_OPTIONS, so a resample's
 * optimum is its own and not its warm start's.
 *
 * @example fitChinchilla(runs, { ...resampleFitOptions(runs, fullFit, {}), repeats })
 */
export function resampleFitOptions(
  points: readonly FitPoint[],
  fullFit: ChinchillaFit,
  options: Pick<ChinchillaBootstrapOptions, 'fit' | 'restarts'>,
): ChinchillaFitOptions {
  const fitOptions = options.fit ?? {};
  if (options.restarts === 'grid') return fitOptions;
  const bestObjective = fullFit.localOptima[0]?.objective ?? fullFit.objective;
  const optima = fullFit.localOptima
    .filter((optimum) => optimum.objective <= RESAMPLE_OPTIMUM_FACTOR * bestObjective)
    .map((optimum) => optimum.parameters);
  return { ...fitOptions, starts: [...optima, ...bestGridStarts(points, fitOptions, RESAMPLE_GRID_STARTS)] };
}

/** Every quantity the bootstrap tracks for one set of constants, under flat keys. */
function answers(fit: ChinchillaFit, options: ChinchillaBootstrapOptions): Record<string, number> {
  // Validates the constants: a resample with a non-positive exponent fails here and is counted.
  const law = new ChinchillaLaw('resample', 'resample', 'bootstrap resample', fit);
  const result: Record<string, number> = {
    E: fit.E,
    A: fit.A,
    B: fit.B,
    alpha: fit.alpha,
    beta: fit.beta,
    paramsExponent: fit.paramsExponent,
  };
  (options.atCompute ?? []).forEach((compute, index) => {
    const params = law.optimalParams(compute);
    const tokens = tokensForCompute(params, compute);
    result[`optimalParams${index}`] = params;
    result[`optimalTokens${index}`] = tokens;
    result[`tokensPerParam${index}`] = tokens / params;
  });
  (options.plannedRuns ?? []).forEach((run, index) => {
    result[`loss${index}`] = law.loss(run.params, run.tokens);
  });
  return result;
}

/**
 * Bootstrap intervals for a Chinchilla fit (Besiroglu et al. 2024, Sec. 4, resample the runs with
 * replacement and refit): E, A, B, α, β, a = β/(α+β), the compute-optimal N, D and D/N at the
 * given budgets, and the predicted loss of planned runs. Seeded, so the same seed gives the same
 * intervals; pure and synchronous, for a worker (see `fitWorkerProtocol`).
 *
 * @example bootstrapChinchilla(runs, { samples: 1000, seed: 42, atCompute: [1e23], plannedRuns: [{ params: 7e9, tokens: 1.4e11 }] })
 */
export function bootstrapChinchilla(points: readonly FitPoint[], options: ChinchillaBootstrapOptions = {}): ChinchillaBootstrap {
  for (const compute of options.atCompute ?? []) requirePositive(compute, 'compute budget');
  for (const run of options.plannedRuns ?? []) {
    requirePositive(run.params, 'planned run parameters');
    requirePositive(run.tokens, 'planned run tokens');
  }
  const fitOptions = options.fit ?? {};
  const fit =
    options.fullFit ??
    fitChinchilla(points, {
      ...fitOptions,
      isCancelled: options.isCancelled,
      onProgress: (finished, total) => options.onProgress?.(finished, total, 'full fit'),
    });
  const restartOptions = resampleFitOptions(points, fit, options);
  const summary = bootstrap(
    points.length,
    answers(fit, options),
    (repeats) => answers(fitChinchilla(points, { ...restartOptions, repeats }), options),
    {
      samples: options.samples,
      seed: options.seed,
      confidence: options.confidence,
      isCancelled: options.isCancelled,
      onProgress: (finished, total) => options.onProgress?.(finished, total, 'resamples'),
    },
  );
  const { intervals, ...counts } = summary;
  const constants = {
    E: intervals.E,
    A: intervals.A,
    B: intervals.B,
    alpha: intervals.alpha,
    beta: intervals.beta,
    paramsExponent: intervals.paramsExponent,
  };
  return {
    ...counts,
    fit,
    constants,
    warnings: bootstrapWarnings(constants, counts.completedSamples),
    atCompute: (options.atCompute ?? []).map((compute, index) => ({
      compute,
      optimalParams: intervals[`optimalParams${index}`],
      optimalTokens: intervals[`optimalTokens${index}`],
      tokensPerParam: intervals[`tokensPerParam${index}`],
    })),
    plannedRuns: (options.plannedRuns ?? []).map((run, index) => ({ ...run, loss: intervals[`loss${index}`] })),
  };
}
