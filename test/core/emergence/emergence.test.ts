import * as assert from 'node:assert/strict';
import {
  QuantityError,
  customLaw,
  emergencePoint,
  emergenceTransition,
  exactMatchCeiling,
  exactMatchCrossing,
  findPresetLaw,
  optimalForParams,
  type EmergenceSettings,
} from '../../../src/core';

/**
 * A toy law with round numbers: L = 0.5 + 100/√N + 100/√D. At N = 10⁶ and D = 10⁸,
 * L = 0.5 + 100/1000 + 100/10⁴ = 0.61 nats per token.
 */
const toy = customLaw('toy', { E: 0.5, A: 100, B: 100, alpha: 0.5, beta: 0.5 });
const fixedD = { kind: 'fixed', tokens: 1e8 } as const;

function assertClose(actual: number, expected: number, relative: number, what = ''): void {
  assert.ok(Math.abs(actual / expected - 1) <= relative, `${what} ${actual} vs ${expected}`);
}

describe('core/emergence', () => {
  describe('exact match from per-token loss', () => {
    it("the paper's stylised p = e^(−L): exact match over 10 tokens at L = 0.61", () => {
      const point = emergencePoint(toy, 1e6, { answerTokens: 10, offset: 0, training: fixedD });
      assertClose(point.loss, 0.61, 1e-15);
      assertClose(point.tokenSuccess, 0.5433508690744998, 1e-15); // e^(−0.61)
      assertClose(point.exactMatch, 0.0022428677194858, 1e-13); // e^(−10·0.61) = e^(−6.1)
      assertClose(point.wrongTokens, 4.566491309255, 1e-12); // 10·(1 − 0.54335)
    });

    it('offset = E counts only the reducible loss: p = e^(−(0.61 − 0.5))', () => {
      const point = emergencePoint(toy, 1e6, { answerTokens: 10, offset: 0.5, training: fixedD });
      assertClose(point.tokenSuccess, 0.8958341352965282, 1e-14); // e^(−0.11)
      assertClose(point.exactMatch, 0.33287108369807955, 1e-13); // e^(−1.1)
    });

    it('trains each size on a fixed D, a fixed D/N or the compute-optimal D', () => {
      // D = 20·10⁶: L = 0.5 + 0.1 + 100/√(2e7) = 0.6 + 100/4472.136 = 0.6223607
      assertClose(
        emergencePoint(toy, 1e6, { answerTokens: 1, offset: 0, training: { kind: 'ratio', tokensPerParam: 20 } }).loss,
        0.6223606797749979,
        1e-14,
      );
      const epoch = findPresetLaw('epoch')!;
      const optimal = emergencePoint(epoch, 7e10, { answerTokens: 1, offset: 0, training: { kind: 'optimal' } });
      assert.equal(optimal.tokens, optimalForParams(epoch, 7e10).tokens);
    });

    it('has a ceiling as N → ∞: e^(−ℓ·(L(∞, D) − offset))', () => {
      // Fixed D = 10⁸, offset E: L∞ − E = 100/10⁴ = 0.01, ceiling e^(−10·0.01) = e^(−0.1) = 0.904837
      assertClose(exactMatchCeiling(toy, { answerTokens: 10, offset: 0.5, training: fixedD }), 0.9048374180359595, 1e-14);
      // Growing D: L → E, so offset E reaches 1 and offset 0 stops at e^(−10·0.5) = e^(−5).
      assert.equal(exactMatchCeiling(toy, { answerTokens: 10, offset: 0.5, training: { kind: 'optimal' } }), 1);
      assertClose(
        exactMatchCeiling(toy, { answerTokens: 10, offset: 0, training: { kind: 'ratio', tokensPerParam: 20 } }),
        Math.exp(-5),
        1e-14,
      );
    });

    it('refuses an offset below 0 or above E, which would make p pass 1', () => {
      const settings = (offset: number): EmergenceSettings => ({ answerTokens: 10, offset, training: fixedD });
      assert.throws(
        () => emergenceTransition(toy, settings(0.6), [1e4, 1e10], 0.5),
        /offset must be between 0 and toy's irreducible loss E = 0\.5/,
      );
      assert.throws(() => emergenceTransition(toy, settings(-0.1), [1e4, 1e10], 0.5), QuantityError);
      assert.throws(() => emergenceTransition(toy, settings(0), [1e4, 1e10], 1), /threshold must be between/);
      assert.throws(() => emergenceTransition(toy, settings(0), [1e10, 1e4], 0.5), /must go up/);
    });
  });

  describe('where exact match crosses a level', () => {
    // Offset E, ℓ = 10, D = 10⁸: exact match m needs 100/√N = −ln(m)/10 − 0.01, so N = (100/(−ln(m)/10 − 0.01))².
    const settings: EmergenceSettings = { answerTokens: 10, offset: 0.5, training: fixedD };
    const paramsFor = (level: number) => (100 / (-Math.log(level) / 10 - 0.01)) ** 2;

    it('50%: √N = 100/(ln 2/10 − 0.01) = 100/0.0593147 = 1685.9, N ≈ 2.842e6', () => {
      const crossing = exactMatchCrossing(toy, settings, [1e4, 1e10], 0.5);
      assert.equal(crossing.where, 'within');
      if (crossing.where === 'within') {
        assertClose(crossing.point.params, 2842333.6668778043, 1e-8);
        assertClose(crossing.point.exactMatch, 0.5, 1e-8);
      }
      assertClose(paramsFor(0.5), 2842333.6668778043, 1e-12);
    });

    it('says when the level is reached before the range, beyond it, or never', () => {
      assert.equal(exactMatchCrossing(toy, settings, [1e7, 1e10], 0.1).where, 'below'); // already 0.5+ at 10⁷
      assert.equal(exactMatchCrossing(toy, settings, [1e4, 1e10], 0.9).where, 'beyond'); // 0.9 < ceiling 0.9048, at N ≈ 3.5e10
      assert.equal(exactMatchCrossing(toy, settings, [1e4, 1e10], 0.95).where, 'never'); // above the ceiling
    });

    it('measures the 10%–90% rise and where the curve leaves a linear axis', () => {
      const transition = emergenceTransition(toy, settings, [1e4, 1e12], 0.5);
      // 10%: N = (100/(ln 10/10 − 0.01))² = (100/0.2202585)² = 206,127; 90%: (100/(ln(10/9)/10 − 0.01))² = (100/0.00053605)² = 3.48006e10
      assert.ok(transition.riseDecades !== undefined);
      assertClose(transition.riseDecades!, Math.log10(34800610454.92688 / 206126.87007290253), 1e-7); // 5.2275 decades
      assert.equal(transition.visible.where, 'within');
      if (transition.visible.where === 'within') assertClose(transition.visible.point.params, 49269.43672222019, 1e-7); // (100/(ln 100/10 − 0.01))²
      assertClose(transition.ceiling, Math.exp(-0.1), 1e-14);
      assert.equal(transition.smallest.params, 1e4);
      assert.equal(transition.largest.params, 1e12);
    });

    it("under a fitted law with the paper's p = e^(−L), 20 tokens never reach 50%: p ≤ e^(−E)", () => {
      const epoch = findPresetLaw('epoch')!;
      const transition = emergenceTransition(epoch, { answerTokens: 20, offset: 0, training: { kind: 'optimal' } }, [1e8, 1e14], 0.5);
      assert.equal(transition.atThreshold.where, 'never');
      assertClose(transition.ceiling, Math.exp(-20 * epoch.irreducibleLoss), 1e-12); // e^(−20·1.8169) ≈ 1.7e-16
    });
  });
});
