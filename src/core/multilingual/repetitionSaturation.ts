import { requirePositive } from '../quantities';
import { decayedValue } from '../dataConstrained/repetitionDecay';
import { uniqueTokensSeen } from '../dataConstrained/effectiveTokens';

/**
 * ATLAS's repetition-aware data, the saturation function S_λ(D; U) of the ATLAS law (Longpre et al.
 * 2026, "ATLAS: Adaptive Transfer Scaling Laws for Multilingual Pretraining", ICLR 2026): D when
 * D ≤ U, else
 * U·[1 + (1 − e^(−λ(D/U − 1)))/λ]. It is Muennighoff et al. 2023's effective data
 * U + U·R*·(1 − e^(−R/R*)) with R = D/U − 1 repetitions and R* = 1/λ, so it reuses that formula:
 * each epoch beyond the first is worth e^(−λ) of the one before, and no amount of repetition is
 * worth more than U·(1 + 1/λ).
 *
 * @example saturatedTokens(20e9, 5e9, 0.5) // 5e9·[1 + (1 − e^(−1.5))/0.5] ≈ 1.277e10
 */
export function saturatedTokens(tokens: number, unique: number, lambda: number): number {
  requirePositive(lambda, 'λ');
  const seen = uniqueTokensSeen(tokens, unique);
  return decayedValue(seen.unique, seen.repetitions, 1 / lambda);
}
