import { computeOptimalAllocation } from '../core/allocation';
import type { ScalingLaw } from '../core/laws/scalingLaw';
import { isoflopCurve, type IsoflopPoint } from '../core/sweeps';
import { LINE_LEGEND, logAxis, tooltipOf } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { chartFileName, DEFAULT_SWEEP_POINTS, layeredChart, REFERENCE_STYLE, type ChartSpec } from './chartSpec';
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

/**
 * Loss against model size for each compute budget (Hoffmann et al. 2022, Approach 2, Fig. 3), each
 * budget's optimum marked and the optima joined by a dashed line. A budget that is not a positive
 * finite number has no curve: its samples and its optimum count as dropped points.
 *
 * @example isoflopChart({ law: findPresetLaw('epoch')!, budgets: [1e19, 1e21, 1e23] })
 */
export function isoflopChart(input: IsoflopChartInput): ChartSpec {
  const { law } = input;
  const points = input.points ?? DEFAULT_SWEEP_POINTS;
  const budgets = input.budgets.filter(isLogPlottable);
  const unplottableBudgets = input.budgets.length - budgets.length;
  const curves = keepLogPlottable(
    budgets.flatMap((budget) => isoflopCurve(law, budget, points, input.span ?? DEFAULT_SPAN)),
    ['params', 'loss'],
  );
  const optima = keepLogPlottable(
    budgets.map((budget): IsoflopPoint => {
      const { compute, params, tokens, loss } = computeOptimalAllocation(law, budget);
      return { compute, params, tokens, loss };
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
  const tooltip = tooltipOf(['compute', 'params', 'tokens', 'loss']);

  return {
    spec: layeredChart('IsoFLOP curves: loss against model size at fixed compute', `Law: ${law.name} · ◆ each budget's optimum`, [
      lineLayer(curves.rows, { x: x.channel('params'), y: y.channel('loss'), color }, tooltip),
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
            encoding: { color, tooltip: tooltip.tooltip },
          },
        ],
      },
    ]),
    droppedPoints: unplottableBudgets * (points + 1) + curves.dropped + optima.dropped,
    fileName: chartFileName('isoflop', law.id),
  };
}
