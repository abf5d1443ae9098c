import { formatCount, formatFlops, formatRatio, formatScientific, formatSignificant } from '../../core';
import type { ChartSpec } from '../../charts';
import type { AllocationFit, AllocationPrediction, EnvelopeFit, IsoflopFit } from '../../core/fit';
import { intervalText } from './fitPayload';
import type { AllocationFitData, EnvelopeStretchData, IsoflopBudgetData, Pair } from './resultData';
import { RESULT_PAYLOAD_VERSION, type PayloadWith, type ResultTable } from './resultPayload';
import { formatLoss } from '../../core/numberFormat';

/** What each approach is called in Hoffmann et al. 2022 (Sec. 3.1–3.3, Table 2). */
export const APPROACH_TITLES: Readonly<Record<'envelope' | 'isoflop' | 'parametric', string>> = {
  envelope: 'Approach 1, envelope of training curves',
  isoflop: 'Approach 2, isoFLOP profiles',
  parametric: 'Approach 3, parametric L(N, D)',
};

/** A fitted allocation's prediction at a named budget. */
export interface NamedPrediction extends AllocationPrediction {
  readonly name: string;
}

/** Per budget (Approach 2) or per stretch of the envelope (Approach 1), in plain numbers. */
function budgetsJson(fit: IsoflopFit | EnvelopeFit): Array<IsoflopBudgetData | EnvelopeStretchData> {
  if (fit.approach === 'isoflop') {
    return fit.budgets.map((budget) => ({
      compute: budget.compute,
      ...(budget.optimum ? { params: budget.optimum.params, tokens: budget.optimum.tokens, loss: budget.optimum.loss } : {}),
      sizes: budget.sizes,
      runs: budget.runs.length,
      ...(budget.outsideSampled ? { outsideSampled: true as const } : {}),
      ...(budget.skipped ? { skipped: budget.skipped } : {}),
    }));
  }
  return fit.segments.map((segment) => ({
    compute: Math.sqrt(segment.fromCompute * segment.toCompute),
    fromCompute: segment.fromCompute,
    toCompute: segment.toCompute,
    run: segment.run,
    params: segment.params,
    tokens: Math.sqrt(segment.fromCompute * segment.toCompute) / (6 * segment.params),
    ...(segment.inRegression
      ? {}
      : { skipped: 'at or beyond a stretch of the smallest or largest size trained: the optimum there may lie beyond the sizes' }),
  }));
}

/** The JSON of a fitted allocation with its predictions (the keys `fit FILE --approach … --json` prints). */
export function allocationJson(fit: IsoflopFit | EnvelopeFit, predictions: readonly NamedPrediction[]): AllocationFitData {
  const pair = (interval: { low: number; high: number }): Pair => [interval.low, interval.high];
  const ci = fit.intervals;
  return {
    approach: fit.approach,
    paramsExponent: fit.params.exponent,
    tokensExponent: fit.tokens.exponent,
    paramsCoefficient: fit.params.coefficient,
    tokensCoefficient: fit.tokens.coefficient,
    ...(ci
      ? {
          ci: {
            confidence: ci.confidence,
            samples: ci.samples.length,
            failedSamples: ci.failedSamples,
            seed: ci.seed,
            paramsExponent: pair(ci.paramsExponent),
            tokensExponent: pair(ci.tokensExponent),
            paramsCoefficient: pair(ci.paramsCoefficient),
            tokensCoefficient: pair(ci.tokensCoefficient),
          },
        }
      : {}),
    budgets: budgetsJson(fit),
    warnings: fit.warnings,
    predictions: predictions.map((prediction) => ({
      name: prediction.name,
      compute: prediction.compute,
      params: prediction.params,
      tokens: prediction.tokens,
      ...(prediction.paramsInterval
        ? { paramsInterval: pair(prediction.paramsInterval), tokensInterval: pair(prediction.tokensInterval!) }
        : {}),
    })),
  };
}

/** a, b, G and H with their intervals. */
function constantsTable(fit: AllocationFit): ResultTable {
  const ci = fit.intervals;
  const exponent = (value: number) => formatRatio(value, 3);
  const coefficient = (value: number) => formatSignificant(value, 3);
  return {
    caption: ci
      ? `N_opt = G·C^a and D_opt = H·C^b, ${Math.round(ci.confidence * 100)}% bootstrap intervals (${ci.samples.length} resamples)`
      : 'N_opt = G·C^a and D_opt = H·C^b',
    columns: ['constant', 'value'],
    align: ['left', 'right'],
    rows: [
      ['a (N_opt ∝ C^a)', intervalText(fit.params.exponent, ci?.paramsExponent, exponent)],
      ['b (D_opt ∝ C^b)', intervalText(fit.tokens.exponent, ci?.tokensExponent, exponent)],
      ['G', intervalText(fit.params.coefficient, ci?.paramsCoefficient, coefficient)],
      ['H', intervalText(fit.tokens.coefficient, ci?.tokensCoefficient, coefficient)],
    ],
  };
}

