import type { IsoflopFit } from '../core/fit/isoflopProfiles';
import { logAxis, tooltipOf } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { chartFileName, DEFAULT_SWEEP_POINTS, layeredChart, REFERENCE_STYLE, type ChartSpec } from './chartSpec';
import { BUDGET_COLOR } from './isoflopChart';
import { keepLogPlottable } from './plottable';

/** How far past the sizes trained each parabola is drawn, as a factor in N: enough to see it turn. */
const PARABOLA_MARGIN = 1.5;

/**
 * A sweep's isoFLOP profiles as Hoffmann et al. 2022 draw them (Fig. 3, left): each run's loss
 * against its size, coloured by budget, each budget's fitted parabola in ln N, and its minimum
 * marked, the minima joined by a dashed line. Skipped budgets show their runs without a parabola.
 *
 * @example isoflopProfilesChart(fitIsoflopProfiles(runs), 'sweep')
 */
export function isoflopProfilesChart(fit: IsoflopFit, name: string, samples = DEFAULT_SWEEP_POINTS): ChartSpec {
  const runs = keepLogPlottable(
    fit.budgets.flatMap((budget) =>
      budget.runs.map((run) => ({ compute: budget.compute, params: run.params, tokens: run.tokens, loss: run.loss })),
    ),
    ['params', 'loss'],
  );
  const curves = keepLogPlottable(
    fit.budgets.flatMap(({ compute, parabola, optimum, smallestParams, largestParams }) => {
      if (!parabola || !optimum) return [];
      const low = Math.log(Math.min(smallestParams, optimum.params) / PARABOLA_MARGIN);
      const high = Math.log(Math.max(largestParams, optimum.params) * PARABOLA_MARGIN);
      return Array.from({ length: samples }, (_, i) => {
        const logParams = low + ((high - low) * i) / (samples - 1);
        const u = logParams - parabola.center;
        const params = Math.exp(logParams);
        return { compute, params, tokens: compute / (6 * params), loss: parabola.c0 + parabola.c1 * u + parabola.c2 * u * u };
      });
    }),
    ['params', 'loss'],
  );
  const minima = keepLogPlottable(
    fit.optima.map(({ compute, params, tokens, loss }) => ({ compute, params, tokens, loss: loss! })),
    ['params', 'loss'],
  );
  const x = logAxis(
    'params',
    [...runs.rows, ...curves.rows].map((row) => row.params),
  );
  const y = logAxis(
    'loss',
    [...runs.rows, ...curves.rows].map((row) => row.loss),
  );
  // The axis carries observed losses, not only predicted ones.
  const position = { x: x.channel('params'), y: { ...y.channel('loss'), title: 'Loss L (nats/token)' } };
  const tooltip = tooltipOf(['compute', 'params', 'tokens', 'loss']);
  return {
    spec: layeredChart(
      `IsoFLOP profiles of ${name}`,
      `${fit.optima.length} parabolas in ln N · ◆ each budget's minimum · a = ${fit.params.exponent.toFixed(3)}`,
      [
        lineLayer(curves.rows, { ...position, color: BUDGET_COLOR }, tooltip),
        {
          data: { values: runs.rows },
          transform: tooltip.transform,
          mark: { type: 'point', filled: true, size: 45 },
          encoding: { ...position, color: BUDGET_COLOR, tooltip: tooltip.tooltip },
        },
        {
          data: { values: minima.rows },
          encoding: position,
          layer: [
            {
              mark: { type: 'line', style: REFERENCE_STYLE, strokeDash: [2, 3] },
              encoding: { order: { field: 'compute', type: 'quantitative' } },
            },
            {
              mark: { type: 'point', shape: 'diamond', filled: true, size: 110 },
              transform: tooltip.transform,
              encoding: { color: BUDGET_COLOR, tooltip: tooltip.tooltip },
            },
          ],
        },
      ],
    ),
    droppedPoints: runs.dropped + curves.dropped + minima.dropped,
    fileName: chartFileName('isoflop-profiles', name),
  };
}
