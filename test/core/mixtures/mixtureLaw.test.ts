import * as assert from 'node:assert/strict';
import {
  chinchillaAtMixture,
  mixtureConstantCount,
  mixtureLoss,
  mixtureLossGradient,
  QuantityError,
  requireMixture,
  uniformMixture,
  withDomainWeight,
  type AdditiveMixtureConstants,
  type JointMixtureConstants,
} from '../../../src/core';

/**
 * Round numbers so every term can be worked by hand: α = β = ½ makes N^α and D^β square roots. The
 * two forms share E, the exponents and the mixture term 1/(Σᵢ Cᵢ·hᵢ^γᵢ); they differ in A and B (Eq. 2.4, 2.5).
 */
const SHARED = { domains: ['web', 'code'], E: 1.5, alpha: 0.5, beta: 0.5, C: [2, 1], gamma: [0.5, 1] };
const ADDITIVE: AdditiveMixtureConstants = { form: 'additive', ...SHARED, A: 400, B: 300 };
const JOINT: JointMixtureConstants = { form: 'joint', ...SHARED, CA: [100, 400], gammaA: 1, CB: [900, 100], gammaB: 0.5 };
/** N = 1e6 (√N = 1000), D = 9e6 (√D = 3000), h = (¼, ¾) (√¼ = ½). */
const N = 1e6;
const D = 9e6;
const H = [0.25, 0.75];

describe('core/mixtures/mixtureLaw', () => {
  it('additive (Shukor et al. 2025, Eq. 2.4) matches the formula worked by hand', () => {
    // 1/(2·√¼ + 1·¾) = 1/1.75; A/√N = 400/1000 = 0.4; B/√D = 300/3000 = 0.1.
    // L = 1.5 + 0.571428… + 0.4 + 0.1 = 2.571428…
    assert.ok(Math.abs(mixtureLoss(ADDITIVE, N, D, H) - 2.571428571428571) < 1e-12);
  });

  it('joint (Eq. 2.5) matches the formula worked by hand', () => {
    // A_h = (¼·100 + ¾·400)^1 = 325 → 325/1000 = 0.325; B_h = (¼·900 + ¾·100)^½ = √300 ≈ 17.3205 → /3000 ≈ 0.0057735.
    // L = 1.5 + 1/1.75 + 0.325 + 0.0057735 ≈ 2.4022021
    assert.ok(Math.abs(mixtureLoss(JOINT, N, D, H) - 2.4022020741204675) < 1e-12);
  });

  it('at a fixed mixture both laws are Chinchilla laws: E_h, A_h and B_h', () => {
    const constants = chinchillaAtMixture(JOINT, H);
    assert.ok(Math.abs(constants.E - (1.5 + 1 / 1.75)) < 1e-12);
    assert.equal(constants.A, 325);
    assert.ok(Math.abs(constants.B - Math.sqrt(300)) < 1e-12);
    assert.deepEqual(chinchillaAtMixture(ADDITIVE, [0.5, 0.5]).A, 400);
  });

  it('a domain with zero weight adds nothing to the mixture term', () => {
    // 1/(2·√1) = 0.5 → L = 1.5 + 0.5 + 0.4 + 0.1 = 2.5
    assert.ok(Math.abs(mixtureLoss(ADDITIVE, N, D, [1, 0]) - 2.5) < 1e-12);
  });

  it('counts 5 + 2k and 5 + 4k constants', () => {
    assert.equal(mixtureConstantCount('additive', 3), 11);
    assert.equal(mixtureConstantCount('joint', 3), 17);
  });

  for (const law of [ADDITIVE, JOINT]) {
    it(`${law.form}: the gradient in h agrees with central differences`, () => {
      const gradient = new Float64Array(2);
      const loss = mixtureLossGradient(law, N, D, H, gradient);
      assert.ok(Math.abs(loss - mixtureLoss(law, N, D, H)) < 1e-12);
      const step = 1e-6;
      for (let i = 0; i < 2; i++) {
        // Moves off the simplex on purpose: ∂L/∂hᵢ is the partial derivative the mirror descent uses.
        const at = (shift: number) => {
          const weights = [...H];
          weights[i] += shift;
          const scratch = new Float64Array(2);
          return mixtureLossGradient(law, N, D, weights, scratch);
        };
        const numeric = (at(step) - at(-step)) / (2 * step);
        assert.ok(Math.abs(gradient[i] - numeric) < 1e-7, `∂L/∂h${i}: ${gradient[i]} vs ${numeric}`);
      }
    });
  }

  it('refuses weights off the simplex with a message naming the domains', () => {
    assert.throws(() => mixtureLoss(ADDITIVE, N, D, [0.5, 0.6]), /must sum to 1, got 1\.1 \(web \+ code\)/);
    assert.throws(() => mixtureLoss(ADDITIVE, N, D, [0.5]), /needs 2 weights, got 1/);
    assert.throws(() => requireMixture([1.5, -0.5], ['web', 'code']), /weight of code must be a finite number ≥ 0/);
    assert.throws(() => mixtureLoss(ADDITIVE, -1, D, H), QuantityError);
  });

  it('varies one domain with the others rescaled proportionally', () => {
    // Others 0.3 and 0.2 share 1 − 0.8 = 0.2 in proportion 3:2 → 0.12 and 0.08.
    const varied = withDomainWeight([0.5, 0.3, 0.2], 0, 0.8);
    assert.deepEqual(
      varied.map((weight) => Number(weight.toFixed(12))),
      [0.8, 0.12, 0.08],
    );
    assert.deepEqual(withDomainWeight([1, 0, 0], 0, 0.4), [0.4, 0.3, 0.3]);
    assert.deepEqual(uniformMixture(4), [0.25, 0.25, 0.25, 0.25]);
    assert.throws(() => withDomainWeight([0.5, 0.5], 0, 1.2), /between 0 and 1/);
  });
});
