import { requirePositive } from '../quantities';

/**
 * How fast repeated tokens and excess parameters lose their value, as the "repetitions" R* at which
 * the value still to be gained has shrunk by a factor e (Muennighoff et al. 2023, Sec. 3).
 */
export interface RepetitionDecay {
  /** R_D*: repetitions of the unique data over which a repeated token's worth decays by e. */
  readonly repeatedTokens: number;
  /** R_N*: the same for parameters beyond the compute-optimal size for the unique data. */
  readonly excessParams: number;
}

/**
 * R_D* = 15.387756 and R_N* = 5.309743, fitted jointly with the `muennighoff2023` base law and
 * released with the paper (Muennighoff et al. 2023; huggingface/datablations README, "Parametric
 * Fit"). Excess parameters lose their value about three times faster than repeated data.
 */
export const MUENNIGHOFF_2023_DECAY: RepetitionDecay = { repeatedTokens: 15.387756, excessParams: 5.309743 };

/**
 * What `unique` things repeated `repetitions` more times are worth in fresh ones:
 * U + U·R*·(1 − e^(−R/R*)) (Muennighoff et al. 2023, Sec. 3, the form of both D′ and N′). It starts
 * at U, grows by almost one per repetition while R ≪ R*, and never exceeds U·(1 + R*).
 *
 * @example decayedValue(500e9, 3, 15.387756) // ≈ 1.863e12: 3 repeats of 500B are worth 1.36T fresh tokens
 */
export function decayedValue(unique: number, repetitions: number, decayConstant: number): number {
  requirePositive(unique, 'unique count');
  requirePositive(decayConstant, 'decay constant');
  return unique + unique * decayConstant * (1 - Math.exp(-Math.max(0, repetitions) / decayConstant));
}
