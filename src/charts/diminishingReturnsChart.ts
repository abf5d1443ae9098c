import { diminishingReturns } from '../core/diminishingReturns';
import { lawColor, logAxis, tooltipOf } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { chartFileName, layeredChart, lawsSubtitle, requireLaws, type ChartSpec, type ComputeSweepInput } from './chartSpec';
import { keepLogPlottable } from './plottable';

/**
 * The loss improvement each further 10× of compute buys along each law's compute-optimal frontier,
 * against the compute it starts from: a falling line is "each successive 10× buys less".
 *
 * @example diminishingReturnsChart({ laws: [findPresetLaw('epoch')!], compute: [1e20, 1e26] })
 */
export function diminishingReturnsChart(input: Omit<ComputeSweepInput, 'models' | 'points'>): ChartSpec {
  requireLaws(input.laws);
  const rows = input.laws.flatMap((law) =>
    diminishingReturns(law, input.compute[0], input.compute[1]).decades.map((decade) => ({
      law: law.name,
      compute: decade.compute,
      improvement: decade.improvement,
      loss: decade.loss,
    })),
  );
  const plotted = keepLogPlottable(rows, ['compute', 'improvement']);
  const x = logAxis(
    'compute',
    plotted.rows.map((row) => row.compute),
  );
  const y = logAxis(
    'improvement',
    plotted.rows.map((row) => row.improvement),
  );
  const encoding = { x: x.channel('compute'), y: y.channel('improvement'), ...lawColor(input.laws.length) };
  return {
    spec: layeredChart(
      'Each 10× of compute buys less',
      `${lawsSubtitle(input.laws)} · loss improvement from C to 10·C on the compute-optimal frontier`,
      [lineLayer(plotted.rows, encoding, tooltipOf(['law', 'compute', 'loss', 'improvement']))],
    ),
    droppedPoints: plotted.dropped,
    fileName: chartFileName('diminishing-returns'),
  };
}
