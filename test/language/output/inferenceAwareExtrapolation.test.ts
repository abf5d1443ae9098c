import * as assert from 'node:assert/strict';
import type { InferenceAwareData } from '../../../src/language/output/resultData';
import { dataOf, evaluateLast } from '../helpers';

/**
 * An `optimal … serve=` answer's data and notes under the default law, besiroglu2024, fitted on 240 runs spanning
 * N 57.3M–16.2B, D 819M–318B, C 1.4e18–1.3e22 FLOP and D/N 0.456–341 (bench/epoch_data_range.py).
 */
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
    // bench/inference_extrapolation_reference.py (scipy): N = 0.62B inside, D = 1.977T is ×6.2 the largest 318B
    // (log10 = 0.79), C = 7.3e21 inside, D/N = 3191 is ×9.4 the largest 341 (0.97 decades); the Chinchilla-optimal
    // model (≈2.8B on ≈60B tokens, D/N ≈ 21) is inside on every axis.
    assert.ok(data.chinchilla.tokens < 3.18e11 && data.inferenceAware.tokens > 3.18e11);
    assert.equal(data.extrapolation.length, 2);
    assert.match(
      data.extrapolation[0],
      /^D = 1\.98T tokens is 0\.79 decades \(×6\.2\) above the largest token count besiroglu2024 was fitted on \(318B tokens;/,
    );
    assert.match(data.extrapolation[1], /^D\/N = 3\.19K is 0\.97 decades \(×9\.4\) above the largest tokens per parameter/);
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
