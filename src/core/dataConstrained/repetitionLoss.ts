import type { ScalingLaw } from '../laws/scalingLaw';
import { effectiveParams } from './effectiveParams';
import { epochs, effectiveTokens, uniqueTokensSeen } from './effectiveTokens';
import { MUENNIGHOFF_2023_DECAY, type RepetitionDecay } from './repetitionDecay';

/** A training run drawn from a limited pool of unique tokens. */
export interface RepeatedRun {
  /** Parameters used per token (the active ones of a mixture-of-experts model). */
  readonly params: number;
  /** Training tokens D, repeats included. */
  readonly tokens: number;
  /** Unique tokens U_D available. */
  readonly uniqueTokens: number;
}

/** What repetition does to one run under one law. */
export interface RepetitionEstimate extends RepeatedRun {
  /** D / U_D. */
  readonly epochs: number;
  /** D′: the fresh tokens the run's data is worth. */
  readonly effectiveTokens: number;
  /** U_N: the compute-optimal size for the unique tokens seen, or N if smaller. */
  readonly uniqueParams: number;
  /** N′: the parameters the law counts. */
  readonly effectiveParams: number;
  /** L(N′, D′): the predicted loss with repeats. */
  readonly loss: number;
  /** The same run with every one of its D tokens unique. */
  readonly freshLoss: number;
  /** loss − freshLoss: the loss lost to repetition (≥ 0). */
  readonly repetitionLoss: number;
}

/**
 * The loss of N′ and D′ under `law` (Muennighoff et al. 2023, Sec. 3: L = E + A/N′^α + B/D′^β for a
 * Chinchilla-form law), for a run whose tokens are drawn from `uniqueTokens`.
 *
 * @example dataConstrainedLoss(findPresetLaw('muennighoff2023')!, { params: 6.34e9, tokens: 242e9, uniqueTokens: 25e9 }) // ≈ 2.2256
 */
export function dataConstrainedLoss(law: ScalingLaw, run: RepeatedRun, decay: RepetitionDecay = MUENNIGHOFF_2023_DECAY): number {
  return effectiveRun(law, run, decay).loss;
}

/**
 * Epochs, effective data and parameters, and the loss with repeats against the same run on fresh
 * data: the loss lost to repetition is L(N, D drawn from U_D) − L(N, D all unique).
 *
 * @example estimateRepetition(findPresetLaw('muennighoff2023')!, { params: 8e9, tokens: 2e12, uniqueTokens: 500e9 }).repetitionLoss // ≈ 0.0017
 */
export function estimateRepetition(law: ScalingLaw, run: RepeatedRun, decay: RepetitionDecay = MUENNIGHOFF_2023_DECAY): RepetitionEstimate {
  const repeated = effectiveRun(law, run, decay);
  const freshLoss = effectiveRun(law, { ...run, uniqueTokens: run.tokens }, decay).loss;
  return {
    params: run.params,
    tokens: run.tokens,
    uniqueTokens: run.uniqueTokens,
    epochs: epochs(run.tokens, run.uniqueTokens),
    effectiveTokens: repeated.effectiveTokens,
    uniqueParams: repeated.uniqueParams,
    effectiveParams: repeated.effectiveParams,
    loss: repeated.loss,
    freshLoss,
    repetitionLoss: repeated.loss - freshLoss,
  };
}

/** N′, D′ and their loss: U_N depends on the unique tokens the run actually sees. */
function effectiveRun(law: ScalingLaw, run: RepeatedRun, decay: RepetitionDecay) {
  const params = effectiveParams(law, run.params, uniqueTokensSeen(run.tokens, run.uniqueTokens).unique, decay);
  const tokens = effectiveTokens(run.tokens, run.uniqueTokens, decay);
  return { ...params, effectiveTokens: tokens, loss: law.loss(params.effectiveParams, tokens) };
}
