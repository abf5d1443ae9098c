import * as assert from 'node:assert/strict';
import { EXAMPLE_MIXTURE_LAW, mixtureLoss, optimalMixture, QuantityError, type MixtureTarget } from '../../src/core';
import { mixtureBarChart, mixtureWeightChart } from '../../src/charts';
import { itFollowsChartBasics } from './chartBasics';
import { channels, datasetWhere, renderHeadless } from './vegaLiteKit';

const targets: MixtureTarget[] = [{ name: 'web', law: EXAMPLE_MIXTURE_LAW, importance: 1 }];
const optimum = optimalMixture(targets, 7e9, 150e9);

describe('charts/mixtureWeightChart', () => {
  const chart = mixtureWeightChart({ targets, params: 7e9, tokens: 150e9, optimum, points: 11 });
  itFollowsChartBasics(chart);

  it("sweeps each domain's weight from 0 to 1, the others rescaled proportionally from the optimum", () => {
    const curves = datasetWhere(chart.spec, (row) => 'domain' in row && 'weight' in row);
    assert.equal(curves.length, 3 * 11);
    const codeAtHalf = curves.find((row) => row.domain === 'code' && row.weight === 0.5)!;
    // code = 0.5; web and books share the other half in the optimum's proportion.
    const [web, , books] = optimum.weights;
    const weights = [(web / (web + books)) * 0.5, 0.5, (books / (web + books)) * 0.5];
    assert.ok(Math.abs((codeAtHalf.loss as number) - mixtureLoss(EXAMPLE_MIXTURE_LAW, 7e9, 150e9, weights)) < 1e-12);
  });

  it('marks the optimum on every line, at the lowest loss each line reaches', () => {
    const marks = datasetWhere(chart.spec, (row) => row.loss === optimum.loss);
    assert.deepEqual(
      marks.map((row) => row.weight),
      optimum.weights,
    );
    const curves = datasetWhere(chart.spec, (row) => 'domain' in row && 'weight' in row && row.loss !== optimum.loss);
    assert.ok(curves.every((row) => (row.loss as number) >= optimum.loss - 1e-12));
  });

  it('puts the weight on a linear percent axis and names the target and scale', async () => {
    const x = channels(chart.spec).find(({ channel }) => channel === 'x')!.definition;
    assert.deepEqual((x.scale as { domain: number[] }).domain, [0, 1]);
    assert.match((chart.spec.title as { subtitle: string }).subtitle, /loss on web · N = 7B, D = 150B/);
    const { texts } = await renderHeadless(chart.spec);
    assert.ok(texts.includes('0%') && texts.includes('100%') && texts.includes('books'), texts.join(' | '));
  });
});

describe('charts/mixtureBarChart', () => {
  const chart = mixtureBarChart({
    domains: optimum.domains,
    mixtures: [
      { name: 'best at 7B', weights: optimum.weights },
      { name: 'equal weights', weights: [1 / 3, 1 / 3, 1 / 3] },
    ],
    title: 'Best mixture',
    subtitle: 'joint law',
  });
  itFollowsChartBasics(chart);

  it('draws one bar per domain and mixture, labelled with its percentage', async () => {
    const rows = datasetWhere(chart.spec, (row) => 'mixture' in row);
    assert.equal(rows.length, 6);
    const { texts } = await renderHeadless(chart.spec);
    assert.ok(texts.includes(`${(optimum.weights[0] * 100).toFixed(1)}%`), texts.join(' | '));
    assert.ok(texts.includes('33.3%'));
  });

  it('refuses a mixture off the simplex', () => {
    assert.throws(
      () => mixtureBarChart({ domains: ['a', 'b'], mixtures: [{ name: 'x', weights: [0.7, 0.7] }], title: 't', subtitle: 's' }),
      QuantityError,
    );
  });
});
