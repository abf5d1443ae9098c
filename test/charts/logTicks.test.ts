import * as assert from 'node:assert/strict';
import { decadeTicks, lossTicks } from '../../src/charts';
import { extent } from '../../src/charts/logTicks';

describe('charts/logTicks', () => {
  it('labels 1, 2 and 5 in each decade when the data spans two decades or less', () => {
    assert.deepEqual(decadeTicks(7e10, 3e11), { domain: [1e10, 1e12], values: [1e10, 2e10, 5e10, 1e11, 2e11, 5e11, 1e12] });
  });

  it('labels only powers of ten over three decades or more, every other one beyond ten', () => {
    assert.deepEqual(decadeTicks(1e18, 1e26).values, [1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26]);
    assert.deepEqual(decadeTicks(1, 1e15).values, [1, 100, 1e4, 1e6, 1e8, 1e10, 1e12, 1e14]);
  });

  it('treats 6·N·D rounding just above a power of ten as that power', () => {
    // The literal is the double just above 1e21 that 6·N·D rounding produces; ESLint misreads it as imprecise.
    // eslint-disable-next-line no-loss-of-precision
    assert.deepEqual(decadeTicks(1.0000000000000002e21, 1e24).domain, [1e21, 1e24]);
  });

  it('widens a single value to a whole decade', () => {
    assert.deepEqual(decadeTicks(1e21, 1e21).domain, [1e21, 1e22]);
  });

  it('spaces loss ticks evenly at round steps inside a slightly padded extent', () => {
    const ticks = lossTicks(1.9, 3.2);
    assert.deepEqual(ticks.values, [2, 2.25, 2.5, 2.75, 3, 3.25]);
    assert.ok(ticks.domain[0] < 1.9 && ticks.domain[1] > 3.2);
    assert.deepEqual(lossTicks(1.82, 1.95).values, [1.8, 1.85, 1.9, 1.95, 2]);
  });
});

describe('charts/logTicks: values a log axis cannot show', () => {
  it('extent skips zero, negative and non-finite values (zero would tick at 10^−∞)', () => {
    assert.deepEqual(extent([0, -1, 5e-324, 3, Infinity, NaN]), [5e-324, 3]);
    assert.equal(extent([0, -2, NaN]), undefined);
  });

  it('ticks hundreds of decades with at most about ten ticks', () => {
    const ticks = decadeTicks(1e-300, 1e10);
    assert.ok(ticks.values.length <= 12, String(ticks.values.length));
    assert.deepEqual(ticks.domain, [1e-300, 1e10]);
  });
});
