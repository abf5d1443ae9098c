import * as assert from 'node:assert/strict';
import { customLaw } from '../../src/core';
import { emergenceChart } from '../../src/charts';
import { datasetWhere, relativeDifference, renderHeadless } from './vegaLiteKit';

/** L = 0.5 + 100/√N + 100/√D: at D = 10⁸ the data term is 100/10⁴ = 0.01. */
const toy = customLaw('toy', { E: 0.5, A: 100, B: 100, alpha: 0.5, beta: 0.5 });

describe('charts/emergenceChart', () => {
  const chart = emergenceChart({
    law: toy,
    settings: { answerTokens: 10, offset: 0.5, training: { kind: 'fixed', tokens: 1e8 } },
    params: [1e4, 1e10],
    threshold: 0.5,
    points: 7,
  });
  const lossRows = datasetWhere(chart.spec, (row) => String(row.series).startsWith('per-token'));
  const exactRows = datasetWhere(chart.spec, (row) => String(row.series).startsWith('exact'));

  it('draws the per-token loss and exact match p^ℓ from the same points', () => {
    assert.deepEqual(
      lossRows.map((row) => row.params),
      exactRows.map((row) => row.params),
    );
    assert.ok(lossRows.every((row, i) => relativeDifference(row.params as number, 10 ** (4 + i)) < 1e-12)); // 10⁴ … 10¹⁰
    // N = 10⁶: L = 0.5 + 0.1 + 0.01 = 0.61; p = e^(−0.11); exact match e^(−1.1) = 0.33287
    const million = exactRows.find((row) => relativeDifference(row.params as number, 1e6) < 1e-12)!;
    assert.ok(relativeDifference(million.loss as number, 0.61) < 1e-12);
    assert.ok(relativeDifference(million.exactMatch as number, Math.exp(-1.1)) < 1e-12);
  });

  it('marks where exact match crosses 50%: N = (100/(ln 2/10 − 0.01))² ≈ 2.84M', async () => {
    const [marker] = datasetWhere(chart.spec, (row) => 'label' in row);
    assert.ok(relativeDifference(marker.params as number, 2842333.6668778043) < 1e-8);
    assert.equal(marker.label, '50% at N = 2.84M');
    const { texts } = await renderHeadless(chart.spec);
    assert.ok(texts.includes('50% at N = 2.84M') && texts.includes('100%') && texts.includes('10B'), texts.join(' | '));
  });

  it('says which law, training rule and definition of p it draws', () => {
    const subtitle = (chart.spec.title as { subtitle: string[] }).subtitle.join(' / ');
    assert.match(subtitle, /toy, every size trained on D = 100M tokens/);
    assert.match(subtitle, /ℓ = 10 answer tokens with p = e\^\(−\(L − 0\.5\)\)/);
    assert.equal(chart.fileName, 'emergence-toy-10-tokens');
  });
});
