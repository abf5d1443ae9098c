import * as assert from 'node:assert/strict';
import { assertDiagnostics, evaluateLast } from './helpers';

describe('language/evaluator/epochsPlot', () => {
  it('plot epochs at a budget: the chart, a table at doubling epochs and the best run', () => {
    const [result] = evaluateLast('law muennighoff2023', 'plot epochs unique=500B compute=1e24').results;
    assert.equal(result.kind, 'plot');
    assert.equal(result.chart?.fileName, 'epochs-500b-unique-1e24');
    const table = result.tables[0];
    assert.deepEqual(
      table.rows.map((row) => row[0]),
      ['1 epoch', '2 epochs', '4 epochs', '8 epochs', '16 epochs', '32 epochs', '64 epochs', 'best (4.27 epochs)'],
    );
    // 4 epochs of 500B at 1e24 FLOP: D = 2T, N = 1e24/(6 × 2T) = 83.3B.
    assert.deepEqual(table.rows[2].slice(1, 3), ['83.3B', '2T']);
    // One epoch is all fresh: nothing lost.
    assert.equal(table.rows[0][table.rows[0].length - 1], '+0.0000');
    assert.ok(result.notes.some((note) => /Up to 4 epochs repeats cost little.*from 36\.4 epochs/.test(note)));
  });

  it('plot epochs at a model size, a budget name, and an epoch range', () => {
    const [bySize] = evaluateLast('plot epochs params=8B unique=50B epochs=2..16').results;
    assert.deepEqual(
      bySize.tables[0].rows.map((row) => row[0]),
      ['2 epochs', '4 epochs', '8 epochs', '16 epochs'],
    );
    assert.match((bySize.chart!.spec.title as { text: string }).text, /fixed model size/);
    const [byName] = evaluateLast('budget run compute=1e24', 'plot epochs run unique=500B').results;
    assert.equal(byName.chart?.fileName, 'epochs-500b-unique-1e24');
  });

  for (const [input, code] of [
    ['plot epochs compute=1e24', 'missing-property'],
    ['plot epochs unique=500B', 'missing-property'],
    ['plot epochs unique=500B compute=1e24 params=8B', 'invalid-value'],
    ['plot epochs unique=500B compute=1e22..1e24', 'invalid-value'],
    ['plot epochs unique=500B params=8B epochs=10..2', 'invalid-value'],
    ['plot epochs unique=500B params=8B laws=epoch,chinchilla', 'invalid-value'],
    ['plot epochs nowhere unique=500B', 'unknown-name'],
    ['plot epochs unique=0 params=8B', 'invalid-value'],
  ] as const) {
    it(`"${input}" → ${code}`, () => {
      assertDiagnostics(input, code);
    });
  }
});
