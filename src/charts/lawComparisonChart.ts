import { LINE_LEGEND, fittedRangeOpacity, lawColor, logAxis, tooltipOf } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { plottableFrontier } from './chartRows';
import { chartFileName, layeredChart, lawsSubtitle, type ChartSpec, type ComputeSweepInput } from './chartSpec';

/**
 * Several laws' compute-optimal frontiers on one chart: the model size N (solid) and the token
 * count D (dashed) each law recommends for every budget. This is where laws disagree most: Kaplan
 * et al. 2020 put extra compute into parameters (N ∝ C^0.73), Chinchilla-form laws split it evenly.
 *
 * @example lawComparisonChart({ laws: PRESET_LAWS, compute: [1e18, 1e26] })
 */
export function lawComparisonChart(input: Omit<ComputeSweepInput, 'models'>): ChartSpec {
  const optima = plottableFrontier(input, ['compute', 'params', 'tokens']);
  const x = logAxis(
    'compute',
    optima.rows.map((row) => row.compute),
  );
  const y = logAxis(
    'count',
    optima.rows.flatMap((row) => [row.params, row.tokens]),
  );
  const encoding = {
    x: x.channel('compute'),
    y: y.channel('count'),
    ...lawColor(input.laws.length),
    ...fittedRangeOpacity(),
    strokeDash: {
      field: 'quantity',
      type: 'nominal',
      title: 'Line',
      scale: {
        domain: ['params', 'tokens'],
        range: [
          [1, 0],
          [6, 4],
        ],
      },
      legend: { ...LINE_LEGEND, labelExpr: "datum.value === 'params' ? 'Parameters N' : 'Tokens D'" },
    },
  };
  // Each optimum is one row; the fold draws it twice (N and D), halving the inline data.
  const fold = { fold: ['params', 'tokens'], as: ['quantity', 'count'] };
  return {
    spec: layeredChart(
      'Compute-optimal model size and data by law',
      `${lawsSubtitle(input.laws)} · solid: parameters, dashed: tokens, faded: beyond the law's fitting runs`,
      [lineLayer(optima.rows, encoding, tooltipOf(['law', 'compute', 'params', 'tokens', 'tokensPerParam', 'range']), [fold])],
    ),
    droppedPoints: optima.dropped,
    fileName: chartFileName('law-comparison'),
  };
}
