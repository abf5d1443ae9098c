import * as assert from 'node:assert/strict';
import { evaluateLast } from './helpers';

/** The notes of a plot that say how far it extrapolates. */
function rangeNotesOf(cell: string): string[] {
  const evaluation = evaluateLast(cell);
  const [result] = evaluation.results;
  assert.deepEqual(evaluation.diagnostics, []);
  assert.ok(result.chart, `${cell} drew no chart`);
  return result.notes.filter((note) => /extrapolates up to/.test(note));
}

describe("language/plots: notes on what lies beyond a law's data", () => {
  it('plot isoflop says how far its curves reach, per law, naming the range and source', () => {
    // 1e20 FLOP under epoch: the curve runs 30× either side of N_opt = 854M; at 28.5M, D = 1e20/(6·28.5M) = 585B and
    // D/N = 20,500 is log10(20,500/341) = 1.78 decades above the largest D/N of the 240 runs Epoch fit
    // (bench/epoch_data_range.py), further than N (log10(57.3M/28.5M) = 0.30) or D (log10(585B/318B) = 0.26).
    const [note] = rangeNotesOf('plot isoflop compute=1e20 laws=epoch');
    assert.match(note, /^besiroglu2024 extrapolates up to 1\.8 decades beyond the data it was fitted on, N 57\.3M–16\.2B/);
    assert.match(
      note,
      /\(the 240 runs of Hoffmann et al\. 2022's Fig\. 4 that Besiroglu et al\. 2024 fit, Sec\. 2\): its curves are faded there\.$/,
    );
  });

  it('plot loss-vs-tokens inside the data says nothing; beyond it, how far', () => {
    // N = 1B on 5B–300B tokens: C 3e19–1.8e21 FLOP and D/N 5–300, all inside Epoch's runs (D ≤ 318B, D/N ≤ 341).
    assert.deepEqual(rangeNotesOf('plot loss-vs-tokens params=1B tokens=5B..300B laws=epoch'), []);
    // N = 1B on up to 50T tokens: D log10(50T/318B) = 2.20, C = 3e23 is log10(3e23/1.3e22) = 1.36 above, D/N = 50,000
    // is log10(50,000/341) = 2.17 above: 2.2 decades.
    const [note] = rangeNotesOf('plot loss-vs-tokens params=1B tokens=5B..50T laws=epoch');
    assert.match(note, /^besiroglu2024 extrapolates up to 2\.2 decades beyond the data .*: its curve is faded there\.$/);
  });

  it('plot loss-vs-params notes each law that leaves its data', () => {
    // D = 300B on N = 100M–10T: C = 1.8e25 at 10T is log10(1.8e25/1.3e22) = 3.14 decades above both laws' largest
    // budget, further than N (log10(10T/16.2B) = 2.79) or D/N (epoch: log10(3000/341) = 0.94 at 100M).
    const notes = rangeNotesOf('plot loss-vs-params tokens=300B params=100M..10T laws=epoch,chinchilla');
    assert.equal(notes.length, 2);
    assert.match(notes[0], /^besiroglu2024 extrapolates up to 3\.1 decades/);
    assert.match(notes[1], /^hoffmann2022 extrapolates up to 3\.1 decades/);
  });
});
