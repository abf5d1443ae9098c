import * as assert from 'node:assert/strict';
import { assessModel, findCatalogModel, findPresetLaw, type VerdictLabel } from '../../src/core';

function verdictFor(modelId: string, lawName: string) {
  const model = findCatalogModel(modelId)!;
  return assessModel(findPresetLaw(lawName)!, { params: model.params, activeParams: model.activeParams, tokens: model.tokens });
}

describe('core/verdict', () => {
  for (const lawName of ['hoffmann2022', 'hoffmann2022-precise', 'epoch']) {
    it(`${lawName}: Gopher is undertrained and Llama 3 8B overtrained`, () => {
      assert.equal(verdictFor('gopher', lawName).label, 'undertrained' satisfies VerdictLabel);
      assert.equal(verdictFor('llama-3-8b', lawName).label, 'overtrained' satisfies VerdictLabel);
    });
  }

  it('epoch: Chinchilla is near compute-optimal, with almost no compute wasted', () => {
    const verdict = verdictFor('chinchilla', 'epoch');
    assert.equal(verdict.label, 'near compute-optimal');
    assert.ok(verdict.computeEfficiency > 0.99);
    assert.ok(Math.abs(verdict.tokensPerParam - 20) < 1e-9);
  });

  it("kaplan2020 favours bigger models: Chinchilla looks overtrained under Kaplan's frontier", () => {
    const verdict = verdictFor('chinchilla', 'kaplan2020');
    assert.equal(verdict.label, 'overtrained');
    assert.ok(verdict.optimal.tokensPerParam < 1);
  });

  it("Gopher wastes about half its compute under Epoch's refit", () => {
    const verdict = verdictFor('gopher', 'epoch');
    assert.ok(verdict.computeEfficiency > 0.4 && verdict.computeEfficiency < 0.6, String(verdict.computeEfficiency));
    assert.ok(verdict.lossGap > 0);
  });

  it('uses active parameters for compute and D/N of a mixture-of-experts model', () => {
    const verdict = verdictFor('deepseek-v3', 'epoch');
    assert.equal(verdict.compute, 6 * 37e9 * 14.8e12);
    assert.equal(verdict.tokensPerParam, 14.8e12 / 37e9);
    assert.equal(verdict.params, 671e9);
  });

  it('rejects impossible models with clear messages', () => {
    const law = findPresetLaw('epoch')!;
    assert.throws(() => assessModel(law, { params: 0, tokens: 1e12 }), /parameters must be greater than zero/);
    assert.throws(() => assessModel(law, { params: 7e9, tokens: -1 }), /tokens must be greater than zero/);
    assert.throws(() => assessModel(law, { params: 7e9, activeParams: 8e9, tokens: 1e12 }), /cannot exceed total parameters/);
  });

  it('mentions that over-training is often deliberate', () => {
    assert.match(verdictFor('llama-3-8b', 'epoch').explanation, /deliberate/);
  });
});
