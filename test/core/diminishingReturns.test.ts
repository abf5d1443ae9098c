import * as assert from 'node:assert/strict';
import { computeOptimalAllocation, diminishingReturns, findPresetLaw } from '../../src/core';

describe('core/diminishingReturns', () => {
  it('steps the frontier in 10× decades: loss at C and at 10·C', () => {
    const epoch = findPresetLaw('epoch')!;
    const { decades } = diminishingReturns(epoch, 1e20, 1e23);
    assert.deepEqual(
      decades.map((decade) => decade.compute),
      [1e20, 1e21, 1e22],
    );
    assert.equal(decades[0].loss, computeOptimalAllocation(epoch, 1e20).loss);
    assert.equal(decades[2].nextLoss, computeOptimalAllocation(epoch, 1e23).loss);
    assert.equal(decades[1].improvement, decades[1].loss - decades[1].nextLoss);
  });

  it('printed Chinchilla: each decade buys 10^(−αβ/(α+β)) = 10^(−0.34·0.28/0.62) = 70.2% of the previous one', () => {
    // αβ/(α+β) = 0.0952/0.62 = 0.153548; 10^−0.153548 = e^(−0.153548 × 2.302585) = e^−0.353557 = 0.70219:
    // the reducible loss keeps 70.2% per decade.
    const { decades, improvementRatio } = diminishingReturns(findPresetLaw('chinchilla')!, 1e20, 1e26);
    assert.ok(Math.abs(improvementRatio - 0.70219) < 5e-5, String(improvementRatio));
    for (const decade of decades) assert.ok(Math.abs(decade.reducibleShare - (1 - 0.70219)) < 5e-5);
    assert.equal(decades.length, 6);
  });

  it('rejects a range shorter than one 10× step', () => {
    assert.throws(() => diminishingReturns(findPresetLaw('epoch')!, 1e20, 5e20), /at least one 10× step/);
  });
});
