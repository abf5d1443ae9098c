import * as assert from 'node:assert/strict';
import {
  QuantityError,
  dataTermLeft,
  findPresetLaw,
  lossTarget,
  modelForDataShare,
  smallestParamsForLoss,
  trainTokensForLoss,
} from '../../../src/core';

/** Hoffmann et al. 2022's printed constants: E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28. */
const chinchilla = findPresetLaw('chinchilla')!;
const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);

describe('core/inference/lossTarget', () => {
  const target = lossTarget(chinchilla, 2.0);

  it('keeps the reducible loss L − E: 2.0 − 1.69 = 0.31', () => {
    assert.ok(Math.abs(target.reducibleLoss - 0.31) < 1e-12);
  });

  it('gives the training tokens that reach the loss, worked by hand for N = 10B', () => {
    // A/N^α = 406.4 / 1e10^0.34 = 406.4 / 2511.886 = 0.161791; B/D^β = 0.31 − 0.161791 = 0.148209;
    // D = (410.7 / 0.148209)^(1/0.28) = 2771.08^3.5714 = 1.9732e12.
    const tokens = trainTokensForLoss(target, 10e9);
    assert.ok(relative(tokens, 1.9732e12) < 1e-4, String(tokens));
    assert.ok(Math.abs(chinchilla.loss(10e9, tokens) - 2.0) < 1e-12);
    assert.ok(Math.abs(dataTermLeft(target, 10e9) - 0.148209) < 1e-6);
  });

  it('finds the smallest model that can reach the loss: N_min = (406.4/0.31)^(1/0.34) = 1310.97^2.941 = 1.477e9', () => {
    const smallest = smallestParamsForLoss(target);
    assert.ok(relative(smallest, 1.477e9) < 1e-3, String(smallest));
    assert.throws(() => trainTokensForLoss(target, smallest * 0.99), /never reaches loss 2.*needs more than 1\.48B parameters/);
    assert.ok(trainTokensForLoss(target, smallest * 1.01) > 1e15);
  });

  it('splits the reducible loss between the two terms: a data share of 0.17/0.31 is N = 2902.86^(1/0.34), D = 2415.88^(1/0.28)', () => {
    // A/N^α = 0.14 → N = (406.4/0.14)^(1/0.34) = 1.5303e10; B/D^β = 0.17 → D = (410.7/0.17)^(1/0.28) = 1.2090e12.
    const { params, tokens } = modelForDataShare(target, 0.17 / 0.31);
    assert.ok(relative(params, 1.5303e10) < 1e-4, String(params));
    assert.ok(relative(tokens, 1.209e12) < 1e-4, String(tokens));
    assert.ok(Math.abs(chinchilla.loss(params, tokens) - 2.0) < 1e-12);
  });

  it('refuses a loss at or below E, and a law that is not of the Chinchilla form', () => {
    assert.throws(() => lossTarget(chinchilla, 1.69), /not reachable.*E = 1\.6900/);
    assert.throws(() => lossTarget(chinchilla, -1), QuantityError);
    assert.throws(() => lossTarget(findPresetLaw('kaplan')!, 2.5), /Kaplan et al\. 2020 is not of the Chinchilla form.*besiroglu2024/);
  });
});
