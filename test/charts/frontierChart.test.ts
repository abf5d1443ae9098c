import * as assert from 'node:assert/strict';
import { computeOptimalAllocation, findPresetLaw, PRESET_LAWS, QuantityError } from '../../src/core';
import { frontierChart } from '../../src/charts';
import { lawWithHoles } from './lawStubs';
import { datasetWhere, inlineDatasets, renderHeadless } from './vegaLiteKit';

const epoch = findPresetLaw('epoch')!;
const gopher = { name: 'Gopher 280B', params: 280e9, tokens: 300e9 };
const deepseek = { name: 'DeepSeek-V3', params: 671e9, activeParams: 37e9, tokens: 14.8e12 };

describe('charts/frontierChart', () => {
  const chart = frontierChart({ laws: [epoch], compute: [1e20, 1e25], models: [gopher, deepseek], points: 21 });
  const rows = datasetWhere(chart.spec, (row) => !('model' in row));
  // The first point beyond the fitted range is repeated under the earlier range so the two parts join.
  const frontier = rows.filter((row, index) => index === rows.length - 1 || row.compute !== rows[index + 1].compute);
  const models = datasetWhere(chart.spec, (row) => 'model' in row);

  it("draws the frontier solid within Epoch's fitted runs (up to 1e22 FLOP) and dashed beyond, joined at the boundary", () => {
    for (const row of frontier) {
      const beyond = computeOptimalAllocation(epoch, row.compute as number).extrapolation.length > 0;
      assert.equal(row.range, beyond ? 'extrapolated' : 'within the fitted runs', String(row.compute));
    }
    assert.equal(frontier[0].range, 'within the fitted runs');
    assert.equal(frontier[20].range, 'extrapolated');
    const joint = rows.filter((row) => rows.filter((other) => other.compute === row.compute).length === 2);
    assert.deepEqual(
      joint.map((row) => row.range),
      ['within the fitted runs', 'extrapolated'],
    );
    assert.ok((joint[0].compute as number) > 1e22 && (joint[0].compute as number) < 1e22 * 10 ** 0.25 * 1.0001);
  });

  it("plots computeOptimalAllocation's loss at every budget across the range", () => {
    assert.equal(frontier.length, 21);
    assert.equal(frontier[0].compute, 1e20);
    assert.equal(frontier[20].compute, 1e25);
    for (const row of frontier) {
      const optimum = computeOptimalAllocation(epoch, row.compute as number);
      assert.equal(row.loss, optimum.loss);
      assert.equal(row.params, optimum.params);
    }
  });

  it('puts an undertrained model visibly above the frontier at its own compute', () => {
    const row = models.find((model) => model.model === gopher.name)!;
    assert.equal(row.compute, 6 * 280e9 * 300e9);
    assert.equal(row.frontierLoss, computeOptimalAllocation(epoch, row.compute as number).loss);
    assert.equal(row.loss, epoch.loss(280e9, 300e9));
    // Gopher wastes about half its compute (core/verdict): a gap well above rounding.
    assert.ok((row.loss as number) - (row.frontierLoss as number) > 0.01);
  });

  it('places a mixture-of-experts model by its active parameters', () => {
    const row = models.find((model) => model.model === deepseek.name)!;
    assert.equal(row.compute, 6 * 37e9 * 14.8e12);
    assert.equal(row.loss, epoch.loss(37e9, 14.8e12));
  });

  it('labels the compute axis in powers of ten and the models by name', async () => {
    const { texts } = await renderHeadless(chart.spec);
    for (const label of [
      '1e20',
      '1e21',
      '1e25',
      'Gopher 280B',
      'DeepSeek-V3',
      'Training compute C (FLOP)',
      'Predicted loss L (nats/token)',
    ]) {
      assert.ok(texts.includes(label), `missing label ${label}`);
    }
  });

  it('draws each model once per law but names it once, above its highest point', () => {
    const several = frontierChart({ laws: PRESET_LAWS, compute: [1e20, 1e25], models: [gopher, deepseek] });
    // Datasets of models, in layer order: gap rules, points, labels.
    const modelDatasets = inlineDatasets(several.spec).filter((rows) => rows.every((row) => 'model' in row));
    const [points, labels] = modelDatasets.slice(-2);
    assert.deepEqual(
      points.filter((row) => row.model === gopher.name).map((row) => row.law),
      PRESET_LAWS.map((law) => law.name),
    );
    assert.deepEqual(
      labels.map((row) => row.model),
      [gopher.name, deepseek.name],
    );
    for (const label of labels) {
      const losses = points.filter((row) => row.model === label.model).map((row) => row.loss as number);
      assert.equal(label.loss, Math.max(...losses));
    }
  });

  it('drops and counts models and frontier points a log axis cannot show', () => {
    const holes = lawWithHoles(epoch, (params) => params > 1e11);
    const broken = frontierChart({
      laws: [holes],
      compute: [1e20, 1e25],
      points: 11,
      models: [gopher, { name: 'no tokens', params: 7e9, tokens: 0 }, { name: 'unknown size', params: Number.NaN, tokens: 1e12 }],
    });
    const plotted = datasetWhere(broken.spec, (row) => !('model' in row));
    const lost = 11 - plotted.length;
    assert.ok(lost > 0 && plotted.every((row) => Number.isFinite(row.loss)));
    // Gopher (280B) falls in the hole too, and the other two models have no compute.
    assert.equal(broken.droppedPoints, lost + 3);
  });

  it('refuses a chart without a law', () => {
    assert.throws(() => frontierChart({ laws: [], compute: [1e20, 1e25] }), QuantityError);
  });
});
