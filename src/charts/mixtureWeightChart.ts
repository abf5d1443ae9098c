import { type MixtureTarget, type OptimalMixture, weightedTargetLoss } from '../core/mixtures/optimalMixture';
import { withDomainWeight } from '../core/mixtures/mixtureWeights';
import { requirePositive } from '../core/quantities';
import { formatCount } from '../core/numberFormat';
import { LINE_LEGEND, logAxis, type Tooltip } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { chartFileName, DEFAULT_SWEEP_POINTS, layeredChart, type ChartSpec } from './chartSpec';
import { lossExpr } from './labelExpressions';
import { keepLogPlottable } from './plottable';

export interface MixtureWeightChartInput {
  /** The targets whose (importance-weighted) loss is drawn. */
  readonly targets: readonly MixtureTarget[];
  readonly params: number;
  readonly tokens: number;
  /** The best mixture: each domain's sweep starts from it, and it is marked on every line. */
  readonly optimum: OptimalMixture;
  /** Samples per line. */
  readonly points?: number;
}

/** A domain's weight on a linear 0–100% axis. */
const WEIGHT_CHANNEL = {
  field: 'weight',
  type: 'quantitative',
  title: "Domain's weight (the others rescaled proportionally)",
  scale: { domain: [0, 1] },
  axis: { format: '.0%' },
};

/** The tooltip of a row: its domain, weight and loss, formatted as the text output prints them. */
const TOOLTIP: Tooltip = {
  transform: [
    { calculate: "format(datum.weight, '.1%')", as: 'weightText' },
    { calculate: lossExpr('datum.loss'), as: 'lossText' },
  ],
  tooltip: [
    { field: 'domain', type: 'nominal', title: 'Domain' },
    { field: 'weightText', type: 'nominal', title: 'Weight' },
    { field: 'lossText', type: 'nominal', title: 'Loss (nats/token)' },
  ],
};

/**
 * Predicted loss against each domain's weight, the other domains rescaled proportionally from the
 * best mixture: one line per domain,
 * all meeting at the optimum, marked on each. A flat line is a domain whose share hardly matters.
 *
 * @example mixtureWeightChart({ targets, params: 7e9, tokens: 150e9, optimum: optimalMixture(targets, 7e9, 150e9) })
 */
export function mixtureWeightChart(input: MixtureWeightChartInput): ChartSpec {
  const params = requirePositive(input.params, 'parameters');
  const tokens = requirePositive(input.tokens, 'tokens');
  const { optimum } = input;
  const samples = input.points ?? DEFAULT_SWEEP_POINTS;
  const sweep = Array.from({ length: samples }, (_, i) => i / (samples - 1));
  const curves = keepLogPlottable(
    optimum.domains.flatMap((domain, index) =>
      sweep.map((weight) => ({
        domain,
        weight,
        loss: weightedTargetLoss(input.targets, params, tokens, withDomainWeight(optimum.weights, index, weight)),
      })),
    ),
    ['loss'],
  );
  const best = optimum.domains.map((domain, index) => ({ domain, weight: optimum.weights[index], loss: optimum.loss }));
  const y = logAxis(
    'loss',
    [...curves.rows, ...best].map((row) => row.loss),
  );
  const color = { field: 'domain', type: 'nominal', title: 'Domain', sort: [...optimum.domains], legend: LINE_LEGEND };
  const position = { x: WEIGHT_CHANNEL, y: y.channel('loss') };
  const targets =
    input.targets.length === 1
      ? `loss on ${input.targets[0].name}`
      : `importance-weighted loss on ${input.targets.map((target) => target.name).join(', ')}`;
  return {
    spec: layeredChart(
      'Predicted loss against each domain’s weight',
      `${targets} · N = ${formatCount(params)}, D = ${formatCount(tokens)} · ◆ the best mixture`,
      [
        lineLayer(curves.rows, { ...position, color }, TOOLTIP),
        {
          data: { values: best },
          transform: TOOLTIP.transform,
          mark: { type: 'point', shape: 'diamond', filled: true, size: 90 },
          encoding: { ...position, color, tooltip: TOOLTIP.tooltip },
        },
      ],
    ),
    droppedPoints: curves.dropped,
    fileName: chartFileName('mixture-weights', formatCount(params), formatCount(tokens)),
  };
}
