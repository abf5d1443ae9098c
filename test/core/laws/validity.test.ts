import * as assert from 'node:assert/strict';
import {
  PRESET_VALIDITY,
  assessModel,
  computeOptimalAllocation,
  extrapolationDecades,
  extrapolationNotes,
  findPresetLaw,
  formatDecades,
  runsValidity,
} from '../../../src/core';

const epoch = findPresetLaw('epoch')!;

describe('core/laws/validity', () => {
  it('says by how many decades a model lies beyond the largest the law was fitted on (405B vs 16.2B: log10(405/16.2) = 1.40)', () => {
    const notes = extrapolationNotes('epoch', PRESET_VALIDITY.besiroglu2024, { params: 405e9 });
    assert.equal(notes.length, 1);
    assert.match(notes[0], /^N = 405B is 1\.4 decades above the largest model epoch was fitted on \(16\.2B; /);
  });

  it('says "below" with the factor for less than a decade (10M vs 57.3M: log10(5.73) = 0.76 decades, ×5.7)', () => {
    const [note] = extrapolationNotes('epoch', PRESET_VALIDITY.besiroglu2024, { params: 1e7 });
    assert.match(note, /N = 10M is 0\.76 decades \(×5\.7\) below the smallest model/);
  });

  it('names a mixture-of-experts model by its active parameters, beside its total', () => {
    // DeepSeek-V3: 37B active of 671B; the law sees 37B, log10(37/16.2) = 0.36 decades above Epoch's largest.
    const { extrapolation } = assessModel(epoch, { params: 671e9, activeParams: 37e9, tokens: 14.8e12 });
    assert.match(extrapolation[0], /^N_active = 37B \(of 671B\) is 0\.36 decades \(×2\.3\) above the largest model/);
    assert.match(assessModel(epoch, { params: 405e9, tokens: 15.6e12 }).extrapolation[0], /^N = 405B is/);
  });

  it('uses the singular for one decade and one token (a model exactly 10× the largest; D = 1 vs 819M: log10(8.19e8) = 8.9 decades)', () => {
    const largest = PRESET_VALIDITY.besiroglu2024.params.high!;
    const [model] = extrapolationNotes('epoch', PRESET_VALIDITY.besiroglu2024, { params: largest * 10 });
    assert.match(model, /^N = \S+ is 1 decade above the largest model/);
    const [token] = extrapolationNotes('epoch', PRESET_VALIDITY.besiroglu2024, { tokens: 1 });
    assert.match(token, /^D = 1 token is 8\.9 decades below the smallest token count/);
  });

  it('is empty inside the range (1B parameters on 20B tokens, 1.2e20 FLOP, 20 tokens/parameter)', () => {
    const inside = { params: 1e9, tokens: 2e10, compute: 1.2e20, tokensPerParam: 20 };
    assert.deepEqual(extrapolationNotes('epoch', PRESET_VALIDITY.besiroglu2024, inside), []);
    assert.deepEqual(extrapolationNotes('custom', undefined, { params: 1e15 }), []);
  });

  it('flags each axis of a verdict on its own: Llama 3.1 405B on 15.6T tokens under Epoch', () => {
    // By hand, against the 240 runs Epoch fit (bench/epoch_data_range.py): N log10(405/16.2) = 1.40, D log10(15.6T/318B) = 1.69,
    // C = 6·405e9·15.6e12 = 3.79e25: log10(3.79e25/1.3e22) = 3.46; D/N 38.5 lies inside 0.456–341.
    const { extrapolation } = assessModel(epoch, { params: 405e9, tokens: 15.6e12 });
    assert.equal(extrapolation.length, 3);
    assert.match(extrapolation[0], /N = 405B is 1\.4 decades above/);
    assert.match(extrapolation[1], /D = 15\.6T tokens is 1\.7 decades above/);
    assert.match(extrapolation[2], /C = 3\.79e25 FLOP is 3\.5 decades above/);
  });

  it('flags a 1e28-FLOP budget under every preset with a compute range', () => {
    const { extrapolation } = computeOptimalAllocation(epoch, 1e28);
    assert.ok(
      // log10(1e28 / 1.3e22) = 5.89
      extrapolation.some((note) => /^C = 1e28 FLOP is 5\.9 decades above/.test(note)),
      extrapolation.join('\n'),
    );
  });

  it('measures how far a point lies beyond the range on its furthest axis, 0 inside', () => {
    const hoffmann = PRESET_VALIDITY.hoffmann2022;
    // By hand, Llama 3.1 405B on 15.6T tokens: N 1.40, D 1.49, C log10(3.79e25/1.3e22) = 3.46 decades: the furthest is C.
    const llama = { params: 405e9, tokens: 15.6e12, compute: 6 * 405e9 * 15.6e12, tokensPerParam: 15.6e12 / 405e9 };
    assert.ok(Math.abs(extrapolationDecades(hoffmann, llama) - Math.log10((6 * 405e9 * 15.6e12) / 1.3e22)) < 1e-12);
    // Below the smallest model: 10M against 70M is log10(7) = 0.845 decades.
    assert.ok(Math.abs(extrapolationDecades(hoffmann, { params: 1e7 }) - Math.log10(7)) < 1e-12);
    assert.equal(extrapolationDecades(hoffmann, { params: 1e9, tokens: 2e10, compute: 1.2e20, tokensPerParam: 20 }), 0);
    // A stated bound met to round-off is inside; an unknown range has nothing to measure against.
    assert.equal(extrapolationDecades(hoffmann, { params: 1.6e10 * (1 + 1e-9) }), 0);
    assert.equal(extrapolationDecades(undefined, { params: 1e15 }), 0);
  });

  it('writes decades with the factor below one decade', () => {
    assert.equal(formatDecades(Math.log10(405 / 16)), '1.4 decades');
    assert.equal(formatDecades(Math.log10(7)), '0.85 decades (×7)');
    assert.equal(formatDecades(1), '1 decade');
    assert.equal(formatDecades(Math.log10(10.04)), '1 decade'); // 1.0017 decades, printed as 1
    assert.equal(formatDecades(Math.log10(9.9)), '1 decade (×9.9)'); // 0.9956 decades, printed as 1
  });

  it("a law fitted to the user's runs carries the runs' ranges", () => {
    const validity = runsValidity([
      { params: 1e8, tokens: 2e9 },
      { params: 4e8, tokens: 1e9 },
      { params: 1e9, tokens: 3e10 },
    ]);
    assert.deepEqual(validity.params, { low: 1e8, high: 1e9 });
    assert.deepEqual(validity.tokens, { low: 1e9, high: 3e10 });
    assert.deepEqual(validity.compute, { low: 6 * 1e8 * 2e9, high: 6 * 1e9 * 3e10 });
    assert.deepEqual(validity.tokensPerParam, { low: 2.5, high: 30 });
    assert.match(validity.source, /3 runs/);
  });
});
