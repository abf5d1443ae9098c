import { formatCount, formatRatio, type ScalingLaw } from '../../core';
import { fitResiduals } from '../../core/charts';
import type { ChinchillaBootstrap, ChinchillaFit, FitPoint } from '../../core/fit';
import { extrapolation } from '../../core/fit/fitDiagnostics';
import { RESULT_PAYLOAD_VERSION, type ResultPayload, type ResultTable } from './resultPayload';
import { formatLoss } from './resultTables';

/** Residual rows shown under a fit: the largest misfits. */
const RESIDUAL_ROWS = 10;

/** A run whose loss the fit predicts, with its bootstrap interval when there was one. */
export interface FitPrediction {
  readonly name: string;
  readonly params: number;
  readonly tokens: number;
  readonly loss?: { readonly low: number; readonly high: number };
}

/** "0.519 [0.49, 0.55]": an estimate with its interval, when there is one. */
export function intervalText(estimate: number, interval: { low: number; high: number } | undefined, format: (value: number) => string): string {
  return interval ? `${format(estimate)} [${format(interval.low)}, ${format(interval.high)}]` : format(estimate);
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
    caption: bootstrap ? `Fitted constants with ${Math.round(bootstrap.confidence * 100)}% bootstrap intervals (${bootstrap.completedSamples} resamples)` : 'Fitted constants',
    columns: ['constant', 'value'],
    align: ['left', 'right'],
    rows: entries.map(([label, value, key]) => [label, intervalText(value, bootstrap?.constants[key], (x) => formatRatio(x, 4))]),
  };
}

function residualTable(law: ScalingLaw, points: readonly FitPoint[]): ResultTable {
  const residuals = fitResiduals(law, points)
    .sort((a, b) => Math.abs(b.residual) - Math.abs(a.residual))
    .slice(0, RESIDUAL_ROWS);
  return {
    caption: `Largest residuals (observed − fitted), ${Math.min(RESIDUAL_ROWS, points.length)} of ${points.length}`,
    columns: ['run', 'N', 'D', 'observed', 'fitted', 'residual'],
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
    rows: residuals.map((row) => [row.source, formatCount(row.params), formatCount(row.tokens), formatLoss(row.loss), formatLoss(row.fitted), `${row.residual >= 0 ? '+' : '−'}${Math.abs(row.residual).toFixed(4)}`]),
  };
}

function predictionTable(law: ScalingLaw, predictions: readonly FitPrediction[]): ResultTable[] {
  if (predictions.length === 0) return [];
  return [
    {
      caption: 'Predicted loss',
      columns: ['model', 'N', 'D', 'loss'],
      align: ['left', 'right', 'right', 'right'],
      rows: predictions.map((run) => [run.name, formatCount(run.params), formatCount(run.tokens), intervalText(law.loss(run.params, run.tokens), run.loss, formatLoss)]),
    },
  ];
}

/** "×8.3 beyond the largest run in N (3.6B)", for the axes on which the run lies beyond the data. */
function extrapolationNote(points: readonly FitPoint[], run: FitPrediction): string[] {
  const reach = extrapolation(points, run);
  const beyond = [
    ...(reach.params > 1 ? [`×${formatRatio(reach.params, 2)} beyond the largest run in N (${formatCount(reach.largestParams)})`] : []),
    ...(reach.tokens > 1 ? [`×${formatRatio(reach.tokens, 2)} beyond the largest run in D (${formatCount(reach.largestTokens)})`] : []),
  ];
  return beyond.length > 0 ? [`${run.name} extrapolates ${beyond.join(' and ')}: the law is untested there.`] : [];
}

/**
 * A fit's result: constants (with intervals after a bootstrap), predictions, largest residuals, how
 * it was found. Without a law (the constants are not a valid one) only the constants and warnings.
 */
export function fitPayload(
  name: string,
  points: readonly FitPoint[],
  outcome: { readonly fit: ChinchillaFit; readonly bootstrap?: ChinchillaBootstrap },
  law: ScalingLaw | undefined,
  predictions: readonly FitPrediction[],
  line: number,
): ResultPayload {
  const { fit, bootstrap } = outcome;
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'fit',
    title: `Law fitted to ${name} (${fit.points} runs)`,
    line,
    tables: [constantsTable(fit, bootstrap), ...(law ? [...predictionTable(law, predictions), residualTable(law, points)] : [])],
    notes: [
      `Huber (δ = ${fit.delta}) on log loss, summed over runs, minimised by L-BFGS from ${fit.starts} starts (Hoffmann et al. 2022, Sec. 3.3); objective ${fit.objective.toExponential(4)}; ${fit.convergedStarts} of ${fit.starts} starts converged.`,
      ...(fit.converged ? [] : [`The best start did not converge (${fit.stopReason}): treat the constants with care.`]),
      ...(fit.fixed.length > 0 ? [`Held fixed: ${fit.fixed.join(', ')}.`] : []),
      ...fit.warnings,
      ...(bootstrap?.warnings ?? []),
      ...(law ? predictions.flatMap((run) => extrapolationNote(points, run)) : []),
      ...(bootstrap && bootstrap.failedSamples > 0 ? [`${bootstrap.failedSamples} resamples failed to fit${bootstrap.firstFailure ? ` (first: ${bootstrap.firstFailure})` : ''}.`] : []),
    ],
    data: { name, fit, ...(bootstrap ? { bootstrap } : {}) },
  };
}
