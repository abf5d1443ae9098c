import * as assert from 'node:assert/strict';
import { computeOptimalAllocation, findPresetLaw, QuantityError } from '../../../src/core';
import { constrainedAllocation, dataConstrainedLoss } from '../../../src/core/dataConstrained';

const muennighoff = findPresetLaw('muennighoff2023')!;

describe('core/dataConstrained/constrainedAllocation', () => {
  it("agrees with the paper's own grid search: 8.67B × 178B on 25B unique → 6.8B parameters, 227B tokens, 9.1 epochs", () => {
    // huggingface/datablations README, "Parametric Fit": optimal_allocation(8.67e9, 178e9, 25e9)
    // prints 227B tokens, 9.1 epochs, 6.8B parameters.
    const { best } = constrainedAllocation(muennighoff, 6 * 8.67e9 * 178e9, 25e9);
    assert.equal(Number((best.params / 1e9).toFixed(1)), 6.8);
    assert.equal(Math.round(best.tokens / 1e9), 227);
    assert.equal(Number(best.epochs.toFixed(1)), 9.1);
  });

  it('spends the budget and beats every other model size on a fine grid', () => {
    const compute = 1e24;
    const result = constrainedAllocation(muennighoff, compute, 500e9);
    assert.ok(Math.abs((6 * result.best.params * result.best.tokens) / compute - 1) < 1e-12);
    for (let step = -40; step <= 40; step++) {
      const params = result.best.params * Math.exp(step / 20);
      assert.ok(
        dataConstrainedLoss(muennighoff, { params, tokens: compute / (6 * params), uniqueTokens: 500e9 }) >= result.best.loss - 1e-12,
      );
    }
  });

  it('trades parameters for epochs when the cap binds, and loses less than ignoring the cap', () => {
    const result = constrainedAllocation(muennighoff, 1e25, 500e9);
    assert.equal(result.capBinds, true);
    assert.ok(result.best.params < result.unconstrained.params);
    assert.ok(result.best.epochs > result.unconstrainedRepeated.epochs);
    assert.ok(result.best.loss < result.unconstrainedRepeated.loss);
    assert.ok(result.best.loss > result.unconstrained.loss);
  });

  it("is the law's own optimum when the unique data covers it", () => {
    const result = constrainedAllocation(muennighoff, 1e22, 10e12);
    const optimum = computeOptimalAllocation(muennighoff, 1e22);
    assert.equal(result.capBinds, false);
    assert.ok(Math.abs(result.best.params / optimum.params - 1) < 1e-5);
    assert.ok(Math.abs(result.best.loss - optimum.loss) < 1e-12);
  });

  it('refuses a budget or a cap that is not positive', () => {
    assert.throws(() => constrainedAllocation(muennighoff, 0, 1e9), QuantityError);
    assert.throws(() => constrainedAllocation(muennighoff, 1e24, -1), QuantityError);
  });
});
