import { computeOptimalAllocation } from '../core/allocation';
import { diminishingReturns } from '../core/diminishingReturns';
import { fittedRangeDash, lawColor, logAxis, tooltipOf } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { chartFileName, layeredChart, lawsSubtitle, requireLaws, type ChartSpec, type ComputeSweepInput } from './chartSpec';
import { markSeries, rangeCaption, type MarkedChart, type MarkedSeries } from './fittedRange';
import { keepLogPlottable } from './plottable';

type ReturnsInput = Omit<ComputeSweepInput, 'models' | 'points'>;

interface DecadeRow {
  readonly law: string;
  readonly compute: number;
  readonly improvement: number;
  readonly loss: number;
}

/**
 * Each law's decades of compute, each marked beyond the law's data when the compute-optimal model at
 * either end of it (C or 10·C) is: the improvement of a decade rests on both.
 */
function decadeSeries(input: ReturnsInput): Array<MarkedSeries<DecadeRow>> {
  return input.laws.map((law) => {
    const decades = diminishingReturns(law, input.compute[0], input.compute[1]).decades.map((decade): DecadeRow => ({
      law: law.name,
      compute: decade.compute,
      improvement: decade.improvement,
      loss: decade.loss,
    }));
    return markSeries(law, decades, (decade) =>
      [decade.compute, decade.compute * 10].map((budget) => computeOptimalAllocation(law, budget)),
    );
  });
}

/**
 * The loss improvement each further 10× of compute buys along each law's compute-optimal frontier,
 * against the compute it starts from: a falling line is "each successive 10× buys less". The line is
 * dashed over the decades that reach beyond the law's data.
 *
 * @example diminishingReturnsChart({ laws: [findPresetLaw('epoch')!], compute: [1e20, 1e26] })
 */
export function diminishingReturnsChart(input: ReturnsInput): ChartSpec {
  return diminishingReturnsChartWithNotes(input).chart;
}

/** The chart and the notes under it (how far each law's line reaches beyond its data), from one sweep. */
export function diminishingReturnsChartWithNotes(input: ReturnsInput): MarkedChart {
  requireLaws(input.laws);
  const series = decadeSeries(input);
  const plotted = keepLogPlottable(
    series.flatMap(({ rows }) => rows),
    ['compute', 'improvement'],
  );
  const x = logAxis(
    'compute',
    plotted.rows.map((row) => row.compute),
  );
  const y = logAxis(
    'improvement',
    plotted.rows.map((row) => row.improvement),
  );
  const encoding = { x: x.channel('compute'), y: y.channel('improvement'), ...lawColor(input.laws.length), ...fittedRangeDash() };
  const dashed = series.some(({ decades }) => decades > 0) ? " · dashed: beyond the law's data" : '';
  const chart: ChartSpec = {
    spec: layeredChart(
      'Each 10× of compute buys less',
      `${lawsSubtitle(input.laws)} · loss improvement from C to 10·C on the compute-optimal frontier${dashed}`,
      [lineLayer(plotted.rows, encoding, tooltipOf(['law', 'compute', 'loss', 'improvement', 'range']))],
    ),
    droppedPoints: plotted.dropped,
    fileName: chartFileName('diminishing-returns'),
  };
  const rangeNotes = series.flatMap(({ decades }, index) => rangeCaption(input.laws[index], decades, 'its line is dashed there'));
  return { chart, rangeNotes };
}
