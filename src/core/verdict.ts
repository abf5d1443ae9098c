import { computeForLossWithin, computeOptimalAllocation, type Allocation } from './allocation';
import { trainingCompute, type Architecture } from './compute';
import { QuantityError, requirePositive } from './quantities';
import { formatSignificant } from './numberFormat';
import type { ScalingLaw } from './laws/scalingLaw';

/** A trained (or planned) model: total and active parameters and training tokens. */
export interface ModelSize {
  readonly params: number;
  /** Parameters used per token (mixture-of-experts); defaults to `params`. */
  readonly activeParams?: number;
  readonly tokens: number;
  readonly architecture?: Architecture;
}

export type VerdictLabel = 'undertrained' | 'near compute-optimal' | 'overtrained';

/**
 * A model is "near compute-optimal" while its tokens per parameter stay within this factor of the
 * law's optimum at the same compute. A factor of 3 in D/N is a factor of √3 ≈ 1.7 in N at fixed
 * compute, where Hoffmann et al. 2022's isoFLOP valleys (Fig. 3) are flat: such a model needs only a
 * few percent more compute than the optimum for its loss (see computeEfficiency).
 */
export const NEAR_OPTIMAL_FACTOR = 3;

/** Everything the tool says about one model under one law. */
export interface Verdict {
  readonly params: number;
  readonly activeParams: number;
  readonly tokens: number;
  readonly compute: number;
  /** D over active N: what compute-optimality is about. */
  readonly tokensPerParam: number;
  readonly loss: number;
  /** The compute-optimal model at the same compute. */
  readonly optimal: Allocation;
  /** tokensPerParam ÷ optimal.tokensPerParam. */
  readonly ratioToOptimal: number;
  /** loss − optimal.loss (≥ 0 when the law's optimum is a true minimum). */
  readonly lossGap: number;
  /**
   * Compute a compute-optimal model needs to reach this model's loss ÷ this model's compute; 1 is
   * optimal, 0.5 means half the compute was wasted. Above 1 when the law's published frontier is not
   * the minimum of its own loss formula (Kaplan et al. 2020).
   */
  readonly computeEfficiency: number;
  readonly label: VerdictLabel;
  /** One sentence: why the label, in the law's terms. */
  readonly explanation: string;
  readonly law: string;
}

/** Over-training is often chosen on purpose: a smaller model is cheaper to serve (Sardana et al. 2023). */
export const OVERTRAINED_NOTE =
  'Over-training is often deliberate: a smaller model trained longer costs less to serve (Sardana et al. 2023).';

/**
 * Judges a model against the compute-optimal model of the same training compute under `law`.
 *
 * @example assessModel(findPresetLaw('epoch')!, { params: 280e9, tokens: 300e9 }).label // 'undertrained'
 */
export function assessModel(law: ScalingLaw, model: ModelSize): Verdict {
  const params = requirePositive(model.params, 'parameters');
  const activeParams = requirePositive(model.activeParams ?? params, 'active parameters');
  const tokens = requirePositive(model.tokens, 'tokens');
  if (activeParams > params) {
    throw new QuantityError(`active parameters (${activeParams}) cannot exceed total parameters (${params})`);
  }
  const compute = trainingCompute(activeParams, tokens, model.architecture);
  const optimal = computeOptimalAllocation(law, compute);
  const loss = law.loss(activeParams, tokens);
  const tokensPerParam = tokens / activeParams;
  const ratioToOptimal = tokensPerParam / optimal.tokensPerParam;
  const label = labelFor(ratioToOptimal);
  return {
    params,
    activeParams,
    tokens,
    compute,
    tokensPerParam,
    loss,
    optimal,
    ratioToOptimal,
    lossGap: loss - optimal.loss,
    computeEfficiency: loss > law.irreducibleLoss ? computeForLossWithin(law, loss) / compute : 1,
    label,
    explanation: explain(label, ratioToOptimal, optimal),
    law: law.id,
  };
}

function labelFor(ratioToOptimal: number): VerdictLabel {
  if (ratioToOptimal < 1 / NEAR_OPTIMAL_FACTOR) return 'undertrained';
  if (ratioToOptimal > NEAR_OPTIMAL_FACTOR) return 'overtrained';
  return 'near compute-optimal';
}

function explain(label: VerdictLabel, ratio: number, optimal: Allocation): string {
  const optimum = `${formatSignificant(optimal.tokensPerParam)} tokens/parameter`;
  if (label === 'undertrained') {
    return `${(1 / ratio).toFixed(1)}× fewer tokens per parameter than the optimum (${optimum}): a smaller model trained on more data would reach a lower loss with the same compute.`;
  }
  if (label === 'overtrained') {
    return `${ratio.toFixed(1)}× more tokens per parameter than the optimum (${optimum}). ${OVERTRAINED_NOTE}`;
  }
  return `within ${NEAR_OPTIMAL_FACTOR}× of the optimum (${optimum}).`;
}
