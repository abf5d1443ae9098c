import * as assert from 'node:assert/strict';
import { findPresetLaw } from '../../../src/core';
import { dataConstrainedLoss, estimateRepetition } from '../../../src/core/dataConstrained';

const muennighoff = findPresetLaw('muennighoff2023')!;

describe('core/dataConstrained/repetitionLoss', () => {
  it("reproduces the paper's released examples (Fig. 1 right: 2.2256440889984477 and 2.2269634075087867)", () => {
    // The values printed by the scaling_law function in the huggingface/datablations README.
    assert.ok(
      Math.abs(dataConstrainedLoss(muennighoff, { params: 6.34e9, tokens: 242e9, uniqueTokens: 25e9 }) - 2.2256440889984477) < 1e-12,
    );
    assert.ok(
      Math.abs(dataConstrainedLoss(muennighoff, { params: 8.67e9, tokens: 178e9, uniqueTokens: 25e9 }) - 2.2269634075087867) < 1e-12,
    );
  });

  it('worked example: 8B on 2T tokens, 4 epochs of 500B, loses 0.001733', () => {
    // E = e^0.6254804 = 1.869144; A/N^α = 520.8250/8B^0.3526596 = 0.167599;
    // fresh: B/D^β = 1487.716/2T^0.3526596 = 0.068304 → L = 2.105047;
    // repeated: D′ = 1.862837T (effectiveTokens), B/D′^β = 0.070037 → L = 2.106780;
    // lost: 2.106780 − 2.105047 = 0.001733.
    const estimate = estimateRepetition(muennighoff, { params: 8e9, tokens: 2e12, uniqueTokens: 500e9 });
    assert.equal(estimate.epochs, 4);
    assert.ok(Math.abs(estimate.freshLoss - 2.105047) < 1e-6);
    assert.ok(Math.abs(estimate.loss - 2.10678) < 1e-6);
    assert.ok(Math.abs(estimate.repetitionLoss - 0.001733) < 1e-6);
    assert.equal(estimate.effectiveParams, 8e9);
  });

  it('worked example: the same run on 50B unique tokens (40 epochs) loses 0.035612', () => {
    // N′ = 7.036173B (effectiveParams), D′ = 758.373B (effectiveTokens):
    // A/N′^α = 520.8250/7.036173B^0.3526596 = 0.175361; B/D′^β = 1487.716/758.373B^0.3526596 = 0.096154;
    // L = 1.869144 + 0.175361 + 0.096154 = 2.140659; lost: 2.140659 − 2.105047 = 0.035612.
    const estimate = estimateRepetition(muennighoff, { params: 8e9, tokens: 2e12, uniqueTokens: 50e9 });
    assert.ok(Math.abs(estimate.loss - 2.140659) < 2e-6);
    assert.ok(Math.abs(estimate.repetitionLoss - 0.035612) < 2e-6);
  });

  it('loses nothing when the data is all unique, and more the more it repeats', () => {
    const run = (uniqueTokens: number) => estimateRepetition(muennighoff, { params: 8e9, tokens: 2e12, uniqueTokens }).repetitionLoss;
    assert.equal(run(2e12), 0);
    assert.equal(run(5e12), 0);
    assert.ok(run(1e12) > 0 && run(500e9) > run(1e12) && run(50e9) > run(500e9));
  });

  it("applies the decay to any law: under Epoch's refit the loss is its law at N′ and D′", () => {
    const epoch = findPresetLaw('epoch')!;
    const estimate = estimateRepetition(epoch, { params: 8e9, tokens: 2e12, uniqueTokens: 500e9 });
    assert.equal(estimate.loss, epoch.loss(estimate.effectiveParams, estimate.effectiveTokens));
    assert.equal(estimate.freshLoss, epoch.loss(8e9, 2e12));
  });
});
