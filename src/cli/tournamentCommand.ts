import { bestTournament, parseCount, parseSignedCount, requireCompareRate, requireGenerateRate, tournamentBound } from '../core';
import { formatWholeNumber } from '../core/numberFormat';
import { tournamentPayload, type TournamentRow } from '../language/output/tournamentPayload';
import { UsageError, parseArgs, readOption, requireOption } from './cliArgs';
import type { CliIo } from './cliIo';
import { parseCheckedFraction } from './cliNumbers';
import { printPayload, refusePositionals } from './payloadOutput';

export const TOURNAMENT_USAGE = 'tournament --generate 30% --compare 70% (--candidates 16 --comparisons 50 | --calls 1000) [--json]';

/** `tournament`: Chen et al. 2024's bound on a generate-then-knockout tournament, given or best within a call budget. */
export function runTournament(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['generate', 'compare', 'candidates', 'comparisons', 'calls'], ['json']);
  refusePositionals(args, TOURNAMENT_USAGE);
  const rates = {
    generate: requireOption(args, 'generate', (text) => parseCheckedFraction(text, 'generate', requireGenerateRate), 'p_gen, a fraction like 30%'),
    compare: requireOption(args, 'compare', (text) => parseCheckedFraction(text, 'compare', requireCompareRate), 'p_comp, a fraction above 50% like 70%'),
  };
  const candidates = readOption(args, 'candidates', (text) => parseCount(text, 'candidates'));
  const comparisons = readOption(args, 'comparisons', (text) => parseSignedCount(text, 'comparisons'));
  const calls = readOption(args, 'calls', (text) => parseCount(text, 'calls'));
  if ((candidates === undefined) !== (comparisons === undefined)) throw new UsageError('give --candidates and --comparisons together');
  if (candidates === undefined && calls === undefined) throw new UsageError(`missing --candidates/--comparisons or --calls: expected ${TOURNAMENT_USAGE}`);
  const rows: TournamentRow[] = [];
  if (candidates !== undefined) rows.push({ label: 'as given', bound: readOption(args, 'candidates', () => tournamentBound(rates, { candidates, comparisons: comparisons! }))! });
  if (calls !== undefined) rows.push({ label: `best within ${formatWholeNumber(calls)} calls`, bound: readOption(args, 'calls', () => bestTournament(rates, calls))! });
  return printPayload(io, args, tournamentPayload(rates, rows, 1, calls));
}
