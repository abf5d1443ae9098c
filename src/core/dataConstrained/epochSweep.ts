import { FLOP_PER_PARAM_TOKEN } from '../laws/chinchillaLaw';
import type { ScalingLaw } from '../laws/scalingLaw';
import { requirePositive } from '../quantities';
import { estimateRepetition, type RepetitionEstimate } from './repetitionLoss';
import { MUENNIGHOFF_2023_DECAY, type RepetitionDecay } from './repetitionDecay';

/**
 * What stays fixed while the epochs grow: a compute budget (the model shrinks as N = C/(6D)) or a
 * model size (compute grows with the tokens).
 */
export type HeldFixed = { readonly compute: number } | { readonly params: number };

/**
 * The run at each epoch count over `uniqueTokens` (D = epochs·U_D) with `fixed` held, and what
 * repetition does to it.
 *
 * @example epochSweep(findPresetLaw('muennighoff2023')!, 500e9, { compute: 1e24 }, [1, 4, 16]).map((run) => run.loss)
 */
export function epochSweep(
  law: ScalingLaw,
  uniqueTokens: number,
  fixed: HeldFixed,
  epochCounts: readonly number[],
  decay: RepetitionDecay = MUENNIGHOFF_2023_DECAY,
): RepetitionEstimate[] {
  requirePositive(uniqueTokens, 'unique tokens');
  return epochCounts.map((epochCount) => {
    const tokens = requirePositive(epochCount, 'epochs') * uniqueTokens;
    // At fixed compute C = 6·N·D, so N = C/(6D).
    const params =
      'compute' in fixed
        ? requirePositive(fixed.compute, 'compute') / (FLOP_PER_PARAM_TOKEN * tokens)
        : requirePositive(fixed.params, 'parameters');
    return estimateRepetition(law, { params, tokens, uniqueTokens }, decay);
  });
}
