import { requirePositive } from '../quantities';
import { decayedValue, MUENNIGHOFF_2023_DECAY, type RepetitionDecay } from './repetitionDecay';

/**
 * Passes over the unique data: D / U_D. Below 1 the run sees only part of its unique data.
 *
 * @example epochs(2e12, 500e9) // 4
 */
export function epochs(tokens: number, uniqueTokens: number): number {
  return requirePositive(tokens, 'tokens') / requirePositive(uniqueTokens, 'unique tokens');
}

/**
 * The unique tokens a run of `tokens` actually sees (all of them once it runs a full epoch) and how
 * many times it repeats them: R_D = D/U_D − 1, never below zero (Muennighoff et al. 2023, Sec. 3).
 *
 * @example uniqueTokensSeen(2e12, 500e9) // { unique: 5e11, repetitions: 3 }
 */
export function uniqueTokensSeen(tokens: number, uniqueTokens: number): { unique: number; repetitions: number } {
  const unique = Math.min(requirePositive(uniqueTokens, 'unique tokens'), requirePositive(tokens, 'tokens'));
  return { unique, repetitions: tokens / unique - 1 };
}

/**
 * Effective data D′ = U_D + U_D·R_D*·(1 − e^(−R_D/R_D*)): the fresh tokens that `tokens` drawn from
 * `uniqueTokens` unique ones are worth (Muennighoff et al. 2023, Sec. 3).
 *
 * @example effectiveTokens(2e12, 500e9) // ≈ 1.863e12: 4 epochs of 500B are worth 93% of 2T fresh tokens
 */
export function effectiveTokens(tokens: number, uniqueTokens: number, decay: RepetitionDecay = MUENNIGHOFF_2023_DECAY): number {
  const seen = uniqueTokensSeen(tokens, uniqueTokens);
  return decayedValue(seen.unique, seen.repetitions, decay.repeatedTokens);
}

/**
 * "Training with up to 4 epochs of repeated data yields negligible changes to loss compared to
 * having unique data" (Muennighoff et al. 2023, abstract): under the fit a token of the 4th epoch is
 * still worth e^(−3/15.39) ≈ 82% of a fresh one.
 */
export const NEGLIGIBLE_LOSS_EPOCHS = 4;

/**
 * Where this tool says repeating has stopped paying: a repeated token worth less than a tenth of a
 * fresh one. A convention, not a value from the paper; with R_D* = 15.39 it falls at ≈ 36 epochs.
 */
export const EXHAUSTED_TOKEN_WORTH = 0.1;

/**
 * What the last token of a run is worth against a fresh one: dD′/dD = e^(−R_D/R_D*), from
 * differentiating D′ (Muennighoff et al. 2023, Sec. 3). 1 within the first epoch.
 *
 * @example repeatedTokenWorth(4) // e^(−3/15.387756) ≈ 0.823
 */
export function repeatedTokenWorth(epochCount: number, decay: RepetitionDecay = MUENNIGHOFF_2023_DECAY): number {
  return Math.exp(-Math.max(0, epochCount - 1) / decay.repeatedTokens);
}

/**
 * The epoch count at which a repeated token is worth only `worth` of a fresh one: the inverse of
 * {@link repeatedTokenWorth}, 1 + R_D*·ln(1/worth).
 *
 * @example epochsUntilWorth(0.1) // 1 + 15.387756 × ln 10 ≈ 36.4
 */
export function epochsUntilWorth(worth: number, decay: RepetitionDecay = MUENNIGHOFF_2023_DECAY): number {
  return 1 + decay.repeatedTokens * Math.log(1 / worth);
}
