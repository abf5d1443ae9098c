import { formatCount, formatRatio } from '../../core';
import type { FitResidual } from '../../charts';
import type { ChinchillaBootstrap, ChinchillaFit } from '../../core/fit';
import type { Extrapolation } from '../../core/fit/fitDiagnostics';
import type { ChinchillaFitData } from './resultData';
import { RESULT_PAYLOAD_VERSION, type PayloadWith, type ResultTable } from './resultPayload';
import { formatLoss } from '../../core/numberFormat';

/** Residual rows shown under a fit: the largest misfits. */
const RESIDUAL_ROWS = 10;

/** A run whose loss the fit predicts, with its bootstrap interval when there was one. */
export interface FitPrediction {
  readonly name: string;
  readonly params: number;
  readonly tokens: number;
  readonly loss?: { readonly low: number; readonly high: number };
}

/** What a usable fitted law says, computed by the evaluator (assessFit): what {@link fitPayload} shows beside the constants. */
export interface FitAssessment {
  /** Each run against the law, in the runs' order. */
  readonly residuals: readonly FitResidual[];
  /** Each predicted run with the law's loss for it and how far it lies beyond the runs. */
  readonly predictions: ReadonlyArray<FitPrediction & { readonly predictedLoss: number; readonly reach: Extrapolation }>;
}

/** "0.519 [0.49, 0.55]": an estimate with its interval, when there is one. */
export function intervalText(
  estimate: number,
  interval: { low: number; high: number } | undefined,
  format: (value: number) => string,
): string {
  return interval ? `${format(estimate)} [${format(interval.low)}, ${format(interval.high)}]` : format(estimate);
}

/** "95% bootstrap percentile intervals (2.5th–97.5th percentiles of 1000 resamples)". */
function intervalName(bootstrap: ChinchillaBootstrap): string {
  const tail = ((1 - bootstrap.confidence) / 2) * 100;
  const percent = (x: number) => formatRatio(x, 3);
  return `${percent(bootstrap.confidence * 100)}% bootstrap percentile intervals (${percent(tail)}th–${percent(100 - tail)}th percentiles of ${bootstrap.completedSamples} resamples)`;
}

/**
 * Why the intervals are not ± a standard error: the resampled B (and A) are strongly skewed
 * (Besiroglu et al. 2024, Table 1 and Fig. 5), so the note gives the widest asymmetry.
 */
function intervalShapeNote(fit: ChinchillaFit, bootstrap: ChinchillaBootstrap): string {
  const entries: Array<[string, number, keyof ChinchillaBootstrap['constants']]> = [
    ['E', fit.E, 'E'],
    ['A', fit.A, 'A'],
    ['B', fit.B, 'B'],
  ];
  const skew = entries.map(([label, value, key]) => ({ label, value, ...bootstrap.constants[key] }));
  const widest = skew.reduce((most, entry) => (asymmetry(entry) > asymmetry(most) ? entry : most));
  const format = (x: number) => formatRatio(x, 4);
  return (
    'Intervals are percentiles of the resampled constants, not ± a standard error, so they can be asymmetric' +
    (asymmetry(widest) > 1.5
      ? `: ${widest.label} ${format(widest.value)} is −${format(widest.value - widest.low)} / +${format(widest.high - widest.value)}.`
      : '.')
  );
}

/** The longer side of an interval over the shorter (1 when symmetric; large when skewed). */
function asymmetry(interval: { value: number; low: number; high: number }): number {
  const below = interval.value - interval.low;
  const above = interval.high - interval.value;
  return below > 0 && above > 0 ? Math.max(below, above) / Math.min(below, above) : 1;
}

function constantsTable(fit: ChinchillaFit, bootstrap: ChinchillaBootstrap | undefined): ResultTable {
  const entries: Array<[string, number, keyof ChinchillaBootstrap['constants']]> = [
    ['E', fit.E, 'E'],
    ['A', fit.A, 'A'],
    ['B', fit.B, 'B'],
    ['α', fit.alpha, 'alpha'],
    ['β', fit.beta, 'beta'],
    ['a = β/(α+β)', fit.paramsExponent, 'paramsExponent'],
  ];
  return {
    caption: bootstrap ? `Fitted constants with ${intervalName(bootstrap)}` : 'Fitted constants',
    columns: ['constant', 'value'],
    align: ['left', 'right'],
    rows: entries.map(([label, value, key]) => [label, intervalText(value, bootstrap?.constants[key], (x) => formatRatio(x, 4))]),
  };
}

