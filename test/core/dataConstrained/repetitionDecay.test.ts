import * as assert from 'node:assert/strict';
import { QuantityError } from '../../../src/core';
import { decayedValue, MUENNIGHOFF_2023_DECAY } from '../../../src/core/dataConstrained';

describe('core/dataConstrained/repetitionDecay', () => {
  it('carries the released constants R_D* = 15.387756 and R_N* = 5.309743', () => {
    assert.deepEqual(MUENNIGHOFF_2023_DECAY, { repeatedTokens: 15.387756, excessParams: 5.309743 });
  });

  it('worked example: 3 repeats of 500B with R* = 15.387756 are worth 1.362837T more', () => {
    // 3/15.387756 = 0.194960; e^(−0.194960) = 0.822867; 15.387756 × (1 − 0.822867) = 2.725673;
    // 500B × (1 + 2.725673) = 1.862837T.
    assert.ok(Math.abs(decayedValue(500e9, 3, 15.387756) / 1.862837e12 - 1) < 1e-6);
  });

  it('is U without repeats, grows by about one U per repeat early on, and never passes U·(1 + R*)', () => {
    assert.equal(decayedValue(1e9, 0, 10), 1e9);
    // 1 repeat with R* = 1000: 1000 × (1 − e^(−0.001)) = 0.9995 → 1.9995 U.
    assert.ok(Math.abs(decayedValue(1e9, 1, 1000) / 1.9995e9 - 1) < 1e-6);
    assert.ok(decayedValue(1e9, 1e6, 10) <= 11e9);
    assert.ok(decayedValue(1e9, 1e6, 10) > 10.999e9);
  });

  it('treats negative repetitions (less than one pass) as none', () => {
    assert.equal(decayedValue(1e9, -0.5, 10), 1e9);
  });

  it('refuses counts and constants that are not positive', () => {
    assert.throws(() => decayedValue(0, 1, 10), QuantityError);
    assert.throws(() => decayedValue(1e9, 1, 0), QuantityError);
  });
});
