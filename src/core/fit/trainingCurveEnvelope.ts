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

/** The curves of each model size, by increasing size. */
function groupBySize(curves: readonly TrainingCurve[]): TrainingCurve[][] {
  const sizes = [...new Set(curves.map((curve) => curve.params))].sort((left, right) => left - right);
  return sizes.map((size) => curves.filter((curve) => curve.params === size));
}

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
  if (sizes.length < 4) {
    throw new FitDataError(
      `${sizes.length} model size${sizes.length === 1 ? '' : 's'} among the curves: the envelope needs at least 4 (the smallest and ` +
        `largest only bound it, and a slope needs 2 between them)`,
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
 * With `bootstrap`, runs are resampled with replacement within each model size (a stratified
 * bootstrap, as Approach 2 resamples within budgets), and the envelope is read again from each
 * resample. Runs, not evaluations, are the resampled unit: the evaluations along one curve share its
 * initialisation, data order and schedule, so they are not independent draws. Every size keeps its
 * place in every resample: resampling the sizes themselves would resample the design, and such an
 * interval came out about 2.3× wider than the spread of a over 200 regenerated data sets of the
 * example (and shifted low, since dropping sizes coarsens the envelope). With one run per size there
 * is nothing to resample within a size, so there is no interval, and a warning says why (Hoffmann
 * et al. train each size with 4 schedule lengths).
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
  const bySize = groupBySize(smoothed);
  const oneRunPerSize = bySize.every((runs) => runs.length === 1);
  if (options.bootstrap && oneRunPerSize) {
    warnings.push(
      `No interval: each of the ${bySize.length} sizes has one run, so there is nothing to resample within a size (resampling ` +
        'the sizes would measure the size grid, not the noise); train several schedule lengths per size, as Hoffmann et al. do.',
    );
  }
  const intervals =
    options.bootstrap && !oneRunPerSize
      ? stratifiedAllocationBootstrap(
          bySize.map((runs) => runs.length),
          allocationSample(inside),
          (repeats) =>
            allocationSample(
              envelopeStretch(
                bySize.flatMap((runs, size) => runs.filter((_, i) => repeats[size][i] > 0)),
                options.gridPoints,
              ).inside,
            ),
          options.bootstrap,
        )
      : undefined;
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
