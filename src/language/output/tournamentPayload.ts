import { formatSignificant, type TournamentBound, type TournamentRates } from '../../core';
import { tournamentChart } from '../../charts';
import { RESULT_PAYLOAD_VERSION, type ResultPayload } from './resultPayload';
import { formatPercent, formatWholeNumber } from '../../core/numberFormat';

/** One tournament size to show, with what it is ("as given", "best for 1,000 calls"). */
export interface TournamentRow {
  readonly label: string;
  readonly bound: TournamentBound;
}

/**
 * Budgets a call-budget chart sweeps past the one asked about: 10×, enough to show where the
 * bound is heading, and at most 10⁷ calls, so the 64 searches of about 2·√budget sizes each stay
 * well under a second.
 */
const CHART_BUDGET_FACTOR = 10;
const CHART_MAX_CALLS = 1e7;

/**
 * Chen et al. 2024's bound for each tournament size, term by term, with the calls it costs; given a
 * call budget, a chart of the bound against budgets from 1 call to 10× it.
 */
export function tournamentPayload(
  rates: TournamentRates,
  rows: readonly TournamentRow[],
  line: number,
  budget?: number,
): ResultPayload<'tournament'> {
  const vacuous = rows.filter((row) => row.bound.bound >= 1);
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'tournament',
    title: `Generate-then-knockout tournament: p_gen = ${formatPercent(rates.generate)}, p_comp = ${formatPercent(rates.compare)}`,
    line,
    tables: [
      {
        caption: 'P(final answer wrong) ≤ (1 − p_gen)^N + ⌈log₂ N⌉·e^(−2K(p_comp − ½)²)  (Chen et al. 2024)',
        columns: [
          'tournament',
          'N candidates',
          'K comparisons',
          'calls N·(K + 1)',
          '(1 − p_gen)^N',
          '⌈log₂ N⌉·e^(−2K(p_comp − ½)²)',
          'P(wrong) ≤',
          'P(right) ≥',
        ],
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
        rows: rows.map(({ label, bound }) => [
          label,
          formatWholeNumber(bound.candidates),
          formatWholeNumber(bound.comparisons),
          formatWholeNumber(bound.calls),
          formatSignificant(bound.generationTerm),
          formatSignificant(bound.selectionTerm),
          formatSignificant(bound.bound),
          bound.bound >= 1 ? '—' : formatPercent(1 - bound.bound),
        ]),
      },
    ],
    notes: [
      'N candidates are generated; a knockout tournament pairs them up and each match goes to the majority of K comparisons, so a correct candidate, if any, must win ⌈log₂ N⌉ matches. The first term is "no candidate is correct", the second Hoeffding\'s bound on losing a match, once per round.',
      'Calls: N generations and K comparisons for each of the N − 1 matches, N + K·(N − 1) in all; the paper states the round figure N·(K + 1).',
      ...vacuous.map(
        (row) =>
          `${row.label}: the bound is ${formatSignificant(row.bound.bound)} ≥ 1, so it promises nothing — more comparisons per match (K) shrink the second term.`,
      ),
    ],
    ...(budget !== undefined
      ? {
          chart: tournamentChart({
            rates,
            calls: [1, Math.max(2, Math.min(budget * CHART_BUDGET_FACTOR, CHART_MAX_CALLS))],
            marked: budget,
          }),
        }
      : {}),
    data: { rates, tournaments: rows.map(({ label, bound }) => ({ label, ...bound })) },
  };
}
