import * as assert from 'node:assert/strict';
import {
  QuantityError,
  betaFailure,
  betaFailureAsymptote,
  coverageAt,
  coverageCurve,
  coveragePowerLaw,
  negativeLogCoverage,
  passAtK,
  passAtKFailure,
  sampleGrid,
  samplesForTarget,
} from '../../../src/core';

function assertClose(actual: number, expected: number, relative: number, what = ''): void {
  assert.ok(Math.abs(actual / expected - 1) <= relative, `${what} ${actual} vs ${expected}`);
}

describe('core/testTime/coverage', () => {
  describe('one problem: pass@k = 1 − (1 − p)^k', () => {
    it('works the examples by hand', () => {
      assert.equal(passAtK(0.5, 3), 0.875); // 1 − 0.5³ = 1 − 0.125
      assertClose(passAtK(0.05, 10), 0.4012630607616213, 1e-15); // 1 − 0.95^10 = 1 − 0.5987369392
      assertClose(passAtKFailure(0.05, 10), 0.5987369392383789, 1e-15);
    });

    it('keeps the digits of a tiny p: 1 − (1 − 1e-12)^1000 ≈ 1e-9', () => {
      // 1 − e^(1000·ln(1 − 1e-12)) = 1 − e^(−1e-9) = 1e-9 − 5e-19 …, lost entirely by 1 − 0.999…^1000.
      assertClose(passAtK(1e-12, 1000), 1e-9 - 5e-19, 1e-12);
    });

    it('refuses rates outside (0, 1) and sample counts that are not whole numbers ≥ 1', () => {
      for (const p of [0, 1, -0.1, 1.5, Number.NaN]) assert.throws(() => passAtK(p, 2), QuantityError, String(p));
      for (const k of [0, 1.5, -3]) assert.throws(() => passAtK(0.5, k), QuantityError, String(k));
    });
  });

  describe('rates spread as Beta(a, b): 1 − coverage = B(a, b + k)/B(a, b)', () => {
    it('uniform rates, Beta(1, 1): B(1, 1 + k)/B(1, 1) = 1/(k + 1)', () => {
      assertClose(betaFailure({ a: 1, b: 1 }, 9), 0.1, 1e-14);
      assertClose(coverageAt({ kind: 'beta', a: 1, b: 1 }, 9), 0.9, 1e-14);
      assertClose(betaFailure({ a: 1, b: 1 }, 1e6), 1 / 1000001, 1e-12);
    });

    it('Beta(2, 3): Γ(5)Γ(3 + k)/(Γ(3)Γ(5 + k)) = 12/((k + 3)(k + 4))', () => {
      // k = 1: 12/20 = 0.6, so coverage 0.4 = the mean rate a/(a + b) = 2/5, as one sample must give.
      assertClose(betaFailure({ a: 2, b: 3 }, 1), 0.6, 1e-14);
      assertClose(betaFailure({ a: 2, b: 3 }, 6), 12 / 90, 1e-14); // 12/(9·10)
    });

    it('Beta(½, ½): Γ(½ + k)/(Γ(1 + k)·Γ(½)) = C(2k, k)/4^k', () => {
      assertClose(betaFailure({ a: 0.5, b: 0.5 }, 1), 0.5, 1e-14); // C(2, 1)/4 = 2/4
      assertClose(betaFailure({ a: 0.5, b: 0.5 }, 2), 0.375, 1e-14); // C(4, 2)/16 = 6/16
    });

    it('stays accurate at k = 10¹², on the asymptote Γ(a + b)/Γ(b)·k^(−a)', () => {
      // Beta(0.3, 3): Γ(3.3)/Γ(3) = 2.3·1.3·Γ(1.3)/2 = 2.99·0.897470696/2 = 1.341718691; ×(1e12)^(−0.3) = ×2.5118864e-4.
      assertClose(betaFailure({ a: 0.3, b: 3 }, 1e12), 1.3417186909778838 * 1e12 ** -0.3, 1e-9);
      assertClose(betaFailureAsymptote({ a: 1, b: 1 }).coefficient, 1, 1e-14); // Γ(2)/Γ(1) = 1
      assert.equal(betaFailureAsymptote({ a: 1, b: 1 }).exponent, 1);
      assertClose(betaFailureAsymptote({ a: 0.3, b: 3 }).coefficient, 1.3417186909778838, 1e-13);
    });

    it('gives −ln(coverage) without losing coverage near 1', () => {
      assertClose(negativeLogCoverage({ kind: 'beta', a: 1, b: 1 }, 1), Math.log(2), 1e-14); // coverage ½
      // coverage 1 − 1/(1e9 + 1): −ln(1 − 1e-9·(1 − 1e-9)) ≈ 1e-9 (1 − 1e-9) + 0.5e-18
      assertClose(negativeLogCoverage({ kind: 'beta', a: 1, b: 1 }, 1e9), 1 / (1e9 + 1), 1e-8);
    });

    it('refuses shapes that are not positive', () => {
      assert.throws(() => betaFailure({ a: 0, b: 1 }, 1), /Beta shape a must be/);
      assert.throws(() => coverageAt({ kind: 'beta', a: 1, b: -2 }, 1), /Beta shape b must be/);
    });
  });

  describe('samples needed for a target coverage', () => {
    it('one rate: ⌈ln(1 − target)/ln(1 − p)⌉', () => {
      // ln 0.1/ln 0.95 = −2.302585/−0.051293 = 44.89 → 45: 0.95^45 = 0.0994 ≤ 0.1 < 0.95^44 = 0.1047.
      assert.equal(samplesForTarget(0.9, { kind: 'single', p: 0.05 }), 45);
      assert.equal(samplesForTarget(0.04, { kind: 'single', p: 0.05 }), 1);
    });

    it('Beta rates, by bisection: the smallest k that reaches the target', () => {
      assert.equal(samplesForTarget(0.9, { kind: 'beta', a: 1, b: 1 }), 9); // k/(k + 1) ≥ 0.9 ⇔ k ≥ 9
      // 1 − 12/((k + 3)(k + 4)) ≥ 0.85 ⇔ (k + 3)(k + 4) ≥ 80: k = 5 gives 72, k = 6 gives 90.
      assert.equal(samplesForTarget(0.85, { kind: 'beta', a: 2, b: 3 }), 6);
      const k = samplesForTarget(0.9, { kind: 'beta', a: 0.3, b: 3 });
      assert.ok(coverageAt({ kind: 'beta', a: 0.3, b: 3 }, k) >= 0.9 && coverageAt({ kind: 'beta', a: 0.3, b: 3 }, k - 1) < 0.9, String(k));
      // Cross-checked with Python's math.lgamma: B(0.3, 3 + k)/B(0.3, 3) is 0.1000043 at k = 5736 and 0.0999990 at 5737.
      assert.equal(k, 5737);
    });

    it('refuses targets of 0% or 100%, and targets out of reach within 10¹² samples', () => {
      assert.throws(() => samplesForTarget(1, { kind: 'single', p: 0.5 }), {
        message: 'target coverage must be between 0% and 100% (exclusive), got 100%',
      });
      // One rate at p = 1e-12: ⌈ln 0.1/ln(1 − 1e-12)⌉ = 2,302,585,092,993, not one sample fewer.
      assert.equal(samplesForTarget(0.9, { kind: 'single', p: 1e-12 }), 2302585092993);
      assert.throws(() => samplesForTarget(0, { kind: 'single', p: 0.5 }), /between 0% and 100%/);
      // Beta(0.01, 1): 1 − coverage ≈ 0.994·k^(−0.01), still 0.76 at k = 10¹².
      assert.throws(() => samplesForTarget(0.99, { kind: 'beta', a: 0.01, b: 1 }), /stays below 99% even at 1T samples/);
    });
  });

  describe('curves and the power law of −ln(coverage)', () => {
    it('samples whole numbers spread in log space, without repeats', () => {
      assert.deepEqual(sampleGrid([1, 1000], 4), [1, 10, 100, 1000]);
      const grid = sampleGrid([1, 20], 64);
      assert.equal(grid[0], 1);
      assert.equal(grid[grid.length - 1], 20);
      assert.ok(grid.every((k, i) => i === 0 || k > grid[i - 1]));
      assert.throws(() => sampleGrid([10, 1], 4), /must go up/);
    });

    it('gives coverage, the unsolved share and −ln(coverage) at each k', () => {
      const [one, nine] = coverageCurve({ kind: 'beta', a: 1, b: 1 }, [1, 9]);
      assert.equal(one.samples, 1);
      assertClose(one.coverage, 0.5, 1e-15);
      assertClose(one.failure, 0.5, 1e-15);
      assertClose(one.negLogCoverage, Math.log(2), 1e-15);
      assertClose(nine.failure, 0.1, 1e-14);
    });

    it('fits an exponent that approaches a for large k', () => {
      // Beta(1, 1): −ln(1 − 1/(k + 1)) = ln(1 + 1/k) ≈ 1/k, slope −1 in log-log.
      assertClose(coveragePowerLaw({ a: 1, b: 1 }, [1000, 10000])!.exponent, 1, 1e-3);
      const early = coveragePowerLaw({ a: 0.3, b: 3 }, [1, 10])!;
      const late = coveragePowerLaw({ a: 0.3, b: 3 }, [1e6, 1e9])!;
      assert.ok(Math.abs(early.exponent - 0.3) > 0.05, `early ${early.exponent}`);
      assert.ok(Math.abs(late.exponent - 0.3) < 0.005, `late ${late.exponent}`);
      assert.equal(late.asymptote.exponent, 0.3);
      assert.ok(late.fitted.rSquared > 0.9999);
    });

    it('has nothing to fit where coverage is 1 in double precision', () => {
      // Beta(1e9, 1e-9): nearly every rate is 1; B(a, b + k)/B(a, b) ≈ 1e-9·(k − 1)!/(1e9)^k underflows to 0 by k = 1000.
      assert.equal(coveragePowerLaw({ a: 1e9, b: 1e-9 }, [1000, 10000]), undefined);
    });
  });
});
