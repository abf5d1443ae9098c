import * as assert from 'node:assert/strict';
import { findPresetLaw, PRESET_LAWS } from '../../src/core';
import {
  diminishingReturnsChart,
  epochsChart,
  frontierChart,
  inferenceCostChart,
  isoflopChart,
  lawComparisonChart,
  lossVsParamsChart,
  lossVsTokensChart,
  tokensPerParamChart,
  tournamentChart,
  type ChartModel,
  type ChartSpec,
} from '../../src/charts';
import { itFollowsChartBasics } from './chartBasics';
import { channels } from './vegaLiteKit';

const epoch = findPresetLaw('epoch')!;
const models: ChartModel[] = [
  { name: 'Gopher 280B', params: 280e9, tokens: 300e9 },
  { name: 'DeepSeek-V3', params: 671e9, activeParams: 37e9, tokens: 14.8e12 },
];

/** One chart of every kind, with one law and with several where the kind takes several. */
const CHARTS: ReadonlyArray<readonly [string, ChartSpec]> = [
  ['frontier, one law', frontierChart({ laws: [epoch], compute: [1e20, 1e25], models })],
  ['frontier, all presets', frontierChart({ laws: PRESET_LAWS, compute: [1e20, 1e25], models })],
  ['isoFLOP', isoflopChart({ law: epoch, budgets: [1e19, 1e21, 1e23] })],
  ['tokens per parameter', tokensPerParamChart({ laws: PRESET_LAWS, compute: [1e19, 1e26], models })],
  ['loss vs N at fixed D', lossVsParamsChart({ laws: PRESET_LAWS, tokens: 1.4e12, params: [1e8, 1e13] })],
  ['loss vs D at fixed N', lossVsTokensChart({ laws: [epoch], params: 70e9, tokens: [1e10, 1e15] })],
  ['law comparison', lawComparisonChart({ laws: PRESET_LAWS, compute: [1e18, 1e26] })],
  ['diminishing returns', diminishingReturnsChart({ laws: PRESET_LAWS, compute: [1e20, 1e26] })],
  ['inference cost', inferenceCostChart({ law: epoch, targetLoss: 1.95, inferenceTokens: 2e13, costPerFlop: 1.7554e-18 })],
  ['epochs at a fixed budget', epochsChart({ law: findPresetLaw('muennighoff2023')!, uniqueTokens: 500e9, fixed: { compute: 1e24 } })],
  ['epochs at a fixed model size', epochsChart({ law: epoch, uniqueTokens: 50e9, fixed: { params: 8e9 } })],
  ['tournament bound against calls', tournamentChart({ rates: { generate: 0.3, compare: 0.7 }, calls: [1, 10000], marked: 1000 })],
];

describe('charts: conventions every chart follows', () => {
  for (const [name, chart] of CHARTS) {
    describe(name, () => {
      itFollowsChartBasics(chart);

      it('has a title, a subtitle and a titled axis for every position channel', () => {
        const title = chart.spec.title as { text: string; subtitle: string };
        assert.ok(title.text.length > 0 && title.subtitle.length > 0);
        const axes = channels(chart.spec).filter(({ channel, definition }) => (channel === 'x' || channel === 'y') && definition.field);
        assert.ok(axes.length >= 2);
        for (const { definition } of axes) assert.match(String(definition.title), /\w/);
        const titles = new Set(axes.map(({ definition }) => definition.title));
        assert.equal(titles.size, 2, `one title per axis, got ${[...titles].join(' / ')}`);
      });

      it('uses log scales on both axes', () => {
        for (const { channel, definition } of channels(chart.spec)) {
          if ((channel === 'x' || channel === 'y') && definition.field) {
            assert.equal((definition.scale as { type: string }).type, 'log', `${channel} ${String(definition.field)}`);
          }
        }
      });
    });
  }

  it('shows a legend only when there is more than one law to tell apart', () => {
    const colourOf = (chart: ChartSpec) => channels(chart.spec).find(({ channel }) => channel === 'color');
    assert.equal(colourOf(frontierChart({ laws: [epoch], compute: [1e20, 1e25] })), undefined);
    assert.equal(colourOf(frontierChart({ laws: PRESET_LAWS, compute: [1e20, 1e25] }))?.definition.title, 'Law');
  });
});
