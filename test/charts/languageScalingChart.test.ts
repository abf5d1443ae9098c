import * as assert from 'node:assert/strict';
import { isoLossExponents } from '../../src/core';
import { languageScalingChart } from '../../src/charts';
import { itFollowsChartBasics } from './chartBasics';
import { channels, datasetWhere, renderHeadless } from './vegaLiteKit';

describe('charts/languageScalingChart', () => {
  const chart = languageScalingChart({ fromLanguages: 8, toLanguages: 32, points: 9 });
  itFollowsChartBasics(chart);

  it('draws the four factors as r^exponent from 8 to 32 languages, and labels them at 32', () => {
    const curves = datasetWhere(chart.spec, (row) => 'series' in row && 'languages' in row && !('factorText' in row));
    assert.equal(curves.length, 4 * 9);
    const atEnd = curves.filter((row) => Math.abs((row.languages as number) - 32) < 1e-9);
    // r = 4: 4^0.243 ≈ 1.4006, 4^0.728 ≈ 2.7435, 4^−0.272 ≈ 0.6859, 4^0.971 ≈ 3.8424.
    assert.deepEqual(
      atEnd.map((row) => Number((row.factor as number).toFixed(4))),
      [1.4006, 2.7435, 0.6859, 3.8424],
    );
  });

  it('uses log scales, language ticks at the doublings, and a reference line at 1×', async () => {
    const x = channels(chart.spec).find(({ channel }) => channel === 'x')!.definition;
    assert.equal((x.scale as { type: string }).type, 'log');
    assert.deepEqual((x.axis as { values: number[] }).values, [8, 16, 32]);
    const { texts } = await renderHeadless(chart.spec);
    assert.ok(
      ['8', '16', '32', '1×', '2.74×', '3.84×'].every((text) => texts.includes(text)),
      texts.join(' | '),
    );
  });

  it('follows exponents derived from a law', () => {
    const exponents = isoLossExponents(0.34, 0.28);
    const steeper = languageScalingChart({ fromLanguages: 8, toLanguages: 16, exponents });
    assert.match((steeper.spec.title as { subtitle: string }).subtitle, /N ∝ r\^0\.324, D ∝ r\^0\.857/);
  });
});
