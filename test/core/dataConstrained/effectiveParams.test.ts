import * as assert from 'node:assert/strict';
import { findPresetLaw, optimalForTokens } from '../../../src/core';
import { effectiveParams } from '../../../src/core/dataConstrained';

const muennighoff = findPresetLaw('muennighoff2023')!;

describe('core/dataConstrained/effectiveParams', () => {
  it('a model no larger than the compute-optimal size for its unique data keeps every parameter', () => {
    // With α = β, N_opt(D) = G²·D, G² = (A/B)^(1/α) = (520.82/1487.72)^(1/0.3526596) = 0.0509865,
    // so U_N for 500B is 25.493B, above 8B.
    const result = effectiveParams(muennighoff, 8e9, 500e9);
    assert.deepEqual(result, { uniqueParams: 8e9, excessRepetitions: 0, effectiveParams: 8e9 });
  });

  it('worked example: 8B parameters on 50B unique tokens count as 7.036B', () => {
    // U_N = 0.0509865 × 50B = 2.549326B; R_N = 8B/2.549326B − 1 = 2.138084;
    // e^(−2.138084/5.309743) = 0.668531; N′ = 2.549326B·(1 + 5.309743 × 0.331469) = 2.5493259B × 2.7600152 = 7.036173B.
    const result = effectiveParams(muennighoff, 8e9, 50e9);
    assert.ok(Math.abs(result.uniqueParams / 2.549326e9 - 1) < 1e-6);
    assert.ok(Math.abs(result.excessRepetitions - 2.138084) < 1e-6);
    assert.ok(Math.abs(result.effectiveParams / 7.036173e9 - 1) < 1e-6);
  });

  it("caps at the law's own inverse allocation D → N", () => {
    const epoch = findPresetLaw('epoch')!;
    assert.equal(effectiveParams(epoch, 1e12, 1e12).uniqueParams, optimalForTokens(epoch, 1e12).params);
  });
});