function budgetTable(fit: IsoflopFit | EnvelopeFit): ResultTable {
  if (fit.approach === 'isoflop') {
    return {
      caption: `Each isoFLOP budget's parabola minimum (budgets from ${fit.grouping === '6ND' ? 'C = 6·N·D' : 'the compute column'})`,
      columns: ['C (FLOP)', 'runs', 'sizes', 'N_opt', 'D_opt', 'D/N', 'loss at minimum', 'note'],
      align: ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
      rows: fit.budgets.map((budget) => {
        const optimum = budget.optimum;
        const note = budget.skipped ? `skipped: ${budget.skipped}` : budget.outsideSampled ? 'minimum outside the sizes trained' : '';
        return [
          formatScientific(budget.compute),
          String(budget.runs.length),
          String(budget.sizes),
          ...(optimum
            ? [
                formatCount(optimum.params),
                formatCount(optimum.tokens),
                formatRatio(optimum.tokens / optimum.params),
                formatLoss(optimum.loss),
              ]
            : ['–', '–', '–', '–']),
          note,
        ];
      }),
    };
  }
  return {
    caption: `The lower envelope: which run has the lowest loss over each stretch of compute (${fit.curves.length} runs)`,
    columns: ['from C', 'to C', 'run', 'N', 'D/N', 'in the regression'],
    align: ['right', 'right', 'left', 'right', 'right', 'left'],
    rows: fit.segments.map((segment) => {
      const middle = Math.sqrt(segment.fromCompute * segment.toCompute);
      return [
        formatScientific(segment.fromCompute),
        formatScientific(segment.toCompute),
        segment.run,
        formatCount(segment.params),
        formatRatio(middle / (6 * segment.params * segment.params)),
        segment.inRegression ? 'yes' : 'no: edge size',
      ];
    }),
  };
}

/** N_opt and D_opt at the budgets declared above, with intervals after a bootstrap. */
export function predictionTable(predictions: readonly NamedPrediction[], caption: string): ResultTable[] {
  if (predictions.length === 0) return [];
  return [
    {
      caption,
      columns: ['budget', 'C (FLOP)', 'N_opt', 'D_opt', 'D/N'],
      align: ['left', 'right', 'right', 'right', 'right'],
      rows: predictions.map((prediction) => [
        prediction.name,
        formatScientific(prediction.compute),
        intervalText(prediction.params, prediction.paramsInterval, formatCount),
        intervalText(prediction.tokens, prediction.tokensInterval, formatCount),
        formatRatio(prediction.tokens / prediction.params),
      ]),
    },
  ];
}

/** The method behind each approach, in one sentence with its source. */
function methodNote(fit: IsoflopFit | EnvelopeFit): string {
  if (fit.approach === 'isoflop') {
    return (
      'Approach 2 (Hoffmann et al. 2022, Sec. 3.2): per budget, a parabola of loss in ln N; its vertex is N_opt ' +
      `and D_opt = C/(6·N_opt); ln N_opt and ln D_opt regressed on ln C over ${fit.optima.length} budgets.` +
      (fit.intervals ? ` Intervals resample runs within each budget (seed ${fit.intervals.seed}).` : '')
    );
  }
  return (
    `Approach 1 (Hoffmann et al. 2022, Sec. 3.1): each curve smoothed and interpolated in ln C; at ${fit.envelope.length} ` +
    `log-spaced FLOP values the run with the ` +
    `lowest loss gives N, D = C/(6N); ln N and ln D regressed on ln C over ${fit.optima.length} envelope points between the edge sizes.`
  );
}

/** How a notebook asks an allocation for N and D, and where losses come from; the CLI says it its own way. */
function notebookUseNote(name: string): string {
  return `This is an allocation, not a loss law: optimal BUDGET law=${name} answers with N and D; losses need fit ${name} (approach=parametric).`;
}

/**
 * The result of `fit DATA approach=isoflop|envelope`: the allocation (a, b, G, H), each budget or
 * envelope stretch, the allocation at the budgets declared above, warnings, and the chart.
 */
export function allocationFitPayload(
  name: string,
  fit: IsoflopFit | EnvelopeFit,
  predictions: readonly NamedPrediction[],
  chart: ChartSpec,
  line: number,
  useNote = notebookUseNote(name),
): PayloadWith<'fit', AllocationFitData> {
  const failures =
    fit.intervals && fit.intervals.failedSamples > 0
      ? [`${fit.intervals.failedSamples} resamples failed (first: ${fit.intervals.firstFailure}).`]
      : [];
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'fit',
    title:
      `${APPROACH_TITLES[fit.approach]}, fitted to ${name}: N_opt ∝ C^${formatRatio(fit.params.exponent, 3)}, D_opt ∝ ` +
      `C^${formatRatio(fit.tokens.exponent, 3)}`,
    line,
    tables: [constantsTable(fit), budgetTable(fit), ...predictionTable(predictions, 'Compute-optimal allocation at the budgets above')],
    notes: [
      methodNote(fit),
      ...fit.warnings,
      ...failures,
      useNote,
      ...(predictions.some((prediction) => prediction.compute > fit.optima[fit.optima.length - 1].compute)
        ? [`Budgets beyond ${formatFlops(fit.optima[fit.optima.length - 1].compute)} are extrapolations of the fitted line.`]
        : []),
    ],
    chart,
    data: allocationJson(fit, predictions),
  };
}
