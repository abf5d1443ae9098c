import * as assert from 'node:assert/strict';
import { findPresetLaw, QuantityError } from '../../src/core';
import { epochsChart } from '../../src/charts';
import { constrainedAllocation, estimateRepetition } from '../../src/core/dataConstrained';
import { lawWithHoles } from './lawStubs';
import { assertValidVegaLite, datasetWhere, relativeDifference, renderHeadless } from './vegaLiteKit';

const muennighoff = findPresetLaw('muennighoff2023')!;

describe('charts/epochsChart', () => {
  describe('at a fixed compute budget', () => {
    const chart = epochsChart({ law: muennighoff, uniqueTokens: 500e9, fixed: { compute: 1e24 }, epochs: [1, 64], points: 7 });
    const curves = datasetWhere(chart.spec, (row) => 'series' in row && !('label' in row));
    const repeated = curves.filter((row) => row.series === 'repeating 500B unique tokens');
    const fresh = curves.filter((row) => row.series === 'every token fresh');

    it('sweeps epochs 1, 2, 4 … 64 with N = C/(6D) and D = epochs × 500B', () => {
      // 7 points over 1..64 in log space: ratios of 64^(1/6) = 2.
      assert.deepEqual(
        repeated.map((row) => Math.round(row.epochs as number)),
        [1, 2, 4, 8, 16, 32, 64],
      );
      for (const row of curves) {
        assert.ok(relativeDifference(row.tokens as number, (row.epochs as number) * 500e9) < 1e-12);
        assert.ok(relativeDifference(6 * (row.params as number) * (row.tokens as number), 1e24) < 1e-12);
      }
    });

    it("draws the data-constrained loss and the same run's fresh-data loss", () => {
      for (const [index, row] of repeated.entries()) {
        const estimate = estimateRepetition(muennighoff, {
          params: row.params as number,
          tokens: row.tokens as number,
          uniqueTokens: 500e9,
        });
        assert.equal(row.loss, estimate.loss);
        assert.equal(row.effectiveTokens, estimate.effectiveTokens);
        assert.equal(fresh[index].loss, estimate.freshLoss);
      }
      // One epoch is all fresh: the curves meet there and part as the repeats pile up.
      assert.equal(repeated[0].loss, fresh[0].loss);
      assert.ok((repeated[6].loss as number) - (fresh[6].loss as number) > (repeated[3].loss as number) - (fresh[3].loss as number));
    });

    it('marks the best run with repeats at the constrained optimum, and labels it', () => {
      const markers = datasetWhere(chart.spec, (row) => 'label' in row && 'series' in row);
      const { best } = constrainedAllocation(muennighoff, 1e24, 500e9);
      assert.equal(markers[0].epochs, best.epochs);
      assert.equal(markers[0].loss, best.loss);
      assert.ok(repeated.every((row) => (row.loss as number) >= best.loss));
      assert.equal(markers[0].label, `best: 78.1B × 4.27 epochs`);
    });

    it('rules off 4 epochs and the 36.4 epochs where a repeat is worth a tenth of a fresh token', () => {
      // 1 + 15.387756 × ln 10 = 1 + 15.387756 × 2.302585 = 36.4316.
      const rules = datasetWhere(chart.spec, (row) => 'top' in row);
      assert.deepEqual(
        rules.map((row) => row.epochs === 4 || Math.abs((row.epochs as number) - 36.4316) < 1e-4),
        [true, true],
      );
    });

    it('validates and renders through the CSP-safe interpreter with its labels', async () => {
      assertValidVegaLite(chart.spec);
      const { texts } = await renderHeadless(chart.spec);
      for (const label of [
        'Epochs over the unique data D/U',
        '4 epochs: repeats ≈ fresh',
        'a repeat is worth 10% of a fresh token',
        'best: 78.1B × 4.27 epochs',
        'every token fresh',
      ]) {
        assert.ok(texts.includes(label), `missing label ${label}`);
      }
      assert.equal(chart.fileName, 'epochs-500b-unique-1e24');
    });
  });

  describe('at a fixed model size', () => {
    const chart = epochsChart({ law: muennighoff, uniqueTokens: 50e9, fixed: { params: 8e9 }, points: 9 });

    it('keeps N, grows D, and has no optimum to mark', () => {
      const curves = datasetWhere(chart.spec, (row) => 'series' in row);
      assert.ok(curves.every((row) => row.params === 8e9));
      assert.equal(curves.filter((row) => 'label' in row).length, 0);
      assert.match((chart.spec.title as { text: string }).text, /fixed model size/);
    });

    it('sweeps half an epoch to 100 by default, each point the run of N = 8B on epochs × 50B', () => {
      const repeated = datasetWhere(chart.spec, (row) => 'series' in row).filter((row) => row.series === 'repeating 50B unique tokens');
      assert.equal(repeated[0].epochs, 0.5);
      assert.equal(repeated[repeated.length - 1].epochs, 100);
      // 100 epochs of 50B: 8B on 5T tokens.
      assert.equal(
        repeated[repeated.length - 1].loss,
        estimateRepetition(muennighoff, { params: 8e9, tokens: 5e12, uniqueTokens: 50e9 }).loss,
      );
    });
  });

  it('counts samples where the law gives no loss as dropped', () => {
    const holes = lawWithHoles(muennighoff, (_params, tokens) => tokens > 6e12);
    const chart = epochsChart({ law: holes, uniqueTokens: 500e9, fixed: { params: 8e9 }, epochs: [1, 100], points: 5 });
    // Samples at 1, 3.16, 10, 31.6 and 100 epochs, D = 0.5T, 1.58T, 5T, 15.8T, 50T. Fresh runs see D:
    // the last two have no loss. Repeated runs see D′ = 500B·(1 + 15.387756·(1 − e^(−R_D/15.387756))):
    // 3.91T at 10 epochs, 7.14T at 31.6 and 8.18T at 100, so again the last two. 2 + 2 dropped.
    assert.equal(chart.droppedPoints, 4);
  });

  it('refuses unique tokens that are not positive', () => {
    assert.throws(() => epochsChart({ law: muennighoff, uniqueTokens: 0, fixed: { compute: 1e24 } }), QuantityError);
  });
});
