import * as assert from 'node:assert/strict';
import type { InferenceAwareData } from '../../../src/language/output/resultData';
import { dataOf, evaluateLast } from '../helpers';

/** An `optimal … serve=` answer's data and notes under the default law (besiroglu2024, fitted on N 70M–16B, D 5B–500B, C 1e18–1e22). */
function servingAnswer(line: string): { data: InferenceAwareData; notes: readonly string[] } {
  const [result] = evaluateLast(line).results;
  return { data: dataOf(result, 'optimal') as InferenceAwareData, notes: result.notes };
}

describe('language/output/inferenceAwarePayload: extrapolation', () => {
  it('is empty inside the runs: 1e21 FLOP, barely served, stays near its optimum (reference script: 2.76B on 60.4B tokens)', () => {
    const { data } = servingAnswer('optimal compute=1e21 serve=1B');
    assert.deepEqual(data.extrapolation, []);
  });

  it("names the inference-aware model's own tokens: serving 3e13 tokens trains about 0.6B on 2T, while the Chinchilla model stays inside", () => {
    const { data, notes } = servingAnswer('optimal compute=1e21 serve=3e13');
    // bench/inference_extrapolation_reference.py (scipy): N = 0.62B, D = 1.977T (×3.95 the largest 500B),
    // C = 7.3e21 and D/N = 3191, both inside; the Chinchilla-optimal model (≈2.8B on ≈60B tokens) is inside on every axis.
    assert.ok(data.chinchilla.tokens < 5e11 && data.inferenceAware.tokens > 5e11);
    assert.equal(data.extrapolation.length, 1);
    assert.match(
      data.extrapolation[0],
      /^D = 1\.98T tokens is 0\.6 decades \(×4\) above the largest token count besiroglu2024 was fitted on \(500B tokens;/,
    );
    for (const sentence of data.extrapolation) assert.ok(notes.includes(sentence), sentence);
  });

  it('says how far beyond the runs a loss close to E takes the model, in the data and the notes alike', () => {
    // besiroglu2024's E = 1.8169: a target of 1.83 leaves 0.013 nats of reducible loss. bench/inference_extrapolation_reference.py
    // (scipy): N = 9.075e13, D = 1.171e15, C = 6.378e29, and D/N = 12.9 inside.
    const { data, notes } = servingAnswer('optimal loss=1.83 serve=1T');
    assert.deepEqual(
      data.extrapolation.map((sentence) => sentence.split(' is ')[0]),
      ['N = 90.7T', 'D = 1.17P tokens', 'C = 6.38e29 FLOP'],
    );
    for (const sentence of data.extrapolation) assert.ok(notes.includes(sentence), sentence);
  });
});
