import * as assert from 'node:assert/strict';
import { QuantityError } from '../../../src/core';
import {
  effectiveTokens,
  epochs,
  epochsUntilWorth,
  EXHAUSTED_TOKEN_WORTH,
  NEGLIGIBLE_LOSS_EPOCHS,
  repeatedTokenWorth,
  uniqueTokensSeen,
} from '../../../src/core/dataConstrained';

describe('core/dataConstrained/effectiveTokens', () => {
  it('epochs are D/U_D: 2T from 500B is 4 passes, 300B from 500B is 0.6', () => {
    assert.equal(epochs(2e12, 500e9), 4);
    assert.equal(epochs(300e9, 500e9), 0.6);
  });

  it('a run shorter than one epoch sees only D unique tokens and repeats none', () => {
    assert.deepEqual(uniqueTokensSeen(300e9, 500e9), { unique: 300e9, repetitions: 0 });
    assert.deepEqual(uniqueTokensSeen(2e12, 500e9), { unique: 500e9, repetitions: 3 });
  });

  it('worked example: 4 epochs of 500B are worth 1.862837T fresh tokens', () => {
    // R_D = 2T/500B − 1 = 3; e^(−3/15.387756) = 0.822867; D′ = 500B·(1 + 15.387756 × 0.177133)
    // = 500B × 3.725673 = 1.862837T, 93% of the 2T trained on.
    assert.ok(Math.abs(effectiveTokens(2e12, 500e9) / 1.862837e12 - 1) < 1e-6);
  });

  it('worked example: 40 epochs of 50B are worth only 758.37B', () => {
    // R_D = 2T/50B − 1 = 39; e^(−39/15.387756) = 0.079303; D′ = 50B·(1 + 15.387756 × 0.920697)
    // = 50B × 15.167465 = 758.373B, 38% of the 2T trained on.
    assert.ok(Math.abs(effectiveTokens(2e12, 50e9) / 758.373e9 - 1) < 1e-6);
  });

  it('fresh data is worth itself', () => {
    assert.equal(effectiveTokens(300e9, 500e9), 300e9);
    assert.equal(effectiveTokens(1e12, 1e12), 1e12);
  });

  it('a repeated token is worth e^(−R_D/R_D*) of a fresh one: 82% at 4 epochs, 10% at 36.4', () => {
    // 4 epochs: e^(−3/15.387756) = 0.822867. 10%: 1 + 15.387756 × ln 10 = 1 + 15.387756 × 2.302585 = 36.4316.
    assert.ok(Math.abs(repeatedTokenWorth(4) - 0.822867) < 1e-6);
    assert.equal(repeatedTokenWorth(0.5), 1);
    assert.ok(Math.abs(epochsUntilWorth(0.1) - 36.4316) < 1e-4);
    assert.ok(Math.abs(repeatedTokenWorth(epochsUntilWorth(0.1)) - 0.1) < 1e-12);
  });

  it("4 epochs, where the paper finds repeats negligible, still keep 82% of a token's worth; exhaustion is at a tenth", () => {
    assert.equal(NEGLIGIBLE_LOSS_EPOCHS, 4);
    assert.ok(repeatedTokenWorth(NEGLIGIBLE_LOSS_EPOCHS) > 0.8);
    assert.equal(EXHAUSTED_TOKEN_WORTH, 0.1);
  });

  it('the worth is the slope of D′ in D', () => {
    const step = 1e6;
    const slope = (effectiveTokens(2e12 + step, 500e9) - effectiveTokens(2e12 - step, 500e9)) / (2 * step);
    assert.ok(Math.abs(slope - repeatedTokenWorth(4)) < 1e-5);
  });

  it('refuses token counts that are not positive', () => {
    assert.throws(() => epochs(1e12, 0), QuantityError);
    assert.throws(() => effectiveTokens(-1, 1e9), QuantityError);
  });
});
