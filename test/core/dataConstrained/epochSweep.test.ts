import * as assert from 'node:assert/strict';
import { findPresetLaw, QuantityError } from '../../../src/core';
import { epochSweep } from '../../../src/core/dataConstrained';

const muennighoff = findPresetLaw('muennighoff2023')!;

describe('core/dataConstrained/epochSweep', () => {
  it('at a fixed budget the model shrinks as the epochs grow: 1e24 FLOP over 500B at 4 epochs is 83.33B × 2T', () => {
    // D = 4 × 500B = 2T; N = C/(6D) = 1e24/(6 × 2e12) = 83.333B.
    const [run] = epochSweep(muennighoff, 500e9, { compute: 1e24 }, [4]);
    assert.equal(run.tokens, 2e12);
    assert.ok(Math.abs(run.params / 83.3333e9 - 1) < 1e-6);
    assert.equal(run.epochs, 4);
  });

  it('at a fixed model size the tokens grow: 8B over 50B at 40 epochs is the 2T worked example', () => {
    // D = 40 × 50B = 2T; the loss lost to repetition is 0.035612 (repetitionLoss.test.ts).
    const [run] = epochSweep(muennighoff, 50e9, { params: 8e9 }, [40]);
    assert.equal(run.params, 8e9);
    assert.equal(run.tokens, 2e12);
    assert.ok(Math.abs(run.repetitionLoss - 0.035612) < 2e-6);
  });

  it('refuses epochs, budgets and unique tokens that are not positive', () => {
    assert.throws(() => epochSweep(muennighoff, 500e9, { compute: 1e24 }, [0]), QuantityError);
    assert.throws(() => epochSweep(muennighoff, 500e9, { compute: -1 }, [1]), QuantityError);
    assert.throws(() => epochSweep(muennighoff, 0, { params: 8e9 }, [1]), QuantityError);
  });
});
