import * as assert from 'node:assert/strict';
import { resolveLaw } from '../../src/core';
import {
  assessDetectedModel,
  detectedModelMarkdown,
  detectedModelPayload,
  detectedModelSummary,
  verdictHint,
  type DetectedModel,
} from '../../src/designDocs';
import { lawVariant } from '../charts/lawStubs';

const epoch = resolveLaw('epoch');
const chinchilla: DetectedModel = { params: 70e9, tokens: 1.4e12, matchedText: '70B parameters trained on 1.4T tokens', source: 'prose' };
const gopher: DetectedModel = { params: 280e9, tokens: 300e9, matchedText: '280B/300B', source: 'slash' };
const deepseek: DetectedModel = {
  params: 671e9,
  activeParams: 37e9,
  tokens: 14.8e12,
  matchedText: 'DeepSeek-V3',
  source: 'catalog',
  name: 'DeepSeek-V3',
};

describe('detected model summaries', () => {
  it('puts the model beside the compute-optimal one at the same compute', () => {
    const payload = detectedModelPayload(chinchilla, epoch);
    assert.equal(payload.title, '70B / 1.4T tokens: near compute-optimal');
    const [table] = payload.tables;
    assert.deepEqual(table.columns, ['', 'as written', 'compute-optimal']);
    const rows = new Map(table.rows.map(([label, ...cells]) => [label, cells]));
    assert.deepEqual(rows.get('N (params)'), ['70B', '73.1B']);
    assert.deepEqual(rows.get('D (tokens)'), ['1.4T', '1.34T']);
    assert.deepEqual(rows.get('D/N'), ['20', '18.3']);
    assert.deepEqual(rows.get('C (FLOP)'), ['5.88e23', '5.88e23']);
    assert.ok(
      table.rows.every((row) => row.every((cell) => cell !== '—')),
      'a column of the shared tables was not found',
    );
  });

  it('says why in a note and keeps the raw numbers in data', () => {
    const payload = detectedModelPayload(gopher, epoch);
    assert.match(payload.title, /undertrained$/);
    assert.match(payload.notes[0], /^undertrained: .*fewer tokens per parameter/);
    assert.equal((payload.data as { compute: number }).compute, 6 * 280e9 * 300e9);
  });

  it('shows total and active parameters for a mixture-of-experts model, under its name', () => {
    const markdown = detectedModelMarkdown(deepseek, epoch);
    assert.match(markdown, /^\*\*DeepSeek-V3 — 671B \(37B active\) \/ 14\.8T tokens: overtrained\*\*/);
    assert.match(markdown, /\| N \(params\) \| 671B \(37B active\) \|/);
    assert.match(markdown, /Over-training is often deliberate/);
  });

  it("summarises in one line for a notification, without a marker inside the law's data", () => {
    // 1B on 20B tokens: N, D, C = 1.2e20 and D/N = 20 all lie inside the 240 runs Epoch fit (57.3M–16.2B, 819M–318B,
    // 1.4e18–1.3e22 FLOP, D/N 0.456–341; bench/epoch_data_range.py).
    const small: DetectedModel = { params: 1e9, tokens: 20e9, matchedText: '1B/20B', source: 'slash' };
    const line = detectedModelSummary(small, epoch);
    assert.match(line, /^1B \/ 20B tokens: D\/N 20, C 1\.2e20 FLOP, near compute-optimal under besiroglu2024; compute-optimal at that /);
    assert.doesNotMatch(line, /extrapolated|decades/);
    assert.doesNotMatch(line, /\n/);
  });

  it("appends how far it extrapolates beyond the law's data, on the furthest axis", () => {
    // By hand: N log10(70B/16.2B) = 0.64, D log10(1.4T/318B) = 0.64, C = 6·70e9·1.4e12 = 5.88e23: log10(5.88e23/1.3e22) = 1.66.
    assert.equal(
      detectedModelSummary(chinchilla, epoch),
      '70B / 1.4T tokens: D/N 20, C 5.88e23 FLOP, near compute-optimal under besiroglu2024; compute-optimal at that compute: ' +
        "73.1B on 1.34T tokens (D/N 18.3) · extrapolated 1.7 decades beyond besiroglu2024's data.",
    );
    // A copy of the law without its fitting range has nothing to mark.
    assert.doesNotMatch(detectedModelSummary(chinchilla, lawVariant(epoch, {})), /extrapolated/);
  });

  it('writes the inline hint, with the same marker only outside the data', () => {
    const small: DetectedModel = { params: 1e9, tokens: 20e9, matchedText: '1B/20B', source: 'slash' };
    assert.equal(verdictHint(assessDetectedModel(small, epoch), epoch), '≈20 tokens/param · near compute-optimal');
    // Gopher: C = 6·280e9·300e9 = 5.04e23, log10(5.04e23/1.3e22) = 1.59 decades above; N log10(280/16.2) = 1.24.
    assert.equal(
      verdictHint(assessDetectedModel(gopher, epoch), epoch),
      "≈1.07 tokens/param · undertrained · extrapolated 1.6 decades beyond besiroglu2024's data",
    );
  });

  it('follows the law it is given', () => {
    assert.match(detectedModelSummary(chinchilla, resolveLaw('kaplan')), /under kaplan2020/);
  });
});
