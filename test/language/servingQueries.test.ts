import * as assert from 'node:assert/strict';
import { computeOptimalAllocation, findPresetLaw, hardwareBudget, inferenceAwareOptimum } from '../../src/core';
import { completionsAt } from '../../src/language/completionItems';
import type { DiagnosticCode } from '../../src/language/diagnostics';
import { payloadToText } from '../../src/language/output/payloadText';
import { assertDiagnostics, evaluateLast, onlyResultData } from './helpers';

const epoch = findPresetLaw('epoch')!;
const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);
const CLUSTER = 'budget cluster gpus=2048 gpu=H100 days=60 mfu=40% price=$2.50/h';

describe('language/servingQueries', () => {
  describe('optimal … serve=', () => {
    it('answers for a target loss: the inference-aware model beside the Chinchilla-optimal one', () => {
      const data = onlyResultData('optimal loss=1.95 serve=2T');
      const expected = inferenceAwareOptimum(epoch, 1.95, 2e12);
      assert.equal(data.law, 'besiroglu2024');
      assert.equal(data.inferenceTokens, 2e12);
      assert.equal(data.inferenceAware.params, expected.params);
      assert.equal(data.inferenceAware.tokens, expected.trainTokens);
      assert.equal(data.chinchilla.totalFlops, expected.chinchilla.totalFlops);
      assert.equal(data.saving.fraction, expected.savingFraction);
      assert.equal(data.saving.flops, expected.chinchilla.totalFlops - expected.totalFlops);
      assert.equal(data.inferenceAware.cost, undefined);
    });

    it('matches the worked example under the printed Chinchilla constants', () => {
      // Loss 2.0, serving 4.65 × (410.7/0.1)^(1/0.28) = 3.7402e13 tokens: the optimum puts A/N^α = 0.21
      // and B/D^β = 0.10, N = (406.4/0.21)^(1/0.34) = 4.6437e9 (see core/inference tests).
      const data = onlyResultData('law chinchilla', 'optimal loss=2 serve=3.7402e13');
      assert.ok(relative(data.inferenceAware.params, 4.6437e9) < 1e-4, String(data.inferenceAware.params));
      assert.ok(relative(data.chinchilla.params, 1.5303e10) < 1e-4);
      assert.ok(Math.abs(data.saving.fraction - 0.5449) < 1e-4);
    });

    it('shows a table of both models with the saving, and cites Sardana et al. 2023', () => {
      const [result] = evaluateLast('optimal loss=1.95 serve=2T').results;
      const [table] = result.tables;
      assert.deepEqual(table.columns, ['model', 'N', 'D', 'D/N', 'train FLOP', 'inference FLOP', 'total FLOP', 'saving']);
      assert.deepEqual(
        table.rows.map((row) => row[0]),
        ['Chinchilla-optimal', 'inference-aware'],
      );
      // 1 − 1.8554e24 / 1.9231e24 = 3.52% (core numbers for Epoch's refit at loss 1.95, 2T served).
      assert.equal(table.rows[1].at(-1), '3.52%');
      assert.ok(result.notes.some((note) => /Sardana et al\. 2023/.test(note)));
      assert.match(payloadToText(result), /1\.32× smaller model trained on 1\.36× more tokens/);
    });

    it('answers for a priced budget: the target is its compute-optimal loss, and FLOPs become dollars', () => {
      const evaluation = evaluateLast(CLUSTER, 'optimal cluster serve=10T');
      const [result] = evaluation.results;
      const data = result.data as any;
      const booking = hardwareBudget({ accelerators: 2048, accelerator: 'H100', hours: 1440, mfu: 0.4, pricePerHour: 2.5 });
      assert.equal(data.targetLoss, computeOptimalAllocation(epoch, booking.compute).loss);
      assert.equal(data.budget.compute, booking.compute);
      // $2.50 / (989e12 FLOP/s × 0.4 × 3600 s) per FLOP.
      const perFlop = 2.5 / (989e12 * 0.4 * 3600);
      assert.ok(relative(data.costPerFlop, perFlop) < 1e-12);
      assert.ok(relative(data.inferenceAware.cost, data.inferenceAware.totalFlops * perFlop) < 1e-12);
      assert.ok(relative(data.saving.cost, data.saving.flops * perFlop) < 1e-12);
      assert.ok(result.tables[0].columns.includes('cost'));
      assert.ok(result.notes.some((note) => /compute-optimal model of cluster/.test(note)));
      assert.ok(result.notes.some((note) => /price ÷ \(peak × MFU × 3600\)/.test(note)));
    });

    it("reports FLOPs only for an unpriced budget, compute=, and a model's own compute", () => {
      const unpriced = onlyResultData('budget b compute=1e24', 'optimal b serve=1T');
      assert.equal(unpriced.inferenceAware.cost, undefined);
      assert.equal(unpriced.targetLoss, computeOptimalAllocation(epoch, 1e24).loss);
      assert.equal(onlyResultData('optimal compute=1e24 serve=1T').targetLoss, unpriced.targetLoss);
      assert.equal(onlyResultData('optimal gopher serve=1T').budget.compute, 5.76e23); // reported, not 6ND
    });

    it('answers under law= for that line', () => {
      assert.equal(onlyResultData('optimal loss=2 serve=1T law=chinchilla').law, 'hoffmann2022');
    });
  });

  describe('plot inference-cost', () => {
    it('draws FLOPs for a loss, dollars for a priced budget, with the comparison table', () => {
      const [flops] = evaluateLast('plot inference-cost loss=1.95 serve=2T').results;
      assert.equal(flops.kind, 'plot');
      assert.ok(JSON.stringify(flops.chart!.spec).includes('"field":"totalFlops"'));
      assert.deepEqual(
        flops.tables[0].rows.map((row) => row[0]),
        ['Chinchilla-optimal', 'inference-aware'],
      );
      const [dollars] = evaluateLast(CLUSTER, 'plot inference-cost cluster serve=10T points=9').results;
      assert.ok(JSON.stringify(dollars.chart!.spec).includes('"field":"cost"'));
    });

    it('sweeps a given params= range and counts the sizes that cannot reach the loss', () => {
      const [result] = evaluateLast('plot inference-cost loss=1.95 serve=2T params=1e9..1e12 points=10').results;
      // Epoch's refit needs N > (482.01/0.1331)^(1/0.3478) ≈ 1.7e10 for loss 1.95: 1e9, 2.15e9, 4.6e9 and 1e10 cannot.
      assert.equal(result.chart!.droppedPoints, 4);
    });
  });

  describe('errors, located', () => {
    const cases: Array<[string | string[], DiagnosticCode]> = [
      ['optimal params=20B serve=2T', 'invalid-value'],
      ['optimal loss=1.95 serve=2T law=kaplan', 'invalid-value'],
      [['law kaplan', 'optimal loss=2.5 serve=2T'], 'invalid-value'],
      ['optimal loss=1.5 serve=2T', 'invalid-value'],
      ['optimal loss=1.95 serve=-2T', 'invalid-value'],
      ['optimal loss=1.95 serve=lots', 'unknown-name'],
      ['plot inference-cost serve=2T', 'missing-property'],
      ['plot inference-cost loss=1.95', 'missing-property'],
      ['plot inference-cost loss=1.95 serve=2T laws=epoch,chinchilla', 'invalid-value'],
      ['plot inference-cost compute=1e20..1e24 serve=2T', 'invalid-value'],
      ['plot inference-cost gopher chinchilla serve=1T', 'syntax'],
      ['plot inference-cost loss=1.95 compute=1e24 serve=1T', 'invalid-value'],
      ['plot inference-cost gopher loss=1.95 serve=1T', 'invalid-value'],
    ];
    for (const [input, code] of cases) {
      it(`${JSON.stringify(input)} → ${code}`, () => {
        assertDiagnostics(input, code);
      });
    }

    it('points at law= when the law has no training tokens for a loss', () => {
      const [diagnostic] = assertDiagnostics('optimal loss=1.95 serve=2T law=kaplan', 'invalid-value').diagnostics;
      assert.deepEqual(diagnostic.span, { line: 0, start: 31, end: 37 });
      assert.match(diagnostic.message, /not of the Chinchilla form/);
    });
  });

  it('offers serve= in completions after optimal', () => {
    const offered = completionsAt(['optimal loss=1.95 '], 0, { line: 0, column: 18 }).map((entry) => entry.label);
    assert.ok(
      offered.some((label) => label.startsWith('serve')),
      offered.join(', '),
    );
  });
});
