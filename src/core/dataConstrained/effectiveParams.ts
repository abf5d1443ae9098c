import { optimalForTokens } from '../allocation';
import type { ScalingLaw } from '../laws/scalingLaw';
import { requirePositive } from '../quantities';
import { decayedValue, MUENNIGHOFF_2023_DECAY, type RepetitionDecay } from './repetitionDecay';

/** A model's parameters as a data-constrained law counts them. */
export interface EffectiveParams {
  /** U_N = min(N, the compute-optimal N for the unique tokens seen). */
  readonly uniqueParams: number;
  /** R_N = N/U_N − 1: how far the model exceeds that size. */
  readonly excessRepetitions: number;
  /** N′ = U_N + U_N·R_N*·(1 − e^(−R_N/R_N*)). */
  readonly effectiveParams: number;
}

/**
 * Effective parameters N′ (Muennighoff et al. 2023, Sec. 3): parameters beyond U_N, the size that is
 * compute-optimal under `law` for `uniqueTokensSeen` tokens, are worth less and less, like repeated
 * data. U_N comes from inverting the law's own allocation D → N ({@link optimalForTokens}).
 *
 * @example effectiveParams(findPresetLaw('muennighoff2023')!, 8e9, 500e9).effectiveParams // 8e9: below U_N ≈ 25.5B
 */
export function effectiveParams(
  law: ScalingLaw,
  params: number,
  uniqueTokensSeen: number,
  decay: RepetitionDecay = MUENNIGHOFF_2023_DECAY,
): EffectiveParams {
  requirePositive(params, 'parameters');
  const uniqueParams = Math.min(params, optimalForTokens(law, uniqueTokensSeen).params);
  const excessRepetitions = params / uniqueParams - 1;
  return { uniqueParams, excessRepetitions, effectiveParams: decayedValue(uniqueParams, excessRepetitions, decay.excessParams) };
}
