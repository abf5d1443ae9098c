import { tokensForCompute, trainingCompute } from '../compute';
import { formatCount, formatFlops } from '../numberFormat';
import { logSpace } from '../sweeps';
import { allocationSample, stratifiedAllocationBootstrap, type AllocationBootstrapOptions, type AllocationFit } from './allocationFit';
import { fitAllocationExponents, type ComputeOptimum } from './approachFits';
import { FitDataError } from './fitPoints';
import type { TrainingCurve } from './trainingCurves';

/** FLOP values the envelope is read at: Hoffmann et al. 2022 (Sec. 3.1) use 1,500, logarithmically spaced. */
export const ENVELOPE_GRID_POINTS = 1500;

/**
 * Hoffmann et al. 2022's caveat on training curves (Sec. 3.1 and Fig. A1): a cosine schedule is
 * tuned to its full length, so an intermediate checkpoint of a long schedule has a loss above what
 * a run of that length would reach. They train every size with 4 schedule lengths (16× apart) so
 * the envelope rests on runs that finished.
 */
export const COSINE_SCHEDULE_CAVEAT =
  'Intermediate checkpoints of a long cosine schedule overstate the loss a run of that length would reach (its learning rate has not ' +
  'decayed yet; Hoffmann et al. 2022, Sec. 3.1), so the envelope is only as good as its schedules: Hoffmann et al. train each size ' +
  'with 4 schedule lengths 16× apart.';

/** One point of the lower envelope: at this compute, the run with the lowest loss. */
export interface EnvelopePoint extends ComputeOptimum {
  readonly loss: number;
  readonly run: string;
}

/** A stretch of compute over which one run is on the envelope: Approach 1's per-budget answer. */
export interface EnvelopeSegment {
  readonly run: string;
  readonly params: number;
  readonly fromCompute: number;
  readonly toCompute: number;
  /**
   * False up to the last stretch of the smallest size and from the first of the largest: the
   * optimum there may lie beyond the sizes trained, so the regression leaves it out.
   */
  readonly inRegression: boolean;
}

/** Approach 1's result: the allocation fitted to the envelope, the envelope and its segments. */
export interface EnvelopeFit extends AllocationFit {
  readonly approach: 'envelope';
  readonly envelope: readonly EnvelopePoint[];
  readonly segments: readonly EnvelopeSegment[];
  readonly curves: readonly TrainingCurve[];
}

/**
 * Evaluations averaged over to smooth each curve before the envelope is read: Hoffmann et al. 2022
 * (Sec. 3.1) "smooth and then interpolate each training loss curve" without saying how; a centred
 * moving average of 5 evaluations cuts independent evaluation noise by √5 ≈ 2.2×.
 */
export const ENVELOPE_SMOOTHING = 5;

/** Options of {@link fitTrainingCurveEnvelope}. */
export interface EnvelopeOptions {
  /** FLOP values the envelope is read at (default {@link ENVELOPE_GRID_POINTS}). */
  readonly gridPoints?: number;
  /** Evaluations in the moving average (default {@link ENVELOPE_SMOOTHING}; 1 = none). */
  readonly smoothing?: number;
  /** Bootstrap resamples of whole runs; omitted, no intervals. */
  readonly bootstrap?: AllocationBootstrapOptions;
}

/** A curve whose losses are centred moving averages of `window` evaluations, shrinking symmetrically at the ends. */
export function smoothCurve(curve: TrainingCurve, window: number): TrainingCurve {
  const half = Math.floor(window / 2);
  const { evaluations } = curve;
  return {
    ...curve,
    evaluations: evaluations.map((evaluation, i) => {
      // Symmetric about i, so the average of a straight stretch stays on it even at the ends.
      const reach = Math.min(half, i, evaluations.length - 1 - i);
      const around = evaluations.slice(i - reach, i + reach + 1);
      return { ...evaluation, loss: around.reduce((total, entry) => total + entry.loss, 0) / around.length };
    }),
  };
}

/**
 * A curve's losses at ascending ln C values `grid`, interpolated linearly in ln C between its
 * evaluations and undefined outside them: one sweep along both, since the grid and the curve's
 * compute both ascend (a bootstrap reads thousands of envelopes).
 */
