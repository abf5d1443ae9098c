import { pointLabel, type FitPoint } from '../core/fit/fitPoints';
import type { ScalingLaw } from '../core/laws/scalingLaw';
import { logSpace } from '../core/sweeps';
import { logAxis, tooltipOf, type Tooltip } from './chartEncodings';
import { labelledPointsLayer, lineLayer } from './chartLayers';
import { chartFileName, DEFAULT_SWEEP_POINTS, layeredChart, lawsSubtitle, type ChartSpec } from './chartSpec';
import { countExpr, lossExpr } from './labelExpressions';
import { extent } from './logTicks';
import { keepLogPlottable } from './plottable';

/** A run not trained yet, to read off the fitted law. */
export interface PlannedRun {
  readonly name: string;
  readonly params: number;
  readonly tokens: number;
  /** The bootstrap interval of its predicted loss (a bootstrap `Interval` fits), when known. */
  readonly loss?: { readonly low: number; readonly high: number };
}

export interface FitChartInput {
  /** The law fitted to `points`. */
  readonly law: ScalingLaw;
  /** The user's runs. */
  readonly points: readonly FitPoint[];
  /** Planned runs to extrapolate to, with the bootstrap interval of their predicted loss when known. */
  readonly planned?: readonly PlannedRun[];
  /** Samples per fitted curve (and per extrapolated stretch). */
  readonly samples?: number;
}

/** How far one run lies from the fitted law. */
export interface FitResidual {
  /** The run's label in messages: its `source`, else "row <n>". */
  readonly source: string;
  readonly params: number;
  readonly tokens: number;
  /** Observed loss. */
  readonly loss: number;
  /** The law's loss at the run's N and D. */
  readonly fitted: number;
  /** Observed − fitted: positive when the run did worse than the law predicts. */
  readonly residual: number;
  /** The residual as a fraction of the fitted loss. */
  readonly relative: number;
}

/**
 * Each run's observed loss against the law's, in the runs' order.
 *
 * @example fitResiduals(lawFromFit(fit), runs).map((row) => row.relative)
 */
export function fitResiduals(law: ScalingLaw, points: readonly FitPoint[]): FitResidual[] {
  return points.map((point, index) => {
    const fitted = law.loss(point.params, point.tokens);
    const residual = point.loss - fitted;
    return {
      source: pointLabel(point, index),
      params: point.params,
      tokens: point.tokens,
      loss: point.loss,
      fitted,
      residual,
      relative: residual / fitted,
    };
  });
}

/** Vega's default categorical scheme has ten colours; beyond that, neighbouring sizes would share one. */
const MAX_SIZE_COLOURS = 10;

/** Lets N = 1e9, whose log10 may come out a hair under 9, count as the decade it starts. */
const DECADE_SLACK = 1e-9;

/**
 * The colour of the runs and curves of each model size in `sizes`: one per size, or per decade
 * (10M–100M) when there are too many sizes to tell apart. `sizeOf` gives a row's `size` field.
 */
export function sizeColour(sizes: readonly number[]): { sizeOf: (params: number) => number; color: Record<string, unknown> } {
  const byDecade = sizes.length > MAX_SIZE_COLOURS;
  const labelExpr = byDecade ? `(${countExpr('datum.value')}) + '–' + (${countExpr('datum.value * 10')})` : countExpr('datum.value');
  return {
    sizeOf: (params) => (byDecade ? Number(`1e${Math.floor(Math.log10(params) + DECADE_SLACK)}`) : params),
    // Short labels (70M, 1B–10B) fit side by side under the plot.
    color: { field: 'size', type: 'nominal', title: 'Parameters', legend: { orient: 'bottom', direction: 'horizontal', labelExpr } },
  };
}

/**
 * The user's runs with the fitted law (log-log, loss against D): one colour and one curve L(N, D)
 * per model size, over the runs' token range, continued dashed to the largest planned D. Planned
 * runs are labelled diamonds at their predicted loss, with their loss interval as a bar.
 *
 * @example fitChart({ law: lawFromFit(fitChinchilla(runs)), points: runs, planned: [{ name: '7B', params: 7e9, tokens: 140e9 }] })
 */
