import * as assert from 'node:assert/strict';
import { bestTournament } from '../../src/core';
import { tournamentChart } from '../../src/charts';
import { datasetWhere, renderHeadless } from './vegaLiteKit';

describe('charts/tournamentChart', () => {
  const rates = { generate: 0.3, compare: 0.7 };
  const chart = tournamentChart({ rates, calls: [1, 10000], marked: 1000, points: 5 });
  const rows = datasetWhere(chart.spec, (row) => 'series' in row);

  it("draws each budget's best bound and its two terms", () => {
    const bounds = rows.filter((row) => String(row.series).startsWith('P(wrong)'));
    assert.deepEqual(
      bounds.map((row) => row.calls),
      [1, 10, 100, 1000, 10000],
    );
    for (const row of bounds) assert.equal(row.failureBound, bestTournament(rates, row.calls as number).bound);
  });

  it('leaves out the selection term of one candidate, which is 0 on a log axis', () => {
    // 1 call buys one candidate and no comparison: ⌈log₂ 1⌉ = 0 rounds. At 10 calls one candidate
    // (0.7) still beats two with K = 4 (0.7² + e^(−2·4·0.04) = 0.49 + 0.726 = 1.216).
    assert.equal(bestTournament(rates, 1).selectionTerm, 0);
    assert.equal(bestTournament(rates, 10).candidates, 1);
    assert.equal(chart.droppedPoints, 2);
  });

  it('marks the budget asked about', async () => {
    const [marker] = datasetWhere(chart.spec, (row) => 'label' in row);
    assert.deepEqual(marker, { calls: 1000, label: '1K calls' });
    const { texts } = await renderHeadless(chart.spec);
    assert.ok(texts.includes('1K calls') && texts.includes('10K'), texts.join(' | '));
    assert.ok(!JSON.stringify(tournamentChart({ rates, calls: [1, 100], marked: 1000 }).spec).includes('"label"'));
  });
});
