import { FractionRangeError, QuantityError } from '../quantities';
import { FitCancelledError } from './fitPoints';
import { seededRandom } from './random';

/** A bootstrap percentile interval around the full-data estimate. */
export interface Interval {
  /** The value fitted to all the data. */
  readonly estimate: number;
  /** Lower and upper percentile of the resampled values, e.g. 2.5% and 97.5% for 95%. */
  readonly low: number;
  readonly high: number;
  /** Standard deviation of the resampled values: the bootstrap standard error. */
  readonly standardError: number;
}

/** How the resampling runs. */
export interface BootstrapOptions {
  /** Number of resamples, default 1,000. */
  readonly samples?: number;
  /** Seed of the resampling, default 1: the same seed gives the same intervals. */
  readonly seed?: number;
  /** Coverage of the intervals, default 0.95. */
  readonly confidence?: number;
  /** Called up to ~100 times with the number of resamples finished. */
  readonly onProgress?: (finishedSamples: number, totalSamples: number) => void;
  /**
   * Polled between resamples; when true, the bootstrap stops and reports what it has (or throws a
   * FitCancelledError when that is under 2 resamples).
   */
  readonly isCancelled?: () => boolean;
}

/** Intervals for every named quantity, and how many resamples they rest on. */
export interface BootstrapSummary<Name extends string> {
  readonly intervals: Readonly<Record<Name, Interval>>;
  readonly requestedSamples: number;
  /** Resamples whose estimate was finite; the intervals use only these. */
  readonly completedSamples: number;
  /** Resamples whose estimator threw or returned a non-finite value. */
  readonly failedSamples: number;
  /** The first failure's message, to show when many failed. */
  readonly firstFailure?: string;
  readonly cancelled: boolean;
  readonly confidence: number;
  readonly seed: number;
}

/** Resamples' default count: enough for stable 95% percentile ends (Efron and Tibshirani 1993, Sec. 13.3). */
export const DEFAULT_BOOTSTRAP_SAMPLES = 1000;

/** A percentile interval needs tails on both sides: 0% and 100% coverage are meaningless. */
export const BOOTSTRAP_CONFIDENCE_RANGE = 'between 0% and 100% (exclusive)';

/**
 * One resample with replacement of `count` points, as how many times each point was drawn: an
 * estimator weights point i by repeats[i] instead of copying it.
 *
 * @example resampleRepeats(5, seededRandom(1)) // e.g. Uint32Array [2, 0, 1, 1, 1]
 */
export function resampleRepeats(count: number, random: () => number): Uint32Array {
  const repeats = new Uint32Array(count);
  for (let draw = 0; draw < count; draw++) repeats[Math.floor(random() * count)]++;
  return repeats;
}

/**
 * The q-quantile of ascending `sorted` values by linear interpolation between order statistics
 * (Hyndman and Fan 1996, definition 7; R's and NumPy's default).
 *
 * @example quantileOfSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** Percentile interval and standard error of `values` around `estimate`. */
export function percentileInterval(estimate: number, values: readonly number[], confidence: number): Interval {
  const sorted = Float64Array.from(values).sort();
  const mean = sorted.reduce((total, value) => total + value, 0) / sorted.length;
  const variance = sorted.reduce((total, value) => total + (value - mean) ** 2, 0) / Math.max(1, sorted.length - 1);
  const tail = (1 - confidence) / 2;
  return {
    estimate,
    low: quantileOfSorted(sorted, tail),
    high: quantileOfSorted(sorted, 1 - tail),
    standardError: Math.sqrt(variance),
  };
}

/**
 * The nonparametric bootstrap (Efron 1979): refits `estimator` to `samples` resamples drawn with
 * replacement from `pointCount` points and returns percentile intervals of every named quantity
 * around its full-data value. Pure and synchronous, so a caller can run it in a worker thread or
 * web worker and forward `onProgress`; cancelling returns the intervals of the resamples done.
 *
 * @example bootstrap(runs.length, { slope: 2 }, (repeats) => ({ slope: weightedSlope(runs, repeats) }), { samples: 200, seed: 7 })
 */
export function bootstrap<Name extends string>(
  pointCount: number,
  fullEstimate: Readonly<Record<Name, number>>,
  estimator: (repeats: Uint32Array) => Readonly<Record<Name, number>>,
  options: BootstrapOptions = {},
): BootstrapSummary<Name> {
  const samples = options.samples ?? DEFAULT_BOOTSTRAP_SAMPLES;
  const seed = options.seed ?? 1;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(samples) || samples < 2) throw new QuantityError(`bootstrap samples must be a whole number ≥ 2, got ${samples}`);
  if (!(confidence > 0 && confidence < 1)) throw new FractionRangeError('confidence', confidence, BOOTSTRAP_CONFIDENCE_RANGE);
  const names = Object.keys(fullEstimate) as Name[];
  const values = new Map<Name, number[]>(names.map((name) => [name, []]));
  const random = seededRandom(seed);
  const progressStep = Math.max(1, Math.ceil(samples / 100));
  let failedSamples = 0;
  let firstFailure: string | undefined;
  let cancelled = false;
  for (let sample = 0; sample < samples; sample++) {
    if (options.isCancelled?.()) {
      cancelled = true;
      break;
    }
    // Draw every resample even when an estimate fails, so sample k is the same whatever came before.
    const repeats = resampleRepeats(pointCount, random);
    try {
      const estimate = estimator(repeats);
      const bad = names.find((name) => !Number.isFinite(estimate[name]));
      if (bad !== undefined) throw new QuantityError(`${bad} came out ${estimate[bad]}`);
      for (const name of names) values.get(name)!.push(estimate[name]);
    } catch (error) {
      failedSamples++;
      firstFailure ??= error instanceof Error ? error.message : String(error);
    }
    if ((sample + 1) % progressStep === 0 || sample + 1 === samples) options.onProgress?.(sample + 1, samples);
  }
  const completedSamples = values.get(names[0])?.length ?? 0;
  if (cancelled && completedSamples < 2) {
    throw new FitCancelledError(
      `bootstrap cancelled after ${completedSamples} resample${completedSamples === 1 ? '' : 's'}, too few for intervals`,
    );
  }
  if (completedSamples < 2) {
    throw new QuantityError(
      `bootstrap needs at least 2 successful resamples, got ${completedSamples}${firstFailure ? `; first failure: ${firstFailure}` : ''}`,
    );
  }
  const intervals = Object.fromEntries(
    names.map((name) => [name, percentileInterval(fullEstimate[name], values.get(name)!, confidence)]),
  ) as Record<Name, Interval>;
  return { intervals, requestedSamples: samples, completedSamples, failedSamples, firstFailure, cancelled, confidence, seed };
}
