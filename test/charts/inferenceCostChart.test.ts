import * as assert from 'node:assert/strict';
import { findPresetLaw, inferenceAwareOptimum, lossTarget, smallestParamsForLoss } from '../../src/core';
import { inferenceCostChart } from '../../src/charts';
import { assertValidVegaLite, channels, datasetWhere, relativeDifference, renderHeadless } from './vegaLiteKit';

const epoch = findPresetLaw('epoch')!;

describe('charts/inferenceCostChart', () => {
  const chart = inferenceCostChart({ law: epoch, targetLoss: 1.95, inferenceTokens: 2e13, points: 21 });
  const curve = datasetWhere(chart.spec, (row) => !('model' in row));
  const optima = datasetWhere(chart.spec, (row) => 'model' in row);
  const optimum = inferenceAwareOptimum(epoch, 1.95, 2e13);

  it('draws lifetime FLOPs 6·N·D(N) + 2·N·D_inference of models that all reach the loss', () => {
    assert.equal(curve.length, 21);
    for (const row of curve) {
      const [params, tokens] = [row.params as number, row.tokens as number];
      assert.ok(Math.abs(epoch.loss(params, tokens) - 1.95) < 1e-9);
      assert.ok(relativeDifference(row.totalFlops as number, 6 * params * tokens + 2 * params * 2e13) < 1e-12);
      assert.equal(row.trainingOnly, row.trainFlops);
    }
  });

  it('marks the inference-aware and the Chinchilla-optimal model, the first lower on the curve', () => {
    assert.deepEqual(
      optima.map((row) => row.model),
      ['inference-aware', 'Chinchilla-optimal'],
    );
    const [aware, compute] = optima;
    assert.equal(aware.params, optimum.params);
    assert.equal(compute.params, optimum.chinchilla.params);
    assert.ok((aware.totalFlops as number) < (compute.totalFlops as number));
    assert.ok(curve.every((row) => (row.totalFlops as number) >= (aware.totalFlops as number)));
    const ys = channels(chart.spec).filter(({ channel }) => channel === 'y');
    assert.deepEqual([...new Set(ys.map(({ definition }) => definition.field))].sort(), ['totalFlops', 'trainingOnly']);
  });

  it('shows dollars when given a cost per FLOP', async () => {
    // At $1.7554e-18 per FLOP (an H100 at 40% MFU for $2.50/h), the optimum's cost is its FLOPs × that.
    const priced = inferenceCostChart({ law: epoch, targetLoss: 1.95, inferenceTokens: 2e13, costPerFlop: 1.7554e-18, points: 5 });
    const [aware] = datasetWhere(priced.spec, (row) => 'model' in row);
    assert.ok(relativeDifference(aware.cost as number, optimum.totalFlops * 1.7554e-18) < 1e-12);
    assert.ok(channels(priced.spec).some(({ channel, definition }) => channel === 'y' && definition.field === 'cost'));
    assert.match((priced.spec.title as { text: string }).text, /cost/);
    const { texts } = await renderHeadless(priced.spec);
    assert.ok(
      texts.some((text) => /^\$\d+M$/.test(text)),
      texts.join(' | '),
    );
  });

  it('validates, renders under the CSP with readable labels, and names the file after the question', async () => {
    assertValidVegaLite(chart.spec);
    const { texts } = await renderHeadless(chart.spec);
    assert.ok(texts.includes('inference-aware') && texts.includes('Chinchilla-optimal'), texts.join(' | '));
    assert.ok(
      texts.some((text) => /^1e2\d$/.test(text)),
      texts.join(' | '),
    );
    assert.equal(chart.fileName, 'inference-cost-besiroglu2024-loss-1.95-20t-served');
  });

  it('drops and counts the sizes of a given range that can never reach the loss', () => {
    const smallest = smallestParamsForLoss(lossTarget(epoch, 1.95));
    const wide = inferenceCostChart({
      law: epoch,
      targetLoss: 1.95,
      inferenceTokens: 2e13,
      params: [smallest / 100, smallest * 100],
      points: 9,
    });
    // Sizes smallest × 100^(k/4 − 1) for k = 0…8: k = 0…4 are at or below the smallest size.
    assert.equal(wide.droppedPoints, 5);
  });

  it('refuses a law without training tokens for a loss', () => {
    assert.throws(
      () => inferenceCostChart({ law: findPresetLaw('kaplan')!, targetLoss: 2.5, inferenceTokens: 1e12 }),
      /not of the Chinchilla form/,
    );
  });
});