export function fitChart(input: FitChartInput): ChartSpec {
  const { law } = input;
  const samples = input.samples ?? DEFAULT_SWEEP_POINTS;
  const runs = keepLogPlottable(fitResiduals(law, input.points), ['params', 'tokens', 'loss']);
  const planned = keepLogPlottable(
    (input.planned ?? []).map(({ name, params, tokens, loss }) => ({
      model: name,
      params,
      tokens,
      loss: law.loss(params, tokens),
      ...(loss && { low: loss.low, high: loss.high }),
    })),
    ['params', 'tokens', 'loss'],
  );
  const intervals = keepLogPlottable(
    planned.rows.flatMap(({ tokens, low, high }) => (low === undefined || high === undefined ? [] : [{ tokens, low, high }])),
    ['low', 'high'],
  );

  const sizes = [...new Set(runs.rows.map((row) => row.params))];
  const { sizeOf, color } = sizeColour(sizes);
  const dataRange = extent(runs.rows.map((row) => row.tokens));
  const plannedEnd = extent(planned.rows.map((row) => row.tokens))?.[1];
  const curveOver = (from: number, to: number) =>
    keepLogPlottable(
      sizes.flatMap((params) =>
        logSpace(from, to, samples).map((tokens) => ({ params, size: sizeOf(params), tokens, loss: law.loss(params, tokens) })),
      ),
      ['loss'],
    );
  const noRows = { rows: [], dropped: 0 };
  const fitted = dataRange ? curveOver(...dataRange) : noRows;
  const extended = dataRange && plannedEnd !== undefined && plannedEnd > dataRange[1] ? curveOver(dataRange[1], plannedEnd) : noRows;

  const x = logAxis(
    'tokens',
    [...runs.rows, ...fitted.rows, ...extended.rows, ...planned.rows].map((row) => row.tokens),
  );
  const y = logAxis('loss', [
    ...[...runs.rows, ...fitted.rows, ...extended.rows, ...planned.rows].map((row) => row.loss),
    ...intervals.rows.flatMap((row) => [row.low, row.high]),
  ]);
  // The shared title says "Predicted"; here the axis carries observed losses too.
  const lossChannel = (field: string) => ({ ...y.channel('loss'), field, title: 'Loss L (nats/token)' });
  const position = { x: x.channel('tokens'), y: lossChannel('loss') };
  // With sizes binned, one colour holds several curves: `detail` keeps them apart.
  const curveEncoding = { ...position, color, detail: { field: 'params', type: 'quantitative' } };
  const curveTooltip = tooltipOf(['params', 'tokens', 'loss']);
  const runTooltip = withLines(tooltipOf(['params', 'tokens', 'loss']), [
    { title: 'Run', expression: 'datum.source' },
    { title: 'Fitted loss', expression: lossExpr('datum.fitted') },
    { title: 'Residual (observed − fitted)', expression: `${lossExpr('datum.residual')} + ' (' + format(datum.relative, '+.2~%') + ')'` },
  ]);
  const plannedTooltip = withLines(tooltipOf(['model', 'params', 'tokens', 'loss']), [
    {
      title: 'Loss interval',
      expression: `isValid(datum.low) ? ${lossExpr('datum.low')} + ' – ' + ${lossExpr('datum.high')} : 'not computed'`,
    },
  ]);

  const layers: object[] = [
    lineLayer(fitted.rows, curveEncoding, curveTooltip),
    {
      data: { values: runs.rows.map((row) => ({ ...row, size: sizeOf(row.params) })) },
      transform: runTooltip.transform,
      mark: { type: 'point', filled: true, size: 50 },
      encoding: { ...position, color, tooltip: runTooltip.tooltip },
    },
  ];
  if (extended.rows.length > 0) layers.push(lineLayer(extended.rows, { ...curveEncoding, strokeDash: { value: [6, 4] } }, curveTooltip));
  if (intervals.rows.length > 0) {
    layers.push({
      data: { values: intervals.rows },
      mark: { type: 'rule' },
      encoding: { x: x.channel('tokens'), y: lossChannel('low'), y2: { field: 'high' } },
    });
  }
  if (planned.rows.length > 0) {
    layers.push(labelledPointsLayer(planned.rows, planned.rows, position, plannedTooltip, { shape: { value: 'diamond' } }));
  }

  const notes = [
    lawsSubtitle([law]),
    ...(extended.rows.length > 0 ? ['dashed: extrapolated'] : []),
    ...(planned.rows.length > 0 ? [`◆ planned runs${intervals.rows.length > 0 ? ', bars: loss interval' : ''}`] : []),
  ];
  return {
    spec: layeredChart('Fitted law against your runs', notes.join(' · '), layers),
    droppedPoints: runs.dropped + planned.dropped + intervals.dropped + fitted.dropped + extended.dropped,
    fileName: chartFileName('fit', law.id),
  };
}

/** `tooltip` followed by lines whose text a vega expression gives (quantities the shared formats do not name). */
function withLines(tooltip: Tooltip, lines: ReadonlyArray<{ title: string; expression: string }>): Tooltip {
  return {
    transform: [...tooltip.transform, ...lines.map(({ expression }, index) => ({ calculate: expression, as: `line${index}` }))],
    tooltip: [...tooltip.tooltip, ...lines.map(({ title }, index) => ({ field: `line${index}`, type: 'nominal', title }))],
  };
}
