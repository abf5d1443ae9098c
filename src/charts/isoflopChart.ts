import { computeOptimalAllocation } from '../core/allocation';
import type { ScalingLaw } from '../core/laws/scalingLaw';
import { isoflopCurve, type IsoflopPoint } from '../core/sweeps';
import type { QueryPoint } from '../core/laws/validity';
import { LINE_LEGEND, fittedRangeOpacity, logAxis, tooltipOf } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { chartFileName, DEFAULT_SWEEP_POINTS, layeredChart, REFERENCE_STYLE, type ChartSpec } from './chartSpec';
import { fittedRangeOf, markSeries, rangeCaption, type MarkedChart, type MarkedSeries } from './fittedRange';
import { scientificExpr } from './labelExpressions';
import { isLogPlottable, keepLogPlottable } from './plottable';

export interface IsoflopChartInput {
  readonly law: ScalingLaw;
  /** Compute budgets, FLOP: one curve each. */
  readonly budgets: readonly number[];
  /** Samples per curve. */
  readonly points?: number;
  /** Model sizes run from optimum/span to optimum·span (Hoffmann et al. 2022, Fig. 3, spans ~30×). */
  readonly span?: number;
}

const DEFAULT_SPAN = 30;

/** One colour per compute budget (the rows' `compute`), named in scientific notation in a legend below. */
export const BUDGET_COLOR = {
  field: 'compute',
  type: 'nominal',
  title: 'Compute budget (FLOP)',
  legend: { ...LINE_LEGEND, labelExpr: scientificExpr('datum.value') },
} as const;

/** A curve sample or optimum as a point to check against the law's data. */
function queryPoint(row: IsoflopPoint): QueryPoint {
  return { compute: row.compute, params: row.params, tokens: row.tokens, tokensPerParam: row.tokens / row.params };
}

/** Each plottable budget's curve, marked where it leaves the law's data (budgets that are not positive have none). */
function curveSeries(input: IsoflopChartInput, budgets: readonly number[]): Array<MarkedSeries<IsoflopPoint>> {
  const points = input.points ?? DEFAULT_SWEEP_POINTS;
  return budgets.map((budget) =>
    markSeries(input.law, isoflopCurve(input.law, budget, points, input.span ?? DEFAULT_SPAN), (row) => [queryPoint(row)]),
  );
}

/**
 * Loss against model size for each compute budget (Hoffmann et al. 2022, Approach 2, Fig. 3), each
 * budget's optimum marked and the optima joined by a dashed line. Curves and optima beyond the law's
 * data are faded. A budget that is not a positive finite number has no curve: its samples and its
 * optimum count as dropped points.
 *
 * @example isoflopChart({ law: findPresetLaw('epoch')!, budgets: [1e19, 1e21, 1e23] })
 */
export function isoflopChart(input: IsoflopChartInput): ChartSpec {
  return isoflopChartWithNotes(input).chart;
}

/** The isoFLOP chart and the note under it (how far its curves reach beyond the law's data), from one sweep. */
export function isoflopChartWithNotes(input: IsoflopChartInput): MarkedChart {
  const { law } = input;
  const points = input.points ?? DEFAULT_SWEEP_POINTS;
  const budgets = input.budgets.filter(isLogPlottable);
  const unplottableBudgets = input.budgets.length - budgets.length;
  const series = curveSeries(input, budgets);
  const curves = keepLogPlottable(
    series.flatMap(({ rows }) => rows),
    ['params', 'loss'],
  );
  const optima = keepLogPlottable(
    budgets.map((budget) => {
      const optimum = computeOptimalAllocation(law, budget);
      const { compute, params, tokens, loss } = optimum;
      return { compute, params, tokens, loss, range: fittedRangeOf(law, [optimum]).range };
    }),
    ['params', 'loss'],
  );
  const x = logAxis(
    'params',
    [...curves.rows, ...optima.rows].map((row) => row.params),
  );
  const y = logAxis(
    'loss',
    [...curves.rows, ...optima.rows].map((row) => row.loss),
  );
  const color = BUDGET_COLOR;
  const faded = fittedRangeOpacity();
  const tooltip = tooltipOf(['compute', 'params', 'tokens', 'loss', 'range']);
  const fadedNote = series.some(({ decades }) => decades > 0) || optima.rows.some((row) => row.range === 'extrapolated');

  const chart: ChartSpec = {
    spec: layeredChart(
      'IsoFLOP curves: loss against model size at fixed compute',
      `Law: ${law.name} · ◆ each budget's optimum${fadedNote ? " · faded: beyond the law's data" : ''}`,
      [
        lineLayer(curves.rows, { x: x.channel('params'), y: y.channel('loss'), color, ...faded }, tooltip),
        {
          data: { values: optima.rows },
          encoding: { x: x.channel('params'), y: y.channel('loss') },
          layer: [
            {
              mark: { type: 'line', style: REFERENCE_STYLE, strokeDash: [2, 3] },
              encoding: { order: { field: 'compute', type: 'quantitative' } },
            },
            {
              mark: { type: 'point', shape: 'diamond', filled: true, size: 90 },
              transform: tooltip.transform,
              // Opacity only: an optimum is a point of its own, not a stretch of a line.
              encoding: { color, opacity: faded.opacity, tooltip: tooltip.tooltip },
            },
          ],
        },
      ],
    ),
    droppedPoints: unplottableBudgets * (points + 1) + curves.dropped + optima.dropped,
    fileName: chartFileName('isoflop', law.id),
  };
  const rangeNotes = rangeCaption(law, Math.max(0, ...series.map(({ decades }) => decades)), 'its curves are faded there');
  return { chart, rangeNotes };
}
