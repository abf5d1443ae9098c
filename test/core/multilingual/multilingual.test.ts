import * as assert from 'node:assert/strict';
import {
  ATLAS_CURSE_EXPONENTS,
  atlasEffectiveData,
  customLaw,
  isoLossExponents,
  languageScaling,
  multilingualLoss,
  saturatedTokens,
  type CurseLaw,
} from '../../../src/core';

const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual / expected - 1) < tolerance, `${actual} vs ${expected}`);

describe('core/multilingual', () => {
  describe('S_λ(D; U), repetition-aware data', () => {
    it('is D up to one epoch and U·[1 + (1 − e^(−λ(D/U − 1)))/λ] beyond', () => {
      assert.equal(saturatedTokens(3e9, 5e9, 0.5), 3e9);
      // 20B tokens of 5B unique, λ = ½: 5e9·[1 + (1 − e^(−1.5))/0.5] = 5e9·(1 + 2 × 0.77687) ≈ 1.27687e10.
      close(saturatedTokens(20e9, 5e9, 0.5), 12768698398.515701);
      // No amount of repetition is worth more than U·(1 + 1/λ) = 5e9 × 3.
      close(saturatedTokens(1e15, 5e9, 0.5), 15e9);
    });

    it('needs a positive λ', () => {
      assert.throws(() => saturatedTokens(20e9, 5e9, 0), /λ must be greater than zero/);
    });
  });

  describe('D_eff, effective data with transfer', () => {
    const target = { name: 'catalan', tokens: 20e9, unique: 5e9 };
    const sources = [
      { name: 'spanish', tokens: 100e9, transfer: 0.3 },
      { name: 'other', tokens: 200e9, transfer: 0.05 },
    ];

    it('adds the target, each source times τ, and the other languages times τ_other', () => {
      // 1.27687e10 + 0.3 × 1e11 + 0.05 × 2e11 = 1.27687e10 + 3e10 + 1e10 ≈ 5.27687e10.
      const data = atlasEffectiveData(target, sources, 0.5);
      close(data.total, 52768698398.5157);
      assert.deepEqual(
        data.terms.map((term) => term.transfer),
        [1, 0.3, 0.05],
      );
      assert.equal(data.terms[0].epochs, 4);
    });

    it('gives the loss of a law with D replaced by D_eff', () => {
      // 1.69 + 406.4/(1e9)^0.34 + 410.7/(5.27687e10)^0.28 ≈ 1.69 + 0.35396 + 0.40857 ≈ 2.45252.
      const law = customLaw('printed', { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 });
      close(law.loss(1e9, atlasEffectiveData(target, sources, 0.5).total), 2.4525228683562355);
    });

    it('asks for λ only when a corpus repeats, and refuses a non-positive total', () => {
      assert.throws(() => atlasEffectiveData(target, sources), /catalan repeats its unique data \(4 epochs\): give λ/);
      assert.equal(atlasEffectiveData({ name: 'ca', tokens: 1e9 }, []).total, 1e9);
      assert.throws(
        () => atlasEffectiveData({ name: 'ca', tokens: 1e9 }, [{ name: 'x', tokens: 1e10, transfer: -0.2 }]),
        /negative transfer outweighs/,
      );
    });
  });

  describe('the curse of multilinguality', () => {
    const law: CurseLaw = { lossFloor: 1.7, A: 400, B: 400, alpha: 0.34, beta: 0.28, ...ATLAS_CURSE_EXPONENTS };

    it('matches L∞ + A·K^ϕ/N^α + B·K^ψ/D_t^β worked by hand at K = 1', () => {
      // K = 1 drops both K factors: 1.7 + 400/1e9^0.34 + 400/1e10^0.28 = 1.7 + 0.348390 + 0.6348.
      close(multilingualLoss(law, 1, 1e9, 1e10), 1.7 + 400 / 1e9 ** 0.34 + 400 / 1e10 ** 0.28);
      // K = 8 multiplies the size term by 8^0.11 ≈ 1.2570 and the data term by 8^−0.04 ≈ 0.9202.
      close(multilingualLoss(law, 8, 1e9, 1e10), 1.7 + (400 * 8 ** 0.11) / 1e9 ** 0.34 + (400 * 8 ** -0.04) / 1e10 ** 0.28);
    });

    it('is unchanged when N and D_t follow the iso-loss exponents ϕ/α and ψ/β', () => {
      const exponents = isoLossExponents(law.alpha, law.beta);
      // 0.11/0.34 ≈ 0.3235 and 1 − 0.04/0.28 ≈ 0.8571.
      close(exponents.params, 0.32352941176470584);
      close(exponents.totalTokens, 0.8571428571428572);
      const scaling = languageScaling(8, 32, exponents);
      const before = multilingualLoss(law, 8, 1e9, 1e10);
      const after = multilingualLoss(law, 32, 1e9 * scaling.params, 1e10 * scaling.tokensPerLanguage);
      close(after, before, 1e-12);
    });

    it("uses ATLAS's published N ∝ r^0.243, D ∝ r^0.728, C ∝ r^0.97 by default", () => {
      const scaling = languageScaling(8, 32);
      assert.equal(scaling.ratio, 4);
      // 4^0.243 ≈ 1.40056, 4^0.728 ≈ 2.74347, 4^−0.272 ≈ 0.68587, 4^0.971 ≈ 3.84238.
      close(scaling.params, 1.4005563208872047);
      close(scaling.totalTokens, 2.7434665771811946);
      close(scaling.tokensPerLanguage, 0.6858666442952986);
      close(scaling.compute, 3.8423794558139064);
      // Doubling the languages: 1.18× the parameters and 1.66× the data, as the paper summarises.
      const doubled = languageScaling(10, 20);
      assert.equal(doubled.params.toFixed(2), '1.18');
      assert.equal(doubled.totalTokens.toFixed(2), '1.66');
    });

    it('refuses language counts that are not whole numbers ≥ 1', () => {
      assert.throws(() => languageScaling(0, 8), /languages to start from must be a whole number ≥ 1, got 0/);
      assert.throws(() => languageScaling(8, 2.5), /languages to go to must be a whole number ≥ 1, got 2\.5/);
    });
  });
});
