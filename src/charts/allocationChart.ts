import { predictAllocation, type AllocationFit } from '../core/fit/allocationFit';
import { formatCount } from '../core/numberFormat';
import { logSpace } from '../core/sweeps';
import { logAxis, tooltipOf } from './chartEncodings';
import { labelledPointsLayer, lineLayer } from './chartLayers';
import { chartFileName, DEFAULT_SWEEP_POINTS, layeredChart, type ChartSpec } from './chartSpec';
import { SERIES_COLOR } from './dualAxisChart';
import { keepLogPlottable } from './plottable';

/** A budget to read the allocation at, drawn as a labelled point. */
export interface AllocationTarget {
  readonly name: string;
  readonly compute: number;
}

/** Optima drawn as points per series, at most. */
const MAX_OPTIMA_DRAWN = 100;

const SERIES = { params: 'N_opt (parameters)', tokens: 'D_opt (tokens)' } as const;

/**
 * N_opt and D_opt against compute for a fitted allocation (Hoffmann et al. 2022, Fig. 3, centre
 * and right): the optima it was fitted to as points, the fitted lines N_opt = G·C^a and
 * D_opt = H·C^b solid over the data and dashed beyond it to the targets, the bootstrap band when
 * there is one, and each target's N_opt and D_opt labelled.
 *
 * @example allocationChart(fitIsoflopProfiles(runs, { bootstrap: { samples: 1000 } }), 'sweep', [{ name: 'cluster', compute: 1e24 }])
 */
export function allocationChart(
  fit: AllocationFit,
  name: string,
  targets: readonly AllocationTarget[] = [],
  samples = DEFAULT_SWEEP_POINTS,
): ChartSpec {
  const computes = fit.optima.map((optimum) => optimum.compute);
  const [dataLow, dataHigh] = [Math.min(...computes), Math.max(...computes)];
  const end = Math.max(dataHigh, ...targets.map((target) => target.compute).filter((compute) => compute > 0 && Number.isFinite(compute)));
  const start = Math.min(dataLow, ...targets.map((target) => target.compute).filter((compute) => compute > 0));
  const sweep = (from: number, to: number, part: string) =>
    logSpace(from, to, samples).flatMap((compute) => {
      const prediction = predictAllocation(fit, compute);
      return (['params', 'tokens'] as const).map((key) => ({
        series: SERIES[key],
        part,
        compute,
        count: prediction[key],
        low: prediction[`${key}Interval`]?.low,
        high: prediction[`${key}Interval`]?.high,
      }));
    });
  const fitted = keepLogPlottable(sweep(dataLow, dataHigh, 'fitted'), ['compute', 'count']);
  const beyond = keepLogPlottable(
    [...(start < dataLow ? sweep(start, dataLow, 'below') : []), ...(end > dataHigh ? sweep(dataHigh, end, 'beyond') : [])],
    ['compute', 'count'],
  );
  const band = keepLogPlottable(
    [...fitted.rows, ...beyond.rows].filter((row) => row.low !== undefined),
    ['low', 'high'],
  );
  // An envelope fit has ~1,000 optima along a staircase: a hundred show it as well.
  const stride = Math.max(1, Math.ceil(fit.optima.length / MAX_OPTIMA_DRAWN));
  const optima = keepLogPlottable(
    fit.optima
      .filter((_, i) => i % stride === 0)
      .flatMap((optimum) => [
        { series: SERIES.params, compute: optimum.compute, count: optimum.params },
        { series: SERIES.tokens, compute: optimum.compute, count: optimum.tokens },
      ]),
    ['compute', 'count'],
  );
  const marked = keepLogPlottable(
    targets.flatMap((target) => {
      const prediction = predictAllocation(fit, target.compute);
      return [
        {
          series: SERIES.params,
          model: `${target.name}: N ${formatCount(prediction.params)}`,
          compute: target.compute,
          count: prediction.params,
        },
        { series: SERIES.tokens, model: `D ${formatCount(prediction.tokens)}`, compute: target.compute, count: prediction.tokens },
      ];
    }),
    ['compute', 'count'],
  );
  const everything = [...fitted.rows, ...beyond.rows, ...optima.rows, ...marked.rows];
  const x = logAxis(
    'compute',
    everything.map((row) => row.compute),
  );
  const y = logAxis('count', [...everything.map((row) => row.count), ...band.rows.flatMap((row) => [row.low!, row.high!])]);
  const position = { x: x.channel('compute'), y: y.channel('count') };
  const tooltip = tooltipOf(['compute', 'count']);
  const layers: object[] = [];
  if (band.rows.length > 0) {
    layers.push({
      data: { values: band.rows },
      mark: { type: 'area', opacity: 0.18 },
      encoding: {
        x: x.channel('compute'),
        y: { ...y.channel('count'), field: 'low' },
        y2: { field: 'high' },
        ...SERIES_COLOR,
        detail: { field: 'part', type: 'nominal' },
      },
    });
  }
  layers.push(lineLayer(fitted.rows, { ...position, ...SERIES_COLOR }, tooltip));
  if (beyond.rows.length > 0)
    layers.push(
      lineLayer(
        beyond.rows,
        { ...position, ...SERIES_COLOR, detail: { field: 'part', type: 'nominal' }, strokeDash: { value: [6, 4] } },
        tooltip,
      ),
    );
  layers.push({
    data: { values: optima.rows },
    transform: tooltip.transform,
    mark: { type: 'point', filled: true, size: 55 },
    encoding: { ...position, ...SERIES_COLOR, tooltip: tooltip.tooltip },
  });
  if (marked.rows.length > 0)
    layers.push(labelledPointsLayer(marked.rows, marked.rows, position, tooltip, { shape: { value: 'diamond' }, ...SERIES_COLOR }));
  const subtitle = [
    `N_opt ∝ C^${fit.params.exponent.toFixed(3)}, D_opt ∝ C^${fit.tokens.exponent.toFixed(3)}`,
    ...(beyond.rows.length > 0 ? ['dashed: extrapolated'] : []),
    ...(band.rows.length > 0 ? [`band: ${Math.round(fit.intervals!.confidence * 100)}% bootstrap interval`] : []),
  ];
  return {
    spec: layeredChart(`Compute-optimal allocation fitted to ${name}`, subtitle.join(' · '), layers),
    droppedPoints: fitted.dropped + beyond.dropped + band.dropped + optima.dropped + marked.dropped,
    fileName: chartFileName('allocation', name),
  };
}
