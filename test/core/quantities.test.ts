import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  FLOP_PER_PF_DAY,
  FractionRangeError,
  QuantityError,
  describeFraction,
  parseCount,
  parseFlops,
  parseFraction,
  fractionRangeMessage,
} from '../../src/core/quantities';
import { formatCount, formatFlops, formatPercent, formatPfDays, formatRatio, formatScientific } from '../../src/core/numberFormat';

describe('core/quantities', () => {
  it('parses counts with suffixes, exponents and underscores', () => {
    assert.equal(parseCount('70B'), 70e9);
    assert.equal(parseCount('1.4T'), 1.4e12);
    assert.equal(parseCount('1.4e12'), 1.4e12);
    assert.equal(parseCount('1_000'), 1000);
    assert.equal(parseCount('7k'), 7000);
    assert.equal(parseCount('2.5M'), 2.5e6);
    assert.equal(parseCount('3P'), 3e15);
    assert.equal(parseCount(' 175e9 '), 175e9);
  });

  for (const bad of ['0', '-1B', 'NaN', 'abc', '', '1.2.3', '1e999', 'B']) {
    it(`rejects "${bad}" with a clear QuantityError`, () => {
      assert.throws(
        () => parseCount(bad, 'parameters'),
        (error: unknown) => {
          assert.ok(error instanceof QuantityError);
          assert.match(error.message, /parameters/);
          return true;
        },
      );
    });
  }

  it('formats counts with the largest fitting suffix', () => {
    assert.equal(formatCount(70e9), '70B');
    assert.equal(formatCount(1.4e12), '1.4T');
    assert.equal(formatCount(999.96e9), '1T');
    assert.equal(formatCount(6.7e9), '6.7B');
    assert.equal(formatCount(512), '512');
    assert.equal(formatCount(2e20), '2e20');
  });

  it('formats ratios to three significant digits, with a count suffix from 1,000 as the D/N axis does', () => {
    // 15T / 8B = 1875: 1.88K says it is rounded, where 1880 would read as an exact ratio; 243P / 17.4B ≈ 1.4e7.
    assert.deepEqual(
      [20.04, 17.94, 999.4, 999.6, 15e12 / 8e9, 1.4e7].map((value) => formatRatio(value)),
      ['20', '17.9', '999', '1K', '1.88K', '14M'],
    );
    assert.equal(formatPercent(15), '1500%'); // percentages stay plain
  });

  it('formats FLOPs and PF-days; 1 PF-day is 8.64e19 FLOP', () => {
    assert.equal(FLOP_PER_PF_DAY, 8.64e19);
    assert.equal(formatScientific(5.76e23), '5.76e23');
    // Plain from 1 to 999 (6 FLOP, not 6e0); 999.6 rounds to 1000 at three digits, so it is 1e3.
    assert.deepEqual(
      [6, 120, -42, 999.6, 0.5].map((value) => formatScientific(value)),
      ['6', '120', '-42', '1e3', '5e-1'],
    );
    assert.equal(formatFlops(1e21), '1e21 FLOP');
    assert.equal(formatPfDays(8.64e19), '1 PF-day');
    assert.equal(formatPfDays(8.64e19 * 1.0001), '1 PF-day'); // printed as 1, so singular
    assert.equal(formatPfDays(8.64e19 * 2), '2 PF-days');
    assert.equal(parseFlops('1 PF-day'), 8.64e19);
    assert.equal(parseFlops('2 pf-days'), 2 * 8.64e19);
    assert.equal(parseFlops('5.76e23 FLOP'), 5.76e23);
  });

  it('shows a fraction back as a percentage, and a bare number above 1 as written with a hint', () => {
    assert.equal(describeFraction(0.4), '40%');
    assert.equal(describeFraction(0.07), '7%');
    assert.equal(describeFraction(1.5, 'percent'), '150%');
    assert.equal(describeFraction(40), '40 (as a fraction that is 4000%)');
    assert.throws(() => parseFraction('40', 'MFU'), {
      name: 'QuantityError',
      message: 'MFU must be between 0% and 100%, got 40 (as a fraction that is 4000%); write 40% or 0.4',
    });
    assert.throws(() => parseFraction('40', 'confidence'), { message: /got 40 \(as a fraction that is 4000%\); write 40% or 0\.4$/ });
    assert.throws(() => parseFraction('-5%', 'p'), { message: 'p must be between 0% and 100%, got -5%' });
    assert.throws(() => parseFraction('150', 'p'), { message: 'p must be between 0% and 100%, got 150 (as a fraction that is 15000%)' });
    assert.ok(new FractionRangeError('p', 5, 'below 100%') instanceof QuantityError);
    assert.equal(fractionRangeMessage('p', 5, 'below 100%', 'percent'), 'p must be below 100%, got 500%');
  });

  it('parses fractions', () => {
    assert.equal(parseFraction('40%'), 0.4);
    assert.equal(parseFraction('0.4'), 0.4);
    assert.throws(() => parseFraction('140%'), { message: 'fraction must be between 0% and 100%, got 140%' });
    assert.throws(() => parseFraction('0'), { message: 'fraction must be between 0% and 100%, got 0%' });
  });

  it('round-trips formatCount → parseCount within the printed precision (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e17, noNaN: true }), (value) => {
        const parsed = parseCount(formatCount(value, 6));
        assert.ok(Math.abs(parsed - value) / value < 1e-5, `${value} → ${formatCount(value, 6)} → ${parsed}`);
      }),
    );
  });

  it('round-trips formatScientific → parseCount (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e40, noNaN: true }), (value) => {
        const parsed = parseCount(formatScientific(value, 8));
        assert.ok(Math.abs(parsed - value) / value < 1e-7);
      }),
    );
  });
});
