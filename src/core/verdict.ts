import { computeOptimalAllocation, frontierComputeBelow, type Allocation } from './allocation';
import { trainingCompute, type Architecture } from './compute';
import { QuantityError, requirePositive } from './quantities';
import { formatRatio, formatSignificant } from './numberFormat';
import { FLOP_PER_PARAM_TOKEN } from './laws/chinchillaLaw';
import type { ScalingLaw } from './laws/scalingLaw';
import { extrapolationNotes } from './laws/validity';

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
 * compute, on the flat floor of Hoffmann et al. 2022's isoFLOP valleys (Fig. 3); at the band's edges
 * a model still needs about 10% more compute than the optimum for its loss (efficiency ≈ 0.90 under
 * Epoch's refit; {@link bandEdgeEfficiencies} gives the figures under any law).
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
   * optimal, 0.5 means half the compute was wasted. At most 1 under every preset (Kaplan et al. 2020's
   * runs are placed on its frontier by App. B.4, see kaplanLaw.ts).
   */
  readonly computeEfficiency: number;
  readonly label: VerdictLabel;
  /** One sentence: why the label, in the law's terms. */
  readonly explanation: string;
  readonly law: string;
  /** How far the model lies outside the runs the law was fitted on, in sentences; empty inside. */
  readonly extrapolation: readonly string[];
  /** What the law cannot say about this model: mixture-of-experts, non-embedding parameter counts. */
  readonly warnings: readonly string[];
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
  const warnings = [
    ...(activeParams < params ? [mixtureOfExpertsWarning(params, activeParams)] : []),
    ...(law.countsNonEmbeddingParams ? [NON_EMBEDDING_WARNING] : []),
  ];
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
    computeEfficiency: computeEfficiency(law, loss, compute),
    label,
    explanation: `${activeParams < params ? 'Dense-equivalent assumption: ' : ''}${explain(label, ratioToOptimal, optimal)}`,
    law: law.id,
    extrapolation: extrapolationNotes(law.id, law.validity, { params: activeParams, tokens, compute, tokensPerParam }),
    warnings,
  };
}

/**
 * No dense law covers mixture-of-experts models, and no MoE law is implemented here (Clark et al.
 * 2022, Krajewski et al. 2024 and Ludziejewski et al. 2025 fit their own, differently parameterised
 * forms): the loss and verdict of an MoE model are those of a dense model of its active size.
 */
export function mixtureOfExpertsWarning(params: number, activeParams: number): string {
  return (
    `mixture-of-experts (${formatSignificant(params / 1e9)}B total, ${formatSignificant(activeParams / 1e9)}B active): ` +
    'the loss and verdict treat it as a dense model of its active parameters, ' +
    'a dense-equivalent assumption no paper supports (routed models scale differently, Clark et al. 2022); compute 6·N_active·D stands.'
  );
}

/** Kaplan et al. 2020 fit non-embedding parameters (Sec. 2.1); a model's published size counts all of them. */
export const NON_EMBEDDING_WARNING =
  "Kaplan et al. 2020's N counts non-embedding parameters (Sec. 2.1); a published or catalog size counts the embeddings too " +
  "(GPT-3's 50,257 × 12,288 ≈ 0.62B of 175B), which reads slightly large for big models and much too large for small ones.";

/**
 * Compute efficiency at the edges of the near-optimal band under `law`: a model with 1/3 and with 3×
 * the optimal tokens per parameter at the same compute.
 *
 * @example bandEdgeEfficiencies(findPresetLaw('epoch')!, 5.76e23) // { fewerTokens: ≈0.90, moreTokens: ≈0.90 }
 */
export function bandEdgeEfficiencies(law: ScalingLaw, compute: number): { fewerTokens: number; moreTokens: number } {
  const optimal = computeOptimalAllocation(law, compute);
  const atRatio = (factor: number) => {
    const params = Math.sqrt(compute / (FLOP_PER_PARAM_TOKEN * optimal.tokensPerParam * factor));
    return computeEfficiency(law, law.loss(params, compute / (FLOP_PER_PARAM_TOKEN * params)), compute);
  };
  return { fewerTokens: atRatio(1 / NEAR_OPTIMAL_FACTOR), moreTokens: atRatio(NEAR_OPTIMAL_FACTOR) };
}

/**
 * The compute a compute-optimal model needs to reach `loss` ÷ `compute`, the compute of a model with
 * that loss: within [0, 1] at every magnitude (see frontierComputeBelow).
 */
function computeEfficiency(law: ScalingLaw, loss: number, compute: number): number {
  return loss > law.irreducibleLoss ? frontierComputeBelow(law, loss, compute) / compute : 1;
}

function labelFor(ratioToOptimal: number): VerdictLabel {
  if (ratioToOptimal < 1 / NEAR_OPTIMAL_FACTOR) return 'undertrained';
  if (ratioToOptimal > NEAR_OPTIMAL_FACTOR) return 'overtrained';
  return 'near compute-optimal';
}

function explain(label: VerdictLabel, ratio: number, optimal: Allocation): string {
  const optimum = `${formatRatio(optimal.tokensPerParam)} tokens/parameter`;
  if (label === 'undertrained') {
    return `${(1 / ratio).toFixed(1)}× fewer tokens per parameter than the optimum (${optimum}): a smaller model trained on more data would reach a lower loss with the same compute.`;
  }
  if (label === 'overtrained') {
    return `${ratio.toFixed(1)}× more tokens per parameter than the optimum (${optimum}). ${OVERTRAINED_NOTE}`;
  }
  return `within ${NEAR_OPTIMAL_FACTOR}× of the optimum (${optimum}).`;
}
