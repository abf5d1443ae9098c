import * as assert from 'node:assert/strict';
import { findPresetLaw } from '../../src/core';
import { coverageChart, emergenceChart, type ChartSpec } from '../../src/charts';
import { itFollowsChartBasics } from './chartBasics';
import { channels } from './vegaLiteKit';

const epoch = findPresetLaw('epoch')!;

/** Every two-axis chart, in the shapes its statements produce. */
const CHARTS: ReadonlyArray<readonly [string, ChartSpec]> = [
  ['coverage, Beta rates with a target', coverageChart({ rates: { kind: 'beta', a: 0.3, b: 3 }, samples: [1, 10000], target: 0.9 })],
  ['coverage, one rate', coverageChart({ rates: { kind: 'single', p: 0.05 }, samples: [1, 10000] })],
  [
    'emergence, offset E',
    emergenceChart({
      law: epoch,
      settings: { answerTokens: 20, offset: epoch.irreducibleLoss, training: { kind: 'optimal' } },
      params: [1e8, 1e14],
      threshold: 0.5,
    }),
  ],
  [
    'emergence, fixed D',
    emergenceChart({
      law: epoch,
      settings: { answerTokens: 5, offset: 0, training: { kind: 'fixed', tokens: 1e12 } },
      params: [1e8, 1e12],
    }),
  ],
];

describe('charts: conventions of the two-axis charts', () => {
  for (const [name, chart] of CHARTS) {
    describe(name, () => {
      itFollowsChartBasics(chart);

      it('has a log x axis, a left and a right y axis with their own scales, each titled', () => {
        assert.deepEqual(chart.spec.resolve, { scale: { y: 'independent' } });
        const positions = channels(chart.spec).filter(
          ({ channel, definition }) => (channel === 'x' || channel === 'y') && definition.field,
        );
        assert.ok(
          positions
            .filter(({ channel }) => channel === 'x')
            .every(({ definition }) => (definition.scale as { type: string }).type === 'log'),
        );
        const ys = positions.filter(({ channel }) => channel === 'y');
        const sides = new Set(ys.map(({ definition }) => (definition.axis as { orient?: string }).orient ?? 'left'));
        assert.deepEqual([...sides].sort(), ['left', 'right']);
        for (const { definition } of positions) assert.match(String(definition.title), /\w/);
      });
    });
  }
});
