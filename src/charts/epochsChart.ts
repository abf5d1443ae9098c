import {
  constrainedAllocation,
  epochSweep,
  epochsUntilWorth,
  EXHAUSTED_TOKEN_WORTH,
  MUENNIGHOFF_2023_DECAY,
  NEGLIGIBLE_LOSS_EPOCHS,
  type HeldFixed,
  type RepetitionDecay,
  type RepetitionEstimate,
} from '../core/dataConstrained';
import type { ScalingLaw } from '../core/laws/scalingLaw';
import { requirePositive } from '../core/quantities';
import { formatCount, formatScientific, formatSignificant } from '../core/numberFormat';
import { logSpace } from '../core/sweeps';
import { LINE_LEGEND, logAxis, tooltipOf, type Tooltip } from './chartEncodings';
import { lineLayer } from './chartLayers';
import {
  CHART_HEIGHT,
  chartFileName,
  DEFAULT_SWEEP_POINTS,
  layeredChart,
  REFERENCE_STYLE,
  type ChartSpec,
  type LogRange,
} from './chartSpec';
import { keepLogPlottable } from './plottable';

export interface EpochsChartInput {
  readonly law: ScalingLaw;
  /** Unique tokens U_D available. */
  readonly uniqueTokens: number;
  /** The compute budget or the model size held while the epochs grow. */
  readonly fixed: HeldFixed;
  /** Epoch counts swept; by default 0.5 to 100, widened to take in the budget's optima. */
  readonly epochs?: LogRange;
  readonly points?: number;
  readonly decay?: RepetitionDecay;
}

/** Epochs swept by default: half a pass (all fresh) to 100, far past where repeats stop paying. */
export const DEFAULT_EPOCHS_RANGE: LogRange = [0.5, 100];

/**
 * Predicted loss against epochs over `uniqueTokens` unique tokens (Muennighoff et al. 2023), at a
 * fixed compute budget or a fixed model size, beside the same runs on fresh data (dashed). Dotted
 * rules mark 4 epochs, up to which repeating costs little, and the epoch count at which a repeated
 * token is worth a tenth of a fresh one; at a fixed budget, diamonds mark the best run with repeats
 * and the fresh-data optimum.
 *
 * @example epochsChart({ law: findPresetLaw('muennighoff2023')!, uniqueTokens: 500e9, fixed: { compute: 1e24 } })
 */
