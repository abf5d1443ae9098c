import { QuantityError } from '../core/quantities';
import { requireMixture } from '../core/mixtures/mixtureWeights';
import { chartFileName, CHART_HEIGHT, VEGA_LITE_SCHEMA, type ChartSpec } from './chartSpec';

/** A named mixture to draw: the optimum, or one to compare it with. */
export interface NamedMixture {
  readonly name: string;
  readonly weights: readonly number[];
}

export interface MixtureBarChartInput {
  readonly domains: readonly string[];
  /** The best mixture first, then the mixtures to compare it with (a training run's, equal weights). */
  readonly mixtures: readonly NamedMixture[];
  readonly title: string;
  readonly subtitle: string;
}

/**
 * Domain weights as grouped bars: one group per domain, one bar per mixture, each labelled with
 * its percentage, so the best mixture reads against the ones it is compared with.
 *
 * @example mixtureBarChart({ domains: ['web', 'code'], mixtures: [{ name: 'best', weights: [0.7, 0.3] }], title: 'Best mixture', subtitle: 'N = 7B' })
 */
export function mixtureBarChart(input: MixtureBarChartInput): ChartSpec {
  if (input.mixtures.length === 0) throw new QuantityError('a mixture chart needs at least one mixture');
  for (const mixture of input.mixtures) requireMixture(mixture.weights, input.domains);
  const rows = input.mixtures.flatMap((mixture) =>
    input.domains.map((domain, index) => ({ mixture: mixture.name, domain, weight: mixture.weights[index] })),
  );
  const names = input.mixtures.map((mixture) => mixture.name);
  const position = {
    x: { field: 'domain', type: 'nominal', title: 'Domain', sort: [...input.domains], axis: { labelAngle: 0 } },
    xOffset: { field: 'mixture', type: 'nominal', sort: names },
    y: { field: 'weight', type: 'quantitative', title: 'Share of training tokens', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
  };
  const color = {
    field: 'mixture',
    type: 'nominal',
    title: null,
    sort: names,
    legend: { orient: 'bottom', direction: 'vertical', labelLimit: 480 },
  };
  return {
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: input.title, subtitle: input.subtitle },
      width: 'container',
      height: CHART_HEIGHT,
      data: { values: rows },
      transform: [{ calculate: "format(datum.weight, '.1%')", as: 'weightText' }],
      encoding: position,
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            color,
            tooltip: [
              { field: 'mixture', type: 'nominal', title: 'Mixture' },
              { field: 'domain', type: 'nominal', title: 'Domain' },
              { field: 'weightText', type: 'nominal', title: 'Weight' },
            ],
          },
        },
        { mark: { type: 'text', baseline: 'bottom', dy: -3 }, encoding: { text: { field: 'weightText', type: 'nominal' } } },
      ],
    },
    droppedPoints: 0,
    fileName: chartFileName('mixture', ...names.slice(0, 1)),
  };
}
