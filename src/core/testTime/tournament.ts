import { FractionRangeError, QuantityError } from '../quantities';
import { formatCount } from '../numberFormat';
import { requireWholeNumber } from './passAtK';

/** How good one LLM call is at each stage of a generate-then-knockout tournament. */
export interface TournamentRates {
  /** p_gen: the chance one generated candidate is correct. */
  readonly generate: number;
  /** p_comp: the chance one comparison of a correct and an incorrect candidate picks the correct one. */
  readonly compare: number;
}

/** N candidates, each pair in the knockout compared K times. */
export interface TournamentSize {
  readonly candidates: number;
  readonly comparisons: number;
}

/** Chen et al.'s bound on the tournament's failure for one size, term by term. */
export interface TournamentBound extends TournamentSize {
  /** N·(K + 1) LLM calls. */
  readonly calls: number;
  /** (1 − p_gen)^N: no candidate is correct. */
  readonly generationTerm: number;
  /** ⌈log₂ N⌉·e^(−2K(p_comp − ½)²): a correct candidate loses one of its ⌈log₂ N⌉ rounds. */
  readonly selectionTerm: number;
  /** P(final answer wrong) ≤ the sum; a sum of 1 or more says nothing. */
  readonly bound: number;
}

/** Throws unless p_gen is a probability above 0: with none, no number of candidates helps. */
export function requireGenerateRate(generate: number): number {
  if (!(generate > 0 && generate <= 1)) throw new FractionRangeError('generate (p_gen)', generate, 'above 0% and at most 100%');
  return generate;
}

/** Throws unless p_comp is above ½: the majority of K comparisons then favours the correct candidate. */
export function requireCompareRate(compare: number): number {
  if (!(compare > 0.5 && compare <= 1)) {
    throw new FractionRangeError(
      'compare (p_comp)',
      compare,
      'above 50% and at most 100% (the bound needs comparisons better than a coin flip)',
    );
  }
  return compare;
}

function requireRates({ generate, compare }: TournamentRates): void {
  requireGenerateRate(generate);
  requireCompareRate(compare);
}

/**
 * LLM calls of the tournament: N generations plus K comparisons per match, as Chen et al. 2024
 * count them, N·(K + 1) (a knockout over N candidates plays N − 1 matches, so N + K·(N − 1) calls
 * are made; N·(K + 1) bounds it and is the figure the paper states).
 *
 * @example tournamentCalls({ candidates: 16, comparisons: 50 }) // 816
 */
export function tournamentCalls(size: TournamentSize): number {
  return size.candidates * (size.comparisons + 1);
}

/**
 * Chen et al. 2024 ("A Simple and Provable Scaling Law for the Test-Time Compute of Large
 * Language Models", arXiv:2411.19477, main theorem as stated in the abstract): generate N
 * candidates, run a knockout tournament comparing each pair K times with the majority going on,
 * and P(final answer wrong) ≤ (1 − p_gen)^N + ⌈log₂ N⌉·e^(−2K(p_comp − ½)²), for p_comp > ½. The
 * second term is Hoeffding's bound on a K-comparison majority going wrong, once per round.
 *
 * @example tournamentBound({ generate: 0.3, compare: 0.7 }, { candidates: 16, comparisons: 50 }).bound // 0.7^16 + 4·e^(−4) ≈ 0.0766
 */
export function tournamentBound(rates: TournamentRates, size: TournamentSize): TournamentBound {
  requireRates(rates);
  const candidates = requireWholeNumber(size.candidates, 'candidates (N)', 1);
  const comparisons = requireWholeNumber(size.comparisons, 'comparisons (K)', 0);
  const generationTerm = (1 - rates.generate) ** candidates;
  const rounds = Math.ceil(Math.log2(candidates));
  const selectionTerm = rounds * Math.exp(-2 * comparisons * (rates.compare - 0.5) ** 2);
  return {
    candidates,
    comparisons,
    calls: tournamentCalls({ candidates, comparisons }),
    generationTerm,
    selectionTerm,
    bound: generationTerm + selectionTerm,
  };
}

/** The largest call budget searched (the search tries about 2·√budget sizes): far past any per-problem budget. */
export const MAX_TOURNAMENT_CALLS = 1e9;

/**
 * The N and K with the lowest bound among those with N·(K + 1) ≤ `calls` (ties go to fewer calls).
 * For a given N the bound falls with K, so K = ⌊calls/N⌋ − 1 (0 for one candidate, which needs no
 * comparison). An N that is neither a power of two nor the largest N with its K is beaten by N + 1,
 * which has the same K and the same ⌈log₂ N⌉ and a smaller (1 − p_gen)^N; so only powers of two and
 * the ⌊calls/m⌋ are tried.
 *
 * @example bestTournament({ generate: 0.5, compare: 1 }, 4) // N = 1, K = 0: bound 0.5 beats N = 2, K = 1 (0.25 + e^(−0.5) ≈ 0.857)
 */
export function bestTournament(rates: TournamentRates, calls: number): TournamentBound {
  requireRates(rates);
  requireWholeNumber(calls, 'calls', 1);
  if (calls > MAX_TOURNAMENT_CALLS)
    throw new QuantityError(`calls must be at most ${formatCount(MAX_TOURNAMENT_CALLS)}, got ${formatCount(calls)}`);
  const sizes = new Set<number>();
  for (let power = 1; power <= calls; power *= 2) sizes.add(power);
  for (let divisor = 1; divisor <= calls; divisor = Math.floor(calls / Math.floor(calls / divisor)) + 1)
    sizes.add(Math.floor(calls / divisor));
  let best: TournamentBound | undefined;
  for (const candidates of sizes) {
    const comparisons = candidates === 1 ? 0 : Math.floor(calls / candidates) - 1;
    const bound = tournamentBound(rates, { candidates, comparisons });
    if (!best || bound.bound < best.bound || (bound.bound === best.bound && bound.calls < best.calls)) best = bound;
  }
  return best!;
}