export function epochsChart(input: EpochsChartInput): ChartSpec {
  const { law, fixed } = input;
  const uniqueTokens = requirePositive(input.uniqueTokens, 'unique tokens');
  const decay = input.decay ?? MUENNIGHOFF_2023_DECAY;
  const optima = 'compute' in fixed ? constrainedAllocation(law, fixed.compute, uniqueTokens, decay) : undefined;
  const range =
    input.epochs ?? widened(DEFAULT_EPOCHS_RANGE, optima ? [optima.best.epochs, optima.unconstrained.tokens / uniqueTokens] : []);
  const repeated = `repeating ${formatCount(uniqueTokens)} unique tokens`;
  const fresh = 'every token fresh';
  const runs = epochSweep(law, uniqueTokens, fixed, logSpace(range[0], range[1], input.points ?? DEFAULT_SWEEP_POINTS), decay);
  const curves = keepLogPlottable(
    runs.flatMap((run) => [curveRow(repeated, run, run.loss, run.effectiveTokens), curveRow(fresh, run, run.freshLoss, run.tokens)]),
    ['epochs', 'loss'],
  );
  const markers = keepLogPlottable(
    optima
      ? [
          {
            ...curveRow(repeated, optima.best, optima.best.loss, optima.best.effectiveTokens),
            label: `best: ${formatCount(optima.best.params)} × ${formatSignificant(optima.best.epochs)} epochs`,
          },
          { ...curveRow(fresh, optima.unconstrainedRepeated, optima.unconstrained.loss, optima.unconstrained.tokens), label: '' },
        ]
      : [],
    ['epochs', 'loss'],
  );
  // One label at the top right of its rule and one at the bottom left of the other, so they neither
  // overlap on a narrow output nor run off the plot's right edge.
  const rules = [
    { epochs: NEGLIGIBLE_LOSS_EPOCHS, label: `${NEGLIGIBLE_LOSS_EPOCHS} epochs: repeats ≈ fresh`, top: true },
    {
      epochs: epochsUntilWorth(EXHAUSTED_TOKEN_WORTH, decay),
      label: `a repeat is worth ${EXHAUSTED_TOKEN_WORTH * 100}% of a fresh token`,
      top: false,
    },
  ].filter((rule) => rule.epochs >= range[0] && rule.epochs <= range[1]);
  const x = logAxis(
    'epochs',
    curves.rows.map((row) => row.epochs),
  );
  const y = logAxis(
    'loss',
    [...curves.rows, ...markers.rows].map((row) => row.loss),
  );
  const series = { field: 'series', type: 'nominal', title: 'Data', scale: { domain: [repeated, fresh] }, legend: LINE_LEGEND };
  // Colour and dash share the field and title, so vega-lite draws one legend with both.
  const dash = {
    ...series,
    scale: {
      domain: [repeated, fresh],
      range: [
        [1, 0],
        [6, 4],
      ],
    },
  };
  const tooltip = seriesTooltip(tooltipOf(['epochs', 'params', 'tokens', 'effectiveTokens', 'loss']));

  const layers: object[] = [
    {
      data: { values: rules },
      encoding: { x: x.channel('epochs') },
      layer: [
        { mark: { type: 'rule', style: REFERENCE_STYLE, strokeDash: [2, 3] } },
        ruleLabel('datum.top', { align: 'left', baseline: 'top', dx: 4, dy: 4 }, 0),
        ruleLabel('!datum.top', { align: 'right', baseline: 'bottom', dx: -4, dy: -4 }, CHART_HEIGHT),
      ],
    },
    lineLayer(curves.rows, { x: x.channel('epochs'), y: y.channel('loss'), color: series, strokeDash: dash }, tooltip),
  ];
  if (markers.rows.length > 0) {
    layers.push({
      data: { values: markers.rows },
      transform: tooltip.transform,
      encoding: { x: x.channel('epochs'), y: y.channel('loss') },
      layer: [
        { mark: { type: 'point', shape: 'diamond', filled: true, size: 90 }, encoding: { color: series, tooltip: tooltip.tooltip } },
        { mark: { type: 'text', align: 'left', baseline: 'top', dx: 7, dy: 4 }, encoding: { text: { field: 'label', type: 'nominal' } } },
      ],
    });
  }
  const held = 'compute' in fixed ? `C = ${formatScientific(fixed.compute)} FLOP` : `N = ${formatCount(fixed.params)} parameters`;
  return {
    spec: layeredChart(
      `Loss against epochs at a fixed ${'compute' in fixed ? 'budget' : 'model size'}: where repeating stops paying`,
      `${held} · ${formatCount(uniqueTokens)} unique tokens · Law: ${law.name} · dashed: the same runs on fresh data`,
      layers,
    ),
    droppedPoints: curves.dropped + markers.dropped,
    fileName: chartFileName(
      'epochs',
      formatCount(uniqueTokens),
      'unique',
      'compute' in fixed ? formatScientific(fixed.compute) : formatCount(fixed.params),
    ),
  };
}

/** A point of one curve: the run's size and data, and its loss with repeats or on fresh data. */
function curveRow(series: string, run: RepetitionEstimate, loss: number, effectiveTokens: number) {
  return { series, epochs: run.epochs, params: run.params, tokens: run.tokens, effectiveTokens, loss };
}

/** `range` stretched to hold each of `epochs` with a factor of 2 to spare. */
function widened(range: LogRange, epochs: readonly number[]): LogRange {
  return [Math.min(range[0], ...epochs.map((value) => value / 2)), Math.max(range[1], ...epochs.map((value) => value * 2))];
}

/** The tooltip with the curve's name first. */
function seriesTooltip(tooltip: Tooltip): Tooltip {
  return { transform: tooltip.transform, tooltip: [{ field: 'series', type: 'nominal', title: 'Data' }, ...tooltip.tooltip] };
}

/** The label of the reference rules that pass `filter`, at pixel height `y`. */
function ruleLabel(
  filter: string,
  placement: { align: 'left' | 'right'; baseline: 'top' | 'bottom'; dx: number; dy: number },
  y: number,
): object {
  return {
    transform: [{ filter }],
    mark: { type: 'text', style: REFERENCE_STYLE, ...placement },
    encoding: { y: { value: y }, text: { field: 'label', type: 'nominal' } },
  };
}
