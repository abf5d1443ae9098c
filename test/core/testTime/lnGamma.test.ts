import * as assert from 'node:assert/strict';
import { QuantityError, lnGamma, lnGammaDifference } from '../../../src/core';

/** |actual − expected| ≤ tolerance·max(1, |expected|). */
function assertClose(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

describe('core/testTime/lnGamma', () => {
  const known: ReadonlyArray<readonly [x: number, expected: number, why: string, tolerance: number]> = [
    [1, 0, 'Γ(1) = 0! = 1', 2e-15],
    [2, 0, 'Γ(2) = 1! = 1', 2e-15],
    [5, Math.log(24), 'Γ(5) = 4! = 24', 2e-15],
    [10, Math.log(362880), 'Γ(10) = 9! = 362,880', 2e-15],
    [0.5, 0.5 * Math.log(Math.PI), 'Γ(½) = √π', 2e-15],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2), 'Γ(3/2) = ½·Γ(½) = √π/2', 2e-15],
    // Γ(1/3) = 2.678938534707747633… (OEIS A073005), through the reflection formula.
    // Γ(1/3) to 19 digits as published; the double nearest it is what the test compares with.
    // eslint-disable-next-line no-loss-of-precision
    [1 / 3, Math.log(2.678938534707747633), 'Γ(1/3) = 2.6789385347…', 2e-15],
    // Γ(0.1) = Γ(1.1)/0.1 with Γ(1.1) = 0.9513507699 (Abramowitz & Stegun, Table 6.1, ten digits).
    [0.1, Math.log(0.9513507699 / 0.1), 'Γ(0.1) = 10·Γ(1.1)', 1e-10],
  ];
  for (const [x, expected, why, tolerance] of known) {
    it(`ln Γ(${Number(x.toFixed(6))}) matches ${why}`, () => assertClose(lnGamma(x), expected, tolerance, why));
  }

  it('matches ln(99!) = Σ ln k for k = 2…99 at x = 100', () => {
    let logFactorial = 0;
    for (let k = 2; k <= 99; k++) logFactorial += Math.log(k);
    assertClose(lnGamma(100), logFactorial, 1e-14, 'ln 99!');
  });

  it("matches Stirling's series at x = 10⁶, where its first omitted term is below 1e-30", () => {
    // ln Γ(x) = (x − ½)ln x − x + ½ln 2π + 1/(12x) − 1/(360x³) + …
    const x = 1e6;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
    assertClose(lnGamma(x), stirling, 1e-15, 'Stirling at 1e6');
  });

  it('refuses arguments at or below zero and non-finite ones', () => {
    for (const x of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => lnGamma(x), QuantityError, String(x));
  });

  describe('ln Γ(x + a) − ln Γ(x)', () => {
    it('is ln x for a = 1, since Γ(x + 1) = x·Γ(x), from x = 0.3 to 10¹²', () => {
      for (const x of [0.3, 1, 7.5, 1e3, 1e6, 1e12]) assertClose(lnGammaDifference(x, 1), Math.log(x), 1e-14, `x = ${x}`);
    });

    it('agrees with the difference of two ln Γ where neither is large', () => {
      for (const [x, a] of [
        [3, 0.3],
        [0.7, 2.5],
        [40, 0.5],
      ])
        assertClose(lnGammaDifference(x, a), lnGamma(x + a) - lnGamma(x), 1e-13, `x = ${x}, a = ${a}`);
    });

    it('keeps its digits at x = 10¹², where a direct difference of ln Γ ≈ 2.7e13 keeps about two', () => {
      // ln Γ(x + a) − ln Γ(x) = a·ln x + a(a − 1)/(2x) + O(1/x²): 0.3·ln 1e12 − 0.105e-12.
      const x = 1e12;
      const a = 0.3;
      const expected = a * Math.log(x) + (a * (a - 1)) / (2 * x);
      assertClose(lnGammaDifference(x, a), expected, 1e-14, 'asymptotic');
      assert.ok(Math.abs(lnGamma(x + a) - lnGamma(x) - expected) > 1e-6, 'the direct difference really does lose digits');
    });
  });
});