function lossesOnGrid(curve: TrainingCurve, grid: readonly number[]): (number | undefined)[] {
  const logs = curve.evaluations.map((evaluation) => Math.log(trainingCompute(curve.params, evaluation.tokens)));
  const losses: (number | undefined)[] = new Array(grid.length);
  let right = 0;
  grid.forEach((logCompute, i) => {
    if (logCompute < logs[0] || logCompute > logs[logs.length - 1]) return;
    while (logs[right] < logCompute) right++;
    if (logs[right] === logCompute) losses[i] = curve.evaluations[right].loss;
    else {
      const share = (logCompute - logs[right - 1]) / (logs[right] - logs[right - 1]);
      losses[i] = curve.evaluations[right - 1].loss + share * (curve.evaluations[right].loss - curve.evaluations[right - 1].loss);
    }
  });
  return losses;
}

/**
 * The lower envelope of loss against FLOP across training curves (Hoffmann et al. 2022, Sec. 3.1,
 * Fig. 2): each curve is interpolated linearly in ln C, and at each of `gridPoints` log-spaced FLOP
 * values the run with the lowest loss gives N, with D = C/(6N).
 *
 * @example lowerEnvelope(curves)[0].params
 */
export function lowerEnvelope(curves: readonly TrainingCurve[], gridPoints = ENVELOPE_GRID_POINTS): EnvelopePoint[] {
  const ends = curves.map((curve) => [curve.evaluations[0], curve.evaluations[curve.evaluations.length - 1]]);
  const low = Math.min(...ends.map(([first], i) => trainingCompute(curves[i].params, first.tokens)));
  const high = Math.max(...ends.map(([, last], i) => trainingCompute(curves[i].params, last.tokens)));
  if (!(Math.log(high) > Math.log(low))) return [];
  const grid = logSpace(low, high, gridPoints);
  const logGrid = grid.map(Math.log);
  const losses = curves.map((curve) => lossesOnGrid(curve, logGrid));
  return grid.flatMap((compute, i) => {
    let best: { curve: TrainingCurve; loss: number } | undefined;
    curves.forEach((curve, c) => {
      const loss = losses[c][i];
      if (loss !== undefined && (!best || loss < best.loss)) best = { curve, loss };
    });
    return best
      ? [{ compute, params: best.curve.params, tokens: tokensForCompute(best.curve.params, compute), loss: best.loss, run: best.curve.run }]
      : [];
  });
}

/** Consecutive envelope points won by the same run, as segments; those outside [first, last) of the regression flagged. */
function envelopeSegments(envelope: readonly EnvelopePoint[], first: number, last: number): EnvelopeSegment[] {
  const segments: EnvelopeSegment[] = [];
  envelope.forEach((point, i) => {
    const previous = segments[segments.length - 1];
    if (previous && previous.run === point.run) segments[segments.length - 1] = { ...previous, toCompute: point.compute };
    else
      segments.push({
        run: point.run,
        params: point.params,
        fromCompute: point.compute,
        toCompute: point.compute,
        inRegression: i >= first && i < last,
      });
  });
  return segments;
}

/**
 * Above this share of failed resamples Approach 1 gives no interval: the resamples that succeed are
 * then the few that drew nearly every run (with 4 runs, only those drawing all 4: 4!/4⁴ = 9.4%).
 */
const MOST_RESAMPLES = 0.5;

/** The envelope of smoothed curves and the stretch of it the regression keeps, or why there is none. */
interface EnvelopeStretch {
  readonly envelope: readonly EnvelopePoint[];
  readonly inside: readonly EnvelopePoint[];
  /** Index of the last envelope point won by the smallest size (-1 if none), and of the first won by the largest. */
  readonly lastSmallest: number;
  readonly firstLargest: number;
}

