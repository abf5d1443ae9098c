import { computeOptimalAllocation, type Allocation } from '../allocation';
import type { ScalingLaw } from '../laws/scalingLaw';
import { extrapolationNotes } from '../laws/validity';
import { lossTarget, modelForDataShare, type LossTarget } from './lossTarget';
import { requireInferenceTokens, servingPlan, type ServingPlan } from './servingPlan';

/** The model with the least lifetime FLOPs for a loss and an inference demand, beside the Chinchilla-optimal one. */
export interface InferenceAwareOptimum extends ServingPlan {
  readonly targetLoss: number;
  readonly inferenceTokens: number;
  /** The compute-optimal model of the same loss (Hoffmann et al. 2022), serving the same tokens. */
  readonly chinchilla: ServingPlan;
  /** 1 − totalFlops ÷ chinchilla.totalFlops: the share of lifetime FLOPs the smaller model saves. */
  readonly savingFraction: number;
  /**
   * Sentences saying how far the inference-aware model (its N, D_train, training FLOP and D/N) lies
   * outside the runs the law was fitted on; empty inside.
   */
  readonly extrapolation: readonly string[];
}

/** Bisection steps on log s: the bracket shrinks to a relative width far below double precision. */
const BISECTION_STEPS = 200;

/**
 * Relative gap below which two FLOP counts differ only by round-off: going from a loss back to N and D
 * loses a few units in the last place (5e-16 relative for 1e24 FLOP under epoch), far below this.
 */
const ROUND_OFF = 1e-9;

/**
 * The model that reaches `targetLoss` with the least training plus inference FLOPs,
 * 6·N·D_train + 2·N·D_inference subject to L(N, D_train) = targetLoss (Sardana et al. 2023,
 * "Beyond Chinchilla-Optimal", Sec. 2), for a Chinchilla-form law.
 *
 * Written with s, the share of the reducible loss L − E left to the data term B/D^β (see
 * modelForDataShare), the derivative of the total along the loss constraint vanishes where
 * 3·D(s)·(α(1 − s) − βs) = β·s·D_inference. The left side falls from +∞ as s grows from 0 and
 * reaches 0 at s = α/(α+β), the Chinchilla optimum (αA/N^α = βB/D^β, Hoffmann et al. 2022, Eq. 4);
 * the right side grows from 0: exactly one root, found by bisection on log s. With no inference
 * it is the Chinchilla optimum; with more, a smaller model trained on more tokens.
 *
 * @example inferenceAwareOptimum(findPresetLaw('epoch')!, 1.95, 2e12).params // below the Chinchilla-optimal chinchilla.params
 */
export function inferenceAwareOptimum(law: ScalingLaw, targetLoss: number, inferenceTokens: number): InferenceAwareOptimum {
  const target = lossTarget(law, targetLoss);
  requireInferenceTokens(inferenceTokens);
  const { alpha, beta } = target.constants;
  const chinchillaShare = alpha / (alpha + beta);
  const excess = (dataShare: number) => {
    const { tokens } = modelForDataShare(target, dataShare);
    return 3 * tokens * (alpha * (1 - dataShare) - beta * dataShare) - beta * dataShare * inferenceTokens;
  };
  // The root lies below the Chinchilla share, where the excess is ≤ 0; halve until it is > 0
  // (it must be: D(s) → ∞ as s → 0, and at s = 0 itself D is infinite).
  let high = chinchillaShare;
  let low = chinchillaShare / 2;
  while (!(excess(low) > 0)) {
    high = low;
    low /= 2;
  }
  for (let step = 0; step < BISECTION_STEPS && high / low - 1 > Number.EPSILON; step++) {
    const middle = Math.sqrt(low * high);
    if (excess(middle) > 0) low = middle;
    else high = middle;
  }
  const optimum = planForShare(target, Math.sqrt(low * high), inferenceTokens);
  const chinchilla = planForShare(target, chinchillaShare, inferenceTokens);
  const extrapolation = extrapolationNotes(law.id, law.validity, {
    params: optimum.params,
    tokens: optimum.trainTokens,
    compute: optimum.trainFlops,
    tokensPerParam: optimum.tokensPerParam,
  });
  return {
    ...optimum,
    targetLoss,
    inferenceTokens,
    chinchilla,
    savingFraction: 1 - optimum.totalFlops / chinchilla.totalFlops,
    extrapolation,
  };
}

function planForShare(target: LossTarget, dataShare: number, inferenceTokens: number): ServingPlan {
  const { params, tokens } = modelForDataShare(target, dataShare);
  return servingPlan(params, tokens, inferenceTokens);
}

/**
 * The inference-aware model for a compute budget: the target loss is the one the budget's
 * compute-optimal model reaches, and the answer is the model reaching that same loss with the
 * least training plus inference FLOPs. Its training costs more than the budget; serving it costs less.
 *
 * @example inferenceAwareForCompute(findPresetLaw('epoch')!, 1e24, 1e13).budget.loss // the target loss
 */
export function inferenceAwareForCompute(
  law: ScalingLaw,
  compute: number,
  inferenceTokens: number,
): InferenceAwareOptimum & { readonly budget: Allocation } {
  const budget = computeOptimalAllocation(law, compute);
  const optimum = inferenceAwareOptimum(law, budget.loss, inferenceTokens);
  const chinchilla = withBudgetFlops(optimum.chinchilla, compute);
  return { ...optimum, chinchilla, savingFraction: 1 - optimum.totalFlops / chinchilla.totalFlops, budget };
}

/**
 * The Chinchilla model for the budget's loss is the budget's own compute-optimal model, so it trains on
 * the budget itself: 1e24, not the 1.0000000000000005e24 that 6·N·D gives once N and D have gone through
 * the loss and back. Only round-off is replaced: a law whose stated optimum differs keeps its own 6·N·D.
 */
function withBudgetFlops(plan: ServingPlan, compute: number): ServingPlan {
  if (Math.abs(plan.trainFlops / compute - 1) > ROUND_OFF) return plan;
  return { ...plan, trainFlops: compute, totalFlops: compute + plan.inferenceFlops };
}
