import { trainingCompute } from '../core/compute';
import type { ScalingLaw } from '../core/laws/scalingLaw';
import { requirePositive } from '../core/quantities';
import { formatCount, withUnit } from '../core/numberFormat';
import { logSpace } from '../core/sweeps';
import { fittedRangeOpacity, lawColor, logAxis, tooltipOf } from './chartEncodings';
import { lineLayer } from './chartLayers';
import {
  chartFileName,
  DEFAULT_SWEEP_POINTS,
  layeredChart,
  lawsSubtitle,
  REFERENCE_STYLE,
  requireLaws,
  type ChartSpec,
  type LogRange,
} from './chartSpec';
import { markSeries, rangeCaption, type MarkedChart } from './fittedRange';
import { lossExpr } from './labelExpressions';
import { keepLogPlottable } from './plottable';

export interface LossVsParamsChartInput {
  readonly laws: readonly ScalingLaw[];
  /** The fixed number of training tokens D. */
  readonly tokens: number;
  /** Model sizes swept. */
  readonly params: LogRange;
  readonly points?: number;
}

export interface LossVsTokensChartInput {
  readonly laws: readonly ScalingLaw[];
  /** The fixed model size N. */
  readonly params: number;
  /** Token counts swept. */
  readonly tokens: LogRange;
  readonly points?: number;
}

/**
 * Loss against N at fixed D: however large the model, the loss cannot go below L(∞, D), the "data
 * wall" drawn as a dashed line per law.
 *
 * @example lossVsParamsChart({ laws: [findPresetLaw('epoch')!], tokens: 1.4e12, params: [1e8, 1e12] })
 */
export function lossVsParamsChart(input: LossVsParamsChartInput): ChartSpec {
  return wallChart(input.laws, paramsSweep(input)).chart;
}

/**
 * Loss against D at fixed N: however long the training, the loss cannot go below L(N, ∞), the
 * "parameter wall" drawn as a dashed line per law.
 *
 * @example lossVsTokensChart({ laws: [findPresetLaw('epoch')!], params: 70e9, tokens: [1e10, 1e14] })
 */
export function lossVsTokensChart(input: LossVsTokensChartInput): ChartSpec {
  return wallChart(input.laws, tokensSweep(input)).chart;
}

/** The loss-against-N chart and the notes under it (how far each law's curve reaches beyond its data), from one sweep. */
export function lossVsParamsChartWithNotes(input: LossVsParamsChartInput): MarkedChart {
  return wallChart(input.laws, paramsSweep(input));
}

/** The loss-against-D chart and the notes under it (how far each law's curve reaches beyond its data), from one sweep. */
export function lossVsTokensChartWithNotes(input: LossVsTokensChartInput): MarkedChart {
  return wallChart(input.laws, tokensSweep(input));
}

function paramsSweep(input: LossVsParamsChartInput): WallChartShape {
  const tokens = requirePositive(input.tokens, 'tokens');
  return {
    swept: 'params',
    range: input.params,
    points: input.points,
    rowAt: (params) => ({ params, tokens }),
    wall: { params: Number.POSITIVE_INFINITY, tokens },
    title: 'Loss against model size at fixed data: the data wall',
    fixedText: `D = ${withUnit(formatCount(tokens), 'token')}`,
    limitText: 'N → ∞',
    fileName: chartFileName('loss-vs-parameters', formatCount(tokens), 'tokens'),
  };
}

function tokensSweep(input: LossVsTokensChartInput): WallChartShape {
  const params = requirePositive(input.params, 'parameters');
  return {
    swept: 'tokens',
    range: input.tokens,
    points: input.points,
    rowAt: (tokens) => ({ params, tokens }),
    wall: { params, tokens: Number.POSITIVE_INFINITY },
    title: 'Loss against training tokens at fixed model size: the parameter wall',
    fixedText: `N = ${formatCount(params)} parameters`,
    limitText: 'D → ∞',
    fileName: chartFileName('loss-vs-tokens', formatCount(params), 'parameters'),
  };
}

/** What differs between the two wall charts: which quantity is swept and which one is held. */
interface WallChartShape {
  readonly swept: 'params' | 'tokens';
  readonly range: LogRange;
  readonly points: number | undefined;
  readonly rowAt: (swept: number) => { params: number; tokens: number };
  /** Where the wall is: the held quantity, and the swept one at infinity. */
  readonly wall: { params: number; tokens: number };
  readonly title: string;
  readonly fixedText: string;
  readonly limitText: string;
  readonly fileName: string;
}

/**
 * Each law's curve, marked where it leaves the law's data: at N, D, C = 6ND (as a verdict counts a
 * model's compute, verdict.ts) and D/N of each sample.
 */
function wallCurves(laws: readonly ScalingLaw[], shape: WallChartShape) {
  const sweep = logSpace(shape.range[0], shape.range[1], shape.points ?? DEFAULT_SWEEP_POINTS);
  return laws.map((law) => {
    const rows = sweep.map((value) => {
      const { params, tokens } = shape.rowAt(value);
      return { law: law.name, params, tokens, loss: law.loss(params, tokens) };
    });
    return markSeries(law, rows, ({ params, tokens }) => [
      { params, tokens, compute: trainingCompute(params, tokens), tokensPerParam: tokens / params },
    ]);
  });
}

function wallChart(laws: readonly ScalingLaw[], shape: WallChartShape): MarkedChart {
  requireLaws(laws);
  const series = wallCurves(laws, shape);
  const curves = keepLogPlottable(
    series.flatMap(({ rows }) => rows),
    [shape.swept, 'loss'],
  );
  const walls = keepLogPlottable(
    laws.map((law) => ({ law: law.name, loss: law.loss(shape.wall.params, shape.wall.tokens) })),
    ['loss'],
  );
  const x = logAxis(
    shape.swept,
    curves.rows.map((row) => row[shape.swept]),
  );
  const y = logAxis(
    'loss',
    [...curves.rows, ...walls.rows].map((row) => row.loss),
  );
  const color = lawColor(laws.length);

  const layers = [
    {
      data: { values: walls.rows },
      transform: [{ calculate: `'${shape.limitText}: ' + ${lossExpr('datum.loss')}`, as: 'wallText' }],
      encoding: { y: y.channel('loss'), ...color },
      layer: [
        { mark: { type: 'rule', style: REFERENCE_STYLE, strokeDash: [6, 4] } },
        {
          // At the left end, where the curves are furthest above their wall.
          mark: { type: 'text', style: REFERENCE_STYLE, align: 'left', baseline: 'bottom', dx: 4, dy: -3 },
          encoding: { x: { value: 0 }, text: { field: 'wallText', type: 'nominal' } },
        },
      ],
    },
    lineLayer(
      curves.rows,
      { x: x.channel(shape.swept), y: y.channel('loss'), ...color, ...fittedRangeOpacity() },
      tooltipOf(['law', 'params', 'tokens', 'loss', 'range']),
    ),
  ];
  const faded = series.some(({ decades }) => decades > 0) ? " · faded: beyond the law's data" : '';
  return {
    chart: {
      spec: layeredChart(
        shape.title,
        `${shape.fixedText} · ${lawsSubtitle(laws)} · dashed: the loss as ${shape.limitText}${faded}`,
        layers,
      ),
      droppedPoints: curves.dropped + walls.dropped,
      fileName: shape.fileName,
    },
    rangeNotes: series.flatMap(({ decades }, index) => rangeCaption(laws[index], decades, 'its curve is faded there')),
  };
}
