import { logSpace } from '../core/sweeps';
import { bestTournament, type TournamentRates } from '../core/testTime';
import { formatCount } from '../core/numberFormat';
import { logAxis, tooltipOf } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { chartFileName, DEFAULT_SWEEP_POINTS, layeredChart, type ChartSpec } from './chartSpec';
import { markerRule, roomySide, SERIES_COLOR } from './dualAxisChart';
import { keepLogPlottable } from './plottable';

export interface TournamentChartInput {
  readonly rates: TournamentRates;
  /** Call budgets swept, [fewest, most]. */
  readonly calls: readonly [fewest: number, most: number];
  /** A budget to mark, e.g. the one a statement asked about. */
  readonly marked?: number;
  readonly points?: number;
}

const BOUND_SERIES = 'P(wrong) ≤ the sum';
const GENERATION_SERIES = '(1 − p_gen)^N: no candidate correct';
const SELECTION_SERIES = '⌈log₂ N⌉·e^(−2K(p_comp − ½)²): a match lost';

/**
 * Chen et al. 2024's bound against the call budget, each budget spent on its best N and K
 * (bestTournament), with the bound's two terms: where one term dominates, more candidates or more
 * comparisons are what the next calls should buy. Log-log; terms that underflow to 0 are left out.
 *
 * @example tournamentChart({ rates: { generate: 0.3, compare: 0.7 }, calls: [1, 1e5], marked: 1000 })
 */
export function tournamentChart(input: TournamentChartInput): ChartSpec {
  const budgets = [...new Set(logSpace(input.calls[0], input.calls[1], input.points ?? DEFAULT_SWEEP_POINTS).map(Math.floor))];
  const bests = budgets.map((calls) => ({ calls, best: bestTournament(input.rates, calls) }));
  const rows = keepLogPlottable(
    bests.flatMap(({ calls, best }) => [
      { series: BOUND_SERIES, calls, failureBound: best.bound },
      { series: GENERATION_SERIES, calls, failureBound: best.generationTerm },
      { series: SELECTION_SERIES, calls, failureBound: best.selectionTerm },
    ]),
    ['failureBound'],
  );
  const x = logAxis('calls', budgets);
  const y = logAxis(
    'failureBound',
    rows.rows.map((row) => row.failureBound),
  );
  const { marked } = input;
  const inRange = marked !== undefined && marked >= input.calls[0] && marked <= input.calls[1];
  const overlays = !inRange
    ? []
    : [markerRule({ calls: marked, label: `${formatCount(marked!)} calls` }, x.channel('calls'), roomySide(marked!, ...input.calls))];
  return {
    spec: layeredChart(
      'Knockout tournament: the bound against the call budget',
      `p_gen = ${formatCount(input.rates.generate * 100)}%, p_comp = ${formatCount(input.rates.compare * 100)}% · each budget spent on its best N and K (Chen et al. 2024)`,
      [
        lineLayer(
          rows.rows,
          { x: x.channel('calls'), y: y.channel('failureBound'), ...SERIES_COLOR },
          tooltipOf(['calls', 'failureBound']),
        ),
        ...overlays,
      ],
    ),
    droppedPoints: rows.dropped,
    fileName: chartFileName('tournament', `${input.rates.generate}`, `${input.rates.compare}`),
  };
}