function envelopeStretch(curves: readonly TrainingCurve[], gridPoints: number | undefined): EnvelopeStretch {
  const sizes = [...new Set(curves.map((curve) => curve.params))].sort((left, right) => left - right);
  if (sizes.length < 3) {
    throw new FitDataError(
      `${sizes.length} model size${sizes.length === 1 ? '' : 's'} among the curves: the envelope needs at least 3 (the smallest and ` +
        `largest only bound it)`,
    );
  }
  const envelope = lowerEnvelope(curves, gridPoints);
  const [smallest, largest] = [sizes[0], sizes[sizes.length - 1]];
  // The regression keeps the compute between the last point the smallest size wins and the first the largest wins.
  const lastSmallest = envelope.map((point) => point.params).lastIndexOf(smallest);
  const firstLargest = envelope.findIndex((point) => point.params === largest);
  const inside = envelope.slice(lastSmallest + 1, firstLargest < 0 ? envelope.length : firstLargest);
  const insideSizes = new Set(inside.map((point) => point.params)).size;
  if (insideSizes < 2) {
    throw new FitDataError(
      `the envelope passes through ${insideSizes} size${insideSizes === 1 ? '' : 's'} between the smallest ` +
        `(${formatCount(smallest)}) and largest (${formatCount(largest)}): ` +
        'a slope needs 2; train sizes whose curves cross',
    );
  }
  return { envelope, inside, lastSmallest, firstLargest };
}

/**
 * Hoffmann et al. 2022's Approach 1 (Sec. 3.1, Table 2): the lower envelope of the training curves
 * ({@link lowerEnvelope}), then least squares of ln N and ln D on ln C along it, giving N_opt = G·C^a
 * and D_opt = H·C^b. Where the smallest or the largest size trained is on the envelope, the true
 * optimum may lie beyond the sizes, so those stretches stay out of the regression (with a warning).
 *
 * With `bootstrap`, whole runs are resampled with replacement and the envelope is read again from
 * each resample (a run drawn twice adds nothing to an envelope, so a resample is the set of runs
 * drawn). Runs, not evaluations, are the resampled unit: the evaluations along one curve share its
 * initialisation, data order and schedule, so they are not independent draws. The interval thus
 * shows how much a and b rest on which sizes were trained; a resample left with fewer than 3 sizes,
 * or with fewer than 2 between the edges, counts as failed.
 *
 * @example fitTrainingCurveEnvelope(curves).params.exponent // a
 */
export function fitTrainingCurveEnvelope(curves: readonly TrainingCurve[], options: EnvelopeOptions = {}): EnvelopeFit {
  const window = options.smoothing ?? ENVELOPE_SMOOTHING;
  const smoothed = window > 1 ? curves.map((curve) => smoothCurve(curve, window)) : curves;
  const { envelope, inside, lastSmallest, firstLargest } = envelopeStretch(smoothed, options.gridPoints);
  const segments = envelopeSegments(envelope, lastSmallest + 1, lastSmallest + 1 + inside.length);
  const { params, tokens } = fitAllocationExponents(inside);
  const beyond = (size: string, point: EnvelopePoint, range: string) =>
    `${range} the ${size} size (${formatCount(point.params)}, ${point.run}) is on the envelope, so the optimum there may lie beyond ` +
    `the sizes trained; left out of the regression.`;
  const warnings = [
    ...(lastSmallest >= 0 ? [beyond('smallest', envelope[lastSmallest], `Up to ${formatFlops(envelope[lastSmallest].compute)}`)] : []),
    ...(firstLargest >= 0 ? [beyond('largest', envelope[firstLargest], `From ${formatFlops(envelope[firstLargest].compute)}`)] : []),
    COSINE_SCHEDULE_CAVEAT,
  ];
  let intervals =
    options.bootstrap &&
    stratifiedAllocationBootstrap(
      [smoothed.length],
      allocationSample(inside),
      ([repeats]) =>
        allocationSample(
          envelopeStretch(
            smoothed.filter((_, i) => repeats[i] > 0),
            options.gridPoints,
          ).inside,
        ),
      options.bootstrap,
    );
  if (intervals && intervals.failedSamples > intervals.requestedSamples * MOST_RESAMPLES) {
    // The resamples that succeed are those that kept nearly every run, so their spread would understate the uncertainty.
    warnings.push(
      `No interval: ${intervals.failedSamples} of ${intervals.requestedSamples} resamples of the ${smoothed.length} runs kept too few ` +
        `sizes to read an envelope (first: ${intervals.firstFailure}), and the few that succeeded hold nearly every run, so their ` +
        'spread would understate the uncertainty; train more sizes.',
    );
    intervals = undefined;
  }
  return {
    approach: 'envelope',
    params,
    tokens,
    optima: inside,
    warnings,
    envelope,
    segments,
    curves,
    ...(intervals ? { intervals } : {}),
  };
}
