import type { ScalingLaw } from '../laws/scalingLaw';
import { logSpace } from '../sweeps';
import type { InferenceAwareOptimum } from './inferenceAwareOptimum';
import { dataTermLeft, lossTarget, smallestParamsForLoss, trainTokensForLoss } from './lossTarget';
import { servingPlan, type ServingPlan } from './servingPlan';

/** How far past the Chinchilla-optimal size the default sweep runs: the total keeps rising there. */
const BEYOND_CHINCHILLA = 3;

/**
 * Model sizes that show the whole valley of lifetime FLOPs: from halfway (in log N) between the
 * smallest model that can reach the loss and the inference-aware optimum, where the wall of
 * training tokens rises, to 3× the Chinchilla-optimal size.
 *
 * @example servingCostRange(findPresetLaw('epoch')!, inferenceAwareOptimum(findPresetLaw('epoch')!, 1.95, 2e12))
 */
export function servingCostRange(law: ScalingLaw, optimum: InferenceAwareOptimum): readonly [number, number] {
  const smallest = smallestParamsForLoss(lossTarget(law, optimum.targetLoss));
  return [Math.sqrt(smallest * optimum.params), BEYOND_CHINCHILLA * optimum.chinchilla.params];
}

/**
 * Lifetime FLOPs against model size at a fixed loss and inference demand: for each of `points`
 * sizes log-spaced over `params`, the training tokens that reach `targetLoss` and the FLOPs of
 * training and serving. Sizes too small to ever reach the loss give NaN rows (a chart drops them).
 *
 * @example servingCostCurve(findPresetLaw('epoch')!, 1.95, 2e12, [2e10, 3e11], 5).map((plan) => plan.totalFlops)
 */
export function servingCostCurve(
  law: ScalingLaw,
  targetLoss: number,
  inferenceTokens: number,
  params: readonly [number, number],
  points: number,
): ServingPlan[] {
  const target = lossTarget(law, targetLoss);
  return logSpace(params[0], params[1], points).map((size) =>
    dataTermLeft(target, size) > 0 ? servingPlan(size, trainTokensForLoss(target, size), inferenceTokens) : unreachable(size),
  );
}

function unreachable(params: number): ServingPlan {
  return {
    params,
    trainTokens: Number.NaN,
    tokensPerParam: Number.NaN,
    trainFlops: Number.NaN,
    inferenceFlops: Number.NaN,
    totalFlops: Number.NaN,
  };
}
