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
    // 1e20 FLOP under epoch: the curve runs 30× either side of N_opt = 854M; at 25.6B, D/N = 22.8/900 = 0.0254 is
    // log10(0.3125/0.0254) = 1.09 decades below the smallest D/N Hoffmann et al.'s stated N and D allow.
    const [note] = rangeNotesOf('plot isoflop compute=1e20 laws=epoch');
    assert.match(note, /^besiroglu2024 extrapolates up to 1\.1 decades beyond the data it was fitted on, N 70M–16B/);
    assert.match(
      note,
      /\(Hoffmann et al\. 2022's runs as reconstructed by Besiroglu et al\. 2024, Sec\. 2\): its curves are faded there\.$/,
    );
  });

  it('plot loss-vs-tokens inside the data says nothing; beyond it, how far', () => {
    // N = 1B on 5B–500B tokens: C 3e19–3e21 FLOP and D/N 5–500, all inside.
    assert.deepEqual(rangeNotesOf('plot loss-vs-tokens params=1B tokens=5B..500B laws=epoch'), []);
    // N = 1B on up to 50T tokens: D log10(50T/500B) = 2, C = 3e23 is log10(30) = 1.48 above 1e22, D/N = 50,000 is
    // log10(50,000/7143) = 0.85 above: 2 decades.
    const [note] = rangeNotesOf('plot loss-vs-tokens params=1B tokens=5B..50T laws=epoch');
    assert.match(note, /^besiroglu2024 extrapolates up to 2 decades beyond the data .*: its curve is faded there\.$/);
  });

  it('plot loss-vs-params notes each law that leaves its data', () => {
    // D = 300B on N = 100M–10T under epoch: C = 1.8e25 at 10T, log10(1800) = 3.26 decades above 1e22.
    const notes = rangeNotesOf('plot loss-vs-params tokens=300B params=100M..10T laws=epoch,chinchilla');
    assert.equal(notes.length, 2);
    assert.match(notes[0], /^besiroglu2024 extrapolates up to 3\.3 decades/);
    assert.match(notes[1], /^hoffmann2022 extrapolates up to 3\.3 decades/);
  });
});
