import * as assert from 'node:assert/strict';
import {
  findPresetLaw,
  inferenceAwareOptimum,
  lossTarget,
  servingCostCurve,
  servingCostRange,
  smallestParamsForLoss,
} from '../../../src/core';

const epoch = findPresetLaw('epoch')!;

describe('core/inference/servingCostCurve', () => {
  const optimum = inferenceAwareOptimum(epoch, 1.95, 2e12);

  it('sweeps sizes around both optima, from halfway to the smallest reachable size to 3× the Chinchilla size', () => {
    const [low, high] = servingCostRange(epoch, optimum);
    const smallest = smallestParamsForLoss(lossTarget(epoch, 1.95));
    assert.ok(Math.abs(low - Math.sqrt(smallest * optimum.params)) < 1e-3);
    assert.equal(high, 3 * optimum.chinchilla.params);
    assert.ok(low < optimum.params && optimum.chinchilla.params < high);
  });

  it('reaches the loss at every size, and no size costs less than the optimum', () => {
    const curve = servingCostCurve(epoch, 1.95, 2e12, servingCostRange(epoch, optimum), 101);
    assert.equal(curve.length, 101);
    for (const plan of curve) {
      assert.ok(Math.abs(epoch.loss(plan.params, plan.trainTokens) - 1.95) < 1e-9);
      assert.ok(plan.totalFlops >= optimum.totalFlops * (1 - 1e-12));
    }
  });

  it('gives NaN rows for sizes that can never reach the loss', () => {
    const smallest = smallestParamsForLoss(lossTarget(epoch, 1.95));
    const curve = servingCostCurve(epoch, 1.95, 2e12, [smallest / 10, smallest * 10], 3);
    // Sizes smallest/10, smallest (not above it) and smallest·10.
    assert.deepEqual(
      curve.map((plan) => Number.isNaN(plan.totalFlops)),
      [true, true, false],
    );
  });
});
