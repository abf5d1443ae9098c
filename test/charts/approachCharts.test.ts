import * as assert from 'node:assert/strict';
import { allocationChart, isoflopProfilesChart, trainingCurvesChart } from '../../src/charts';
import { fitIsoflopProfiles, fitTrainingCurveEnvelope, type FitPoint, type TrainingCurve } from '../../src/core/fit';
import { logSpace } from '../../src/core/sweeps';
import { itFollowsChartBasics } from './chartBasics';
import { channels, inlineDatasets } from './vegaLiteKit';

/** Exact parabolas in ln N with N*(C) = 0.05·C^0.5, so each minimum is known by hand. */
const runs: FitPoint[] = logSpace(1e18, 1e21, 4).flatMap((compute) =>
  logSpace(1e7, 1e10, 5).map((params) => ({
    params,
    tokens: compute / (6 * params),
    loss: 2 + Math.log(params / (0.05 * compute ** 0.5)) ** 2,
  })),
);
const isoflop = fitIsoflopProfiles(runs, { bootstrap: { samples: 40, seed: 1 } });
const curves: TrainingCurve[] = logSpace(1e7, 1e10, 7).map((params) => ({
  run: `r${params}`,
  params,
  evaluations: logSpace(params, 1000 * params, 20).map((tokens) => ({
    tokens,
    loss: 2 + Math.log(params / (0.05 * (6 * params * tokens) ** 0.5)) ** 2,
    source: '',
  })),
}));
const envelope = fitTrainingCurveEnvelope(curves);

const CHARTS = [
  ['isoFLOP profiles', isoflopProfilesChart(isoflop, 'sweep')],
  ['allocation with a band and a target', allocationChart(isoflop, 'sweep', [{ name: 'cluster', compute: 1e24 }])],
  ['allocation without a band', allocationChart(envelope, 'curves')],
  ['training curves with the envelope', trainingCurvesChart(envelope, 'curves')],
] as const;

describe('core/charts: Approaches 1 and 2', function () {
  // This file sorts first among the chart tests, so its first schema check compiles the 2 MB Vega-Lite
  // schema for the whole run (vegaLiteKit.ts): seconds alone, more on a loaded machine.
  this.timeout(120_000);
  for (const [name, chart] of CHARTS) {
    describe(name, () => {
      itFollowsChartBasics(chart);

      it('uses log scales on both axes', () => {
        for (const { channel, definition } of channels(chart.spec)) {
          if ((channel === 'x' || channel === 'y') && definition.field) assert.equal((definition.scale as { type: string }).type, 'log');
        }
      });
    });
  }

  it('marks each isoFLOP minimum where the parabola has it (N* = 0.05·C^0.5)', () => {
    const [, runsData, minima] = inlineDatasets(CHARTS[0][1].spec);
    assert.equal(runsData.length, 20);
    assert.equal(minima.length, 4);
    for (const row of minima) assert.ok(Math.abs((row.params as number) / (0.05 * (row.compute as number) ** 0.5) - 1) < 1e-9);
  });

  it('draws the allocation solid over the data, dashed to the target, with the band around it', () => {
    const spec = CHARTS[1][1].spec;
    const datasets = inlineDatasets(spec);
    const beyond = datasets.find((rows) => rows.some((row) => row.part === 'beyond'))!;
    assert.equal(Math.max(...beyond.map((row) => row.compute as number)), 1e24);
    assert.ok(JSON.stringify(spec).includes('"strokeDash":{"value":[6,4]}'));
    const band = datasets.find((rows) => rows.length > 0 && rows.every((row) => row.low !== undefined && row.high !== undefined))!;
    // Exact parabolas leave the resamples no spread beyond round-off: the band hugs the line.
    for (const row of band)
      assert.ok((row.low as number) <= (row.count as number) * (1 + 1e-9) && (row.count as number) <= (row.high as number) * (1 + 1e-9));
    const target = datasets.find((rows) =>
      rows.some((row) => typeof row.model === 'string' && (row.model as string).startsWith('cluster')),
    )!;
    // N_opt at 1e24 = 0.05·1e12 = 50B.
    assert.match(target[0].model as string, /^cluster: N 50B$/);
  });

  it('colours training curves by size and draws the envelope over them', () => {
    const [curveRows, envelopeRows] = inlineDatasets(CHARTS[3][1].spec);
    assert.equal(curveRows.length, 7 * 20);
    assert.ok(
      curveRows.every((row) => Math.abs((row.compute as number) / (6 * (row.params as number) * (row.tokens as number)) - 1) < 1e-12),
    );
    assert.ok(envelopeRows.length > 100 && envelopeRows.length <= 301);
    assert.equal(channels(CHARTS[3][1].spec).find(({ channel }) => channel === 'color')?.definition.field, 'size');
  });
});
