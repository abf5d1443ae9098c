import * as assert from 'node:assert/strict';
import { computeOptimalAllocation, findPresetLaw, PRESET_LAWS } from '../../src/core';
import { RULE_OF_THUMB_TOKENS_PER_PARAM, tokensPerParamChart } from '../../src/charts';
import { channels, datasetWhere, renderHeadless } from './vegaLiteKit';

const kaplan = findPresetLaw('kaplan')!;
const llama3 = { name: 'Llama 3 8B', params: 8e9, tokens: 15e12 };
const deepseek = { name: 'DeepSeek-V3', params: 671e9, activeParams: 37e9, tokens: 14.8e12 };

describe('charts/tokensPerParamChart', () => {
  const chart = tokensPerParamChart({ laws: PRESET_LAWS, compute: [1e19, 1e26], models: [llama3, deepseek], points: 9 });

  it("plots each law's optimal D/N at every budget", () => {
    const optima = datasetWhere(chart.spec, (row) => 'law' in row);
    // Distinct budgets per law: the first point beyond a law's fitted range is drawn under both ranges.
    assert.equal(new Set(optima.map((row) => `${row.law} ${row.compute}`)).size, PRESET_LAWS.length * 9);
    for (const law of PRESET_LAWS) {
      for (const row of optima.filter((optimum) => optimum.law === law.name)) {
        assert.equal(row.tokensPerParam, computeOptimalAllocation(law, row.compute as number).tokensPerParam);
      }
    }
  });

  it('plots models at D over active N', () => {
    const models = datasetWhere(chart.spec, (row) => 'model' in row);
    assert.deepEqual(
      models.map((row) => [row.model, row.tokensPerParam]),
      [
        [llama3.name, 15e12 / 8e9],
        [deepseek.name, 14.8e12 / 37e9],
      ],
    );
  });

  it('draws the 20 tokens/parameter rule of thumb, inside the axis even when no law comes near it', async () => {
    const lowRatios = tokensPerParamChart({ laws: [kaplan], compute: [1e24, 1e26] });
    assert.deepEqual(
      datasetWhere(lowRatios.spec, (row) => !('law' in row)),
      [{ tokensPerParam: RULE_OF_THUMB_TOKENS_PER_PARAM }],
    );
    const y = channels(lowRatios.spec).find(({ channel }) => channel === 'y')!.definition as { scale: { domain: number[] } };
    assert.ok(y.scale.domain[0] < 20 && y.scale.domain[1] > 20);
    const { texts } = await renderHeadless(lowRatios.spec);
    assert.ok(texts.includes('20 tokens/parameter rule of thumb'));
  });

  it('drops and counts a model with no tokens', () => {
    const broken = tokensPerParamChart({
      laws: [kaplan],
      compute: [1e20, 1e22],
      models: [llama3, { name: 'empty', params: 1e9, tokens: -1 }],
    });
    assert.equal(broken.droppedPoints, 1);
    assert.deepEqual(
      datasetWhere(broken.spec, (row) => 'model' in row).map((row) => row.model),
      [llama3.name],
    );
  });
});
