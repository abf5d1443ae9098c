import * as assert from 'node:assert/strict';
import { assessModel, findCatalogModel, findPresetLaw, type VerdictLabel } from '../../src/core';

function verdictFor(modelId: string, lawName: string) {
  const model = findCatalogModel(modelId)!;
  return assessModel(findPresetLaw(lawName)!, { params: model.params, activeParams: model.activeParams, tokens: model.tokens });
}

describe('core/verdict', () => {
  it('writes the ratio to the optimum as people read it, never a raw double', () => {
    const epoch = findPresetLaw('epoch')!;
    // 1e40 parameters on 1e3 tokens: D/N = 1e-37 against an optimum of a few tokens per parameter at 6e43 FLOP (Epoch's
    // D/N drifts with compute, since a ≠ b): some 1e37–1e38× fewer, written in scientific notation to 3 figures.
    const under = assessModel(epoch, { params: 1e40, tokens: 1e3 }).explanation;
    assert.match(under, /^\d(\.\d{1,2})?e3[78]× fewer tokens per parameter/);
    // Gopher, 280B on 300B tokens: D/N 1.07 against Epoch's optimum, 3 significant figures at most.
    const gopher = assessModel(epoch, { params: 280e9, tokens: 300e9 }).explanation;
    assert.match(gopher, /^\d+(\.\d)?× fewer tokens per parameter than the optimum \(\d+(\.\d)? tokens\/parameter\)/);
    for (const text of [under, gopher]) assert.doesNotMatch(text, /\d{7,}|e\+|\.\d{4,}/);
  });

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
