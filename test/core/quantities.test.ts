import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  FLOP_PER_PF_DAY,
  QuantityError,
  formatCount,
  formatFlops,
  formatPfDays,
  formatScientific,
  parseCount,
  parseFlops,
  parseFraction,
  parsePricePerHour,
} from '../../src/core/quantities';

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
      assert.throws(() => parseCount(bad, 'parameters'), (error: unknown) => {
        assert.ok(error instanceof QuantityError);
        assert.match(error.message, /parameters/);
        return true;
      });
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

  it('formats FLOPs and PF-days; 1 PF-day is 8.64e19 FLOP', () => {
    assert.equal(FLOP_PER_PF_DAY, 8.64e19);
    assert.equal(formatScientific(5.76e23), '5.76e23');
    assert.equal(formatFlops(1e21), '1e21 FLOP');
    assert.equal(formatPfDays(8.64e19), '1 PF-day');
    assert.equal(parseFlops('1 PF-day'), 8.64e19);
    assert.equal(parseFlops('2 pf-days'), 2 * 8.64e19);
    assert.equal(parseFlops('5.76e23 FLOP'), 5.76e23);
  });

  it('parses fractions and prices', () => {
    assert.equal(parseFraction('40%'), 0.4);
    assert.equal(parseFraction('0.4'), 0.4);
    assert.throws(() => parseFraction('140%'), /between 0% and 100%/);
    assert.throws(() => parseFraction('0'), /between/);
    assert.equal(parsePricePerHour('$2.50/h'), 2.5);
    assert.equal(parsePricePerHour('2.5'), 2.5);
    assert.throws(() => parsePricePerHour('two dollars'), /price/);
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