function residualTable(all: readonly FitResidual[]): ResultTable {
  const residuals = [...all].sort((a, b) => Math.abs(b.residual) - Math.abs(a.residual)).slice(0, RESIDUAL_ROWS);
  return {
    caption: `Largest residuals (observed − fitted), ${Math.min(RESIDUAL_ROWS, all.length)} of ${all.length}`,
    columns: ['run', 'N', 'D', 'observed', 'fitted', 'residual'],
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
    rows: residuals.map((row) => [
      row.source,
      formatCount(row.params),
      formatCount(row.tokens),
      formatLoss(row.loss),
      formatLoss(row.fitted),
      `${row.residual >= 0 ? '+' : '−'}${Math.abs(row.residual).toFixed(4)}`,
    ]),
  };
}

function predictionTable(predictions: FitAssessment['predictions']): ResultTable[] {
  if (predictions.length === 0) return [];
  return [
    {
      caption: 'Predicted loss',
      columns: ['model', 'N', 'D', 'loss'],
      align: ['left', 'right', 'right', 'right'],
      rows: predictions.map((run) => [
        run.name,
        formatCount(run.params),
        formatCount(run.tokens),
        intervalText(run.predictedLoss, run.loss, formatLoss),
      ]),
    },
  ];
}

/** "×8.3 beyond the largest run in N (3.6B)", for the axes on which the run lies beyond the data. */
function extrapolationNote(run: FitAssessment['predictions'][number]): string[] {
  const { reach } = run;
  const beyond = [
    ...(reach.params > 1 ? [`×${formatRatio(reach.params, 2)} beyond the largest run in N (${formatCount(reach.largestParams)})`] : []),
    ...(reach.tokens > 1 ? [`×${formatRatio(reach.tokens, 2)} beyond the largest run in D (${formatCount(reach.largestTokens)})`] : []),
  ];
  return beyond.length > 0 ? [`${run.name} extrapolates ${beyond.join(' and ')}: the law is untested there.`] : [];
}

/** "the 40 of 4500 starts with the lowest objective" or "all 4500 starts". */
function searchedText(fit: ChinchillaFit): string {
  return fit.searchedStarts < fit.starts
    ? `the ${fit.searchedStarts} of ${fit.starts} starts with the lowest objective`
    : `all ${fit.starts} starts`;
}

/**
 * A fit's result: constants (with intervals after a bootstrap), predictions, largest residuals, how
 * it was found. Without an assessment (the constants are not a valid law) only the constants and warnings.
 */
export function fitPayload(
  name: string,
  outcome: { readonly fit: ChinchillaFit; readonly bootstrap?: ChinchillaBootstrap },
  assessment: FitAssessment | undefined,
  line: number,
): PayloadWith<'fit', ChinchillaFitData> {
  const { fit, bootstrap } = outcome;
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'fit',
    title: `Law fitted to ${name} (${fit.points} runs)`,
    line,
    tables: [
      constantsTable(fit, bootstrap),
      ...(assessment ? [...predictionTable(assessment.predictions), residualTable(assessment.residuals)] : []),
    ],
    notes: [
      `Huber (δ = ${fit.delta}) on log loss, summed over runs, minimised by L-BFGS (Hoffmann et al. 2022, Sec. 3.3) from ${searchedText(fit)}; objective ${fit.objective.toExponential(4)}; ${fit.convergedStarts} of ${fit.searchedStarts} searches converged.`,
      ...(bootstrap ? [intervalShapeNote(fit, bootstrap)] : []),
      ...(fit.converged ? [] : [`The best start did not converge (${fit.stopReason}): treat the constants with care.`]),
      ...(fit.fixed.length > 0 ? [`Held fixed: ${fit.fixed.join(', ')}.`] : []),
      ...fit.warnings,
      ...(bootstrap?.warnings ?? []),
      ...(assessment?.predictions.flatMap(extrapolationNote) ?? []),
      ...(bootstrap && bootstrap.failedSamples > 0
        ? [`${bootstrap.failedSamples} resamples failed to fit${bootstrap.firstFailure ? ` (first: ${bootstrap.firstFailure})` : ''}.`]
        : []),
    ],
    data: { name, fit, ...(bootstrap ? { bootstrap } : {}) },
  };
}
