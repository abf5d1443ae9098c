import { trainingCompute } from '../compute';
import { QuantityError } from '../quantities';

/**
 * Forward-pass FLOPs per parameter per generated or read token: C_forward ≈ 2·N (Kaplan et al.
 * 2020, Table 1), the inference cost Sardana et al. 2023 count as 2·N·D_inference (Sec. 2).
 */
export const INFERENCE_FLOP_PER_PARAM_TOKEN = 2;

/** A model trained for a target loss and then served: its size, its training data and the FLOPs of both. */
export interface ServingPlan {
  readonly params: number;
  readonly trainTokens: number;
  readonly tokensPerParam: number;
  /** 6·N·D_train. */
  readonly trainFlops: number;
  /** 2·N·D_inference. */
  readonly inferenceFlops: number;
  /** trainFlops + inferenceFlops: what Sardana et al. 2023 minimise. */
  readonly totalFlops: number;
}

/** A serving plan as charts and JSON show it: training tokens as `tokens`, and dollars (totalFlops × price) when priced. */
export type ServingPlanRow = Omit<ServingPlan, 'trainTokens'> & { readonly tokens: number; readonly cost?: number };

/**
 * The lifetime FLOPs of a model of `params` parameters trained on `trainTokens` tokens and then
 * serving `inferenceTokens` tokens: 6·N·D_train + 2·N·D_inference (Sardana et al. 2023, Sec. 2).
 *
 * @example servingPlan(7e9, 2e12, 1e13).totalFlops // 6·7e9·2e12 + 2·7e9·1e13 = 2.24e23
 */
export function servingPlan(params: number, trainTokens: number, inferenceTokens: number): ServingPlan {
  requireInferenceTokens(inferenceTokens);
  const trainFlops = trainingCompute(params, trainTokens);
  const inferenceFlops = INFERENCE_FLOP_PER_PARAM_TOKEN * params * inferenceTokens;
  return { params, trainTokens, tokensPerParam: trainTokens / params, trainFlops, inferenceFlops, totalFlops: trainFlops + inferenceFlops };
}

/** Throws unless `inferenceTokens` is a finite number of tokens, zero or more. */
export function requireInferenceTokens(inferenceTokens: number): number {
  if (!(Number.isFinite(inferenceTokens) && inferenceTokens >= 0)) {
    throw new QuantityError(`inference tokens must be a finite number, zero or more, got ${inferenceTokens}`);
  }
  return inferenceTokens;
}
