import * as assert from 'node:assert/strict';
import type { InferenceAwareData } from '../../../src/language/output/resultData';
import { dataOf, evaluateLast } from '../helpers';

function answer(cell: string): { data: InferenceAwareData; notes: readonly string[] } {
  const [result] = evaluateLast(cell).results.filter((payload) => payload.kind === 'optimal');
  return { data: dataOf(result, 'optimal') as InferenceAwareData, notes: result.notes };
}

describe('language/output/inferenceAwarePayload: notes a reviewer needs', () => {
  it('says when the inference-aware model needs more training than the budget holds, and by how much', () => {
    // 1,024 H100s for 30 days at 40% MFU: 1024 · 30 · 86,400 s · 989e12 FLOP/s · 0.4 = 1.05e24 FLOP.
    const booking = 'budget b gpus=1024 gpu=H100 days=30 mfu=40%';
    const { data, notes } = answer(`${booking}\noptimal b serve=10T`);
    const overrun = data.inferenceAware.trainFlops / (1024 * 30 * 86_400 * 989e12 * 0.4);
    assert.ok(overrun > 1.1, `trains ${overrun}× the booking`);
    const note = notes.find((text) => text.startsWith('Training it takes'));
    assert.match(note ?? '', new RegExp(`, ${overrun.toPrecision(3).replace('.', '\\.')}× b: more than it holds`));
    // Serving little keeps the model at the Chinchilla optimum, within the booking: no such note.
    assert.ok(!answer(`${booking}\noptimal b serve=1B`).notes.some((text) => text.startsWith('Training it takes')));
  });

  it('says a negligible saving in words instead of "1× smaller … 1× more tokens"', () => {
    // Loss 1.83 needs a ~90T-parameter model; serving 1T tokens is 2·N·1e12 against 6·N·D with D ≈ 1.2P: about 0.03%.
    const { notes } = answer('optimal loss=1.83 serve=1T');
    const trade = notes.find((text) => text.startsWith('Serving 1T tokens'))!;
    assert.match(trade, /^Serving 1T tokens is 0\.0\d+% of the Chinchilla-optimal model's lifetime FLOPs, too little to matter/);
    assert.doesNotMatch(trade, /\b1× smaller/);
    assert.match(answer('optimal compute=1e24 serve=10T').notes.join(' '), /× smaller model trained on [\d.]+× more tokens/);
  });

  it('warns when the target loss lies within 2 standard errors of E (Epoch: SE 0.026)', () => {
    // E = 1.8169: 1.83 is 0.0131 above it, under 2 · 0.026 = 0.052; 2.0 is 0.183 above it.
    assert.ok(
      answer('optimal loss=1.83 serve=1T').notes.some((text) => /only 0\.0131 above E = 1\.8169, within 2 standard errors/.test(text)),
    );
    assert.ok(!answer('optimal loss=2.0 serve=1T').notes.some((text) => /standard errors of E/.test(text)));
    // A law without published standard errors has nothing to compare against.
    assert.ok(!answer('law chinchilla\noptimal loss=1.70 serve=1T').notes.some((text) => /standard errors of E/.test(text)));
  });
});
