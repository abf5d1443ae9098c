import * as assert from 'node:assert/strict';
import { computeOptimalAllocation, findPresetLaw, PRESET_LAWS } from '../../src/core';
import { lawComparisonChart } from '../../src/charts';
import { lawVariant } from './lawStubs';
import { datasetWhere, lineStyles, renderHeadless } from './vegaLiteKit';

describe('charts/lawComparisonChart', () => {
  const chart = lawComparisonChart({ laws: PRESET_LAWS, compute: [1e18, 1e26], points: 9 });

  it("plots every law's compute-optimal N and D at each budget", () => {
    const rows = datasetWhere(chart.spec, (row) => 'law' in row);
    // Distinct budgets per law: the first point beyond a law's fitted range is drawn under both ranges.
    assert.equal(new Set(rows.map((row) => `${row.law} ${row.compute}`)).size, PRESET_LAWS.length * 9);
    for (const law of PRESET_LAWS) {
      for (const row of rows.filter((optimum) => optimum.law === law.name)) {
        const optimum = computeOptimalAllocation(law, row.compute as number);
        assert.deepEqual([row.params, row.tokens], [optimum.params, optimum.tokens]);
      }
    }
  });

  it('tells parameters from tokens by dash, laws by colour, in the legends', async () => {
    const { texts } = await renderHeadless(chart.spec);
    for (const label of ['Parameters N', 'Tokens D', 'Law', ...PRESET_LAWS.map((law) => law.name)]) {
      assert.ok(texts.includes(label), `missing legend label ${label}`);
    }
  });

  it("fades the lines beyond a law's runs to 0.4, and keeps the points that carry tooltips invisible", async () => {
    const one = lawComparisonChart({ laws: [findPresetLaw('epoch')!], compute: [1e18, 1e26], points: 9 });
    assert.deepEqual(new Set((await lineStyles(one.spec)).map((style) => style.opacity)), new Set(['1', '0.4']));
    const { svg } = await renderHeadless(one.spec);
    const dataPoints = [...svg.matchAll(/<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)<\/g>/g)].map((match) => match[1]);
    const opacities = dataPoints.flatMap((group) => [...group.matchAll(/ opacity="([^"]*)"/g)].map((match) => match[1]));
    assert.ok(opacities.length > 0);
    assert.deepEqual(new Set(opacities), new Set(['0']));
  });

  it('drops and counts budgets where a law has no optimum to show', () => {
    const epoch = findPresetLaw('epoch')!;
    const holes = lawVariant(epoch, { optimalParams: (compute) => (compute > 3e22 ? 0 : epoch.optimalParams!(compute)) });
    const broken = lawComparisonChart({ laws: [holes], compute: [1e18, 1e26], points: 9 });
    // The budgets 1e23 … 1e26 get a zero-parameter optimum.
    assert.equal(broken.droppedPoints, 4);
  });
});
