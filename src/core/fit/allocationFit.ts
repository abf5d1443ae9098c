import { FractionRangeError, QuantityError } from '../quantities';
import { fitAllocationExponents, type ComputeOptimum, type LogLogLine } from './approachFits';
import { BOOTSTRAP_CONFIDENCE_RANGE, percentileInterval, resampleRepeats, type Interval } from './bootstrap';
import { seededRandom } from './random';

/**
 * A compute-optimal allocation fitted without a loss law: N_opt = G·C^a and D_opt = H·C^b from the
 * optima of Hoffmann et al. 2022's Approach 1 (training-curve envelope, Sec. 3.1) or Approach 2
 * (isoFLOP profiles, Sec. 3.2), with their Table 2's a and b.
 */
export interface AllocationFit {
  readonly approach: 'isoflop' | 'envelope';
  /** N_opt = params.coefficient · C^params.exponent (G and a). */
  readonly params: LogLogLine;
  /** D_opt = tokens.coefficient · C^tokens.exponent (H and b). */
  readonly tokens: LogLogLine;
  /** The optima the lines were fitted to, by increasing compute. */
  readonly optima: readonly ComputeOptimum[];
  /** Problems the user should know about, each one sentence. */
  readonly warnings: readonly string[];
  readonly intervals?: AllocationIntervals;
}

/** The allocation's four constants as one resample gives them; coefficients as logarithms. */
export interface AllocationSample {
  readonly paramsExponent: number;
  readonly paramsLogCoefficient: number;
  readonly tokensExponent: number;
  readonly tokensLogCoefficient: number;
}

/** Bootstrap percentile intervals of a, b, G and H, and the resamples behind them (for bands). */
export interface AllocationIntervals {
  readonly paramsExponent: Interval;
  readonly tokensExponent: Interval;
  readonly paramsCoefficient: Interval;
  readonly tokensCoefficient: Interval;
  readonly samples: readonly AllocationSample[];
  readonly requestedSamples: number;
  readonly failedSamples: number;
  readonly firstFailure?: string;
  readonly confidence: number;
  readonly seed: number;
}

/** How to resample: count, seed and coverage, as `fit … bootstrap=N seed=S confidence=…` give them. */
export interface AllocationBootstrapOptions {
  readonly samples: number;
  readonly seed?: number;
  readonly confidence?: number;
}

/** One resample's constants from its optima, throwing when they cannot determine a line. */
export function allocationSample(optima: readonly ComputeOptimum[]): AllocationSample {
  const { params, tokens } = fitAllocationExponents(optima);
  return {
    paramsExponent: params.exponent,
    paramsLogCoefficient: Math.log(params.coefficient),
    tokensExponent: tokens.exponent,
    tokensLogCoefficient: Math.log(tokens.coefficient),
  };
}

/**
 * The stratified nonparametric bootstrap (Efron and Tibshirani 1993, Sec. 8.4 on stratified
 * samples): every resample redraws, with replacement, the same number of runs within each group
 * (an isoFLOP budget), so every budget keeps its share of the data, and `estimate` turns the
 * resampled groups' repeat counts into the allocation's constants. A resample whose estimate
 * throws or is not finite is counted as failed, and the intervals rest on the rest.
 *
 * @example stratifiedAllocationBootstrap([9, 9], { paramsExponent: 0.5, paramsLogCoefficient: 0, tokensExponent: 0.5, tokensLogCoefficient: 0 }, () => ({ paramsExponent: 0.5, paramsLogCoefficient: 0, tokensExponent: 0.5, tokensLogCoefficient: 0 }), { samples: 20, seed: 1 }).samples.length // 20
 */
