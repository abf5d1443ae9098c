import * as assert from 'node:assert/strict';
import type { ComputeOptimalData } from '../../../src/language/output/resultData';
import { dataOf, evaluateLast } from '../helpers';

/** The notes of the only result of a one-cell notebook. */
function notesOf(cell: string): string[] {
  const evaluation = evaluateLast(cell);
  assert.equal(evaluation.results.length, 1, evaluation.diagnostics.map((d) => d.message).join(' | '));
  return [...evaluation.results[0].notes];
}

describe('language/output: notes a reviewer needs next to the numbers', () => {
  it('optimal under kaplan cites the C_min convention and says its losses are not comparable with the other laws', () => {
    const notes = notesOf('optimal compute=3.14e23 law=kaplan').join('\n');
    assert.match(notes, /C_min = C\/2 .*Sec\. 6\.3.*Hoffmann et al\. 2022, App\. D\.4/);
    assert.match(notes, /kaplan2020 on WebText2; .* on MassiveText/);
    assert.match(notes, /N = 311B is 2\.3 decades above the largest model kaplan2020 was fitted on/);
  });

  it("optimal under epoch names each law's text beside the other laws' losses, and no extrapolation inside the range", () => {
    const evaluation = evaluateLast('optimal compute=1e20 law=epoch');
    // The other-laws table shows kaplan (WebText2) and muennighoff (C4) beside the MassiveText laws.
    assert.match(evaluation.results[0].notes.join('\n'), /besiroglu2024, .* on MassiveText/);
    assert.deepEqual((dataOf(evaluation.results[0], 'optimal') as ComputeOptimalData).extrapolation, []);
  });

  it('check of a catalog model under kaplan says N counts non-embedding parameters', () => {
    assert.match(notesOf('check gpt-3 law=kaplan').join('\n'), /non-embedding parameters/);
  });

  it('check of an MoE model labels the verdict a dense-equivalent assumption', () => {
    const evaluation = evaluateLast('check deepseek-v3');
    const text = evaluation.results[0].notes.join('\n');
    assert.match(text, /Dense-equivalent assumption/);
    assert.match(text, /mixture-of-experts \(671B total, 37B active\)/);
    assert.match(evaluation.results[0].tables[0].rows[0].at(-1)!, /\(dense-equivalent\)$/);
  });

  it('check states the efficiency at the edges of the near-optimal band under the active law (≈ 90% under epoch)', () => {
    const note = notesOf('check chinchilla').find((line) => line.startsWith('"Near compute-optimal"'))!;
    const [fewer, more] = [...note.matchAll(/([\d.]+)% \(/g)].map((match) => Number(match[1]));
    assert.ok(fewer > 88 && fewer < 92 && more > 88 && more < 92, note);
    assert.match(note, /under besiroglu2024/);
  });

  it('plot frontier with kaplan and epoch warns about loss scales and says where each line extrapolates', () => {
    const notes = notesOf('plot frontier laws=epoch,kaplan compute=1e18..1e26').join('\n');
    assert.match(notes, /not comparable in absolute value/);
    assert.match(notes, /besiroglu2024 is within the runs it was fitted on only from about [\d.e]+ to 1e22 FLOP/);
    assert.match(notes, /kaplan2020 is within the runs it was fitted on only from about 1e18 to/);
  });
});

describe('language/output: which compute figure an answer used', () => {
  it("optimal gopher uses Gopher's reported 5.76e23 FLOP, not 6ND = 5.04e23, and says so", () => {
    const evaluation = evaluateLast('optimal gopher');
    const result = evaluation.results[0];
    assert.equal((result.data as { compute: number }).compute, 5.76e23);
    const figure = /gopher's reported training compute, 5\.76e23 FLOP \(Hoffmann et al\. 2022.*6·N·D would give 5\.04e23/;
    assert.match(result.notes.join('\n'), figure);
  });

  it('a model without a reported figure says it used 6·N·D', () => {
    const notes = evaluateLast('optimal llama-3-8b').results[0].notes.join('\n');
    assert.match(notes, /Compute: 6·N·D = 7\.2e23 FLOP for llama-3-8b \(the catalog has no reported/);
    // A declared model shadows the catalog's: its compute is its own 6·N·D, 6·280e9·300e9 = 5.04e23.
    const declared = evaluateLast('model gopher params=280B tokens=300B\noptimal gopher').results.at(-1)!;
    assert.equal((declared.data as { compute: number }).compute, 5.04e23);
    assert.match(declared.notes.join('\n'), /Compute: 6·N·D = 5\.04e23 FLOP for gopher \(a declared model/);
  });
});