export function stratifiedAllocationBootstrap(
  groupSizes: readonly number[],
  full: AllocationSample,
  estimate: (repeats: readonly Uint32Array[]) => AllocationSample,
  options: AllocationBootstrapOptions,
): AllocationIntervals {
  const seed = options.seed ?? 1;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(options.samples) || options.samples < 2)
    throw new QuantityError(`bootstrap samples must be a whole number ≥ 2, got ${options.samples}`);
  if (!(confidence > 0 && confidence < 1)) throw new FractionRangeError('confidence', confidence, BOOTSTRAP_CONFIDENCE_RANGE);
  const random = seededRandom(seed);
  const samples: AllocationSample[] = [];
  let failedSamples = 0;
  let firstFailure: string | undefined;
  for (let sample = 0; sample < options.samples; sample++) {
    // Every group is redrawn even when an estimate fails, so resample k is the same whatever came before.
    const repeats = groupSizes.map((size) => resampleRepeats(size, random));
    try {
      const value = estimate(repeats);
      const bad = (Object.keys(value) as (keyof AllocationSample)[]).find((key) => !Number.isFinite(value[key]));
      if (bad) throw new QuantityError(`${bad} came out ${value[bad]}`);
      samples.push(value);
    } catch (error) {
      failedSamples++;
      firstFailure ??= error instanceof Error ? error.message : String(error);
    }
  }
  if (samples.length < 2) {
    throw new QuantityError(
      `bootstrap needs at least 2 successful resamples, got ${samples.length}${firstFailure ? `; first failure: ${firstFailure}` : ''}`,
    );
  }
  const interval = (estimate: number, pick: (sample: AllocationSample) => number, logarithmic = false): Interval => {
    const found = percentileInterval(logarithmic ? Math.log(estimate) : estimate, samples.map(pick), confidence);
    // Coefficients are resampled as logarithms; their percentiles map back through exp unchanged.
    return logarithmic
      ? { estimate, low: Math.exp(found.low), high: Math.exp(found.high), standardError: found.standardError * estimate }
      : found;
  };
  return {
    paramsExponent: interval(full.paramsExponent, (sample) => sample.paramsExponent),
    tokensExponent: interval(full.tokensExponent, (sample) => sample.tokensExponent),
    paramsCoefficient: interval(Math.exp(full.paramsLogCoefficient), (sample) => sample.paramsLogCoefficient, true),
    tokensCoefficient: interval(Math.exp(full.tokensLogCoefficient), (sample) => sample.tokensLogCoefficient, true),
    samples,
    requestedSamples: options.samples,
    failedSamples,
    ...(firstFailure !== undefined ? { firstFailure } : {}),
    confidence,
    seed,
  };
}

/** N_opt and D_opt at `compute` under a fitted allocation, with intervals when it was bootstrapped. */
export interface AllocationPrediction {
  readonly compute: number;
  readonly params: number;
  readonly tokens: number;
  readonly paramsInterval?: { readonly low: number; readonly high: number };
  readonly tokensInterval?: { readonly low: number; readonly high: number };
}

/**
 * The allocation's N_opt = G·C^a and D_opt = H·C^b at `compute`; with a bootstrap, the percentile
 * interval of each over the resamples (one band point per budget, as Hoffmann et al. 2022's Fig. 3
 * shades the projection).
 *
 * @example predictAllocation(fit, 5.76e23).params
 */
export function predictAllocation(fit: AllocationFit, compute: number): AllocationPrediction {
  const logCompute = Math.log(compute);
  const prediction = {
    compute,
    params: fit.params.coefficient * compute ** fit.params.exponent,
    tokens: fit.tokens.coefficient * compute ** fit.tokens.exponent,
  };
  const intervals = fit.intervals;
  if (!intervals) return prediction;
  const band = (values: number[]) => {
    const found = percentileInterval(0, values, intervals.confidence);
    return { low: Math.exp(found.low), high: Math.exp(found.high) };
  };
  return {
    ...prediction,
    paramsInterval: band(intervals.samples.map((sample) => sample.paramsLogCoefficient + sample.paramsExponent * logCompute)),
    tokensInterval: band(intervals.samples.map((sample) => sample.tokensLogCoefficient + sample.tokensExponent * logCompute)),
  };
}

/**
 * The compute at which a model of `params` parameters is optimal under the allocation: C = (N/G)^(1/a).
 *
 * @example computeForParams(fit, 70e9)
 */
export function computeForParams(fit: AllocationFit, params: number): number {
  return (params / fit.params.coefficient) ** (1 / fit.params.exponent);
}
