import * as assert from 'node:assert/strict';
import { findPresetLaw } from '../../src/core';
import { isoflopChart, isoflopChartWithNotes } from '../../src/charts';
import { datasetOfLength, datasetWhere, lineStyles, relativeDifference, renderHeadless } from './vegaLiteKit';

const epoch = findPresetLaw('epoch')!;
const budgets = [1e19, 1e21, 1e23];

/** Hoffmann et al. 2022, Eq. 4: N_opt = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)), from the law's constants. */
function closedFormOptimum(compute: number): number {
  const { A, B, alpha, beta } = epoch.constants;
  const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  return G * (compute / 6) ** (beta / (alpha + beta));
}

/** One row per sample: a sample drawn at the end of one stretch of a curve and the start of the next counts once. */
function uniqueSamples(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return rows.filter((row, index) => index === 0 || row.params !== rows[index - 1].params || row.compute !== rows[index - 1].compute);
}

describe('charts/isoflopChart', () => {
  const chart = isoflopChart({ law: epoch, budgets, points: 41 });
  const optima = datasetOfLength(chart.spec, budgets.length);
  // Curve samples carry the stretch of the curve they belong to; where a curve leaves the law's data, a sample is drawn twice.
  const curves = uniqueSamples(datasetWhere(chart.spec, (row) => 'segment' in row));

  it("marks each budget's minimum at the closed-form optimum", () => {
    assert.deepEqual(
      optima.map((row) => row.compute),
      budgets,
    );
    for (const row of optima) {
      assert.ok(relativeDifference(row.params as number, closedFormOptimum(row.compute as number)) < 1e-12);
    }
  });

  it('has 41 samples per curve', () => {
    assert.equal(curves.length, budgets.length * 41);
  });

  it('draws curves whose lowest sample sits next to the marked optimum, spending the whole budget', () => {
    for (const budget of budgets) {
      const curve = curves.filter((row) => row.compute === budget);
      assert.equal(curve.length, 41);
      for (const row of curve) assert.ok(relativeDifference(6 * (row.params as number) * (row.tokens as number), budget) < 1e-12);
      const lowest = curve.reduce((best, row) => ((row.loss as number) < (best.loss as number) ? row : best));
      const optimum = optima.find((row) => row.compute === budget)!;
      assert.ok((lowest.loss as number) >= (optimum.loss as number));
      // 41 samples over 30× either side: neighbours are 10^(log10(900)/40) ≈ 1.19× apart.
      assert.ok(Math.abs(Math.log((lowest.params as number) / (optimum.params as number))) < Math.log(1.19) / 2 + 1e-9);
    }
  });

  it('labels the budgets in the legend and the parameter axis as counts', async () => {
    const { texts } = await renderHeadless(chart.spec);
    for (const label of ['1e19', '1e21', '1e23', 'Compute budget (FLOP)', '1B', '10B', 'Parameters N']) {
      assert.ok(texts.includes(label), `missing label ${label}`);
    }
  });

  it('counts the curve and optimum of a budget that is not a positive number as dropped', () => {
    const broken = isoflopChart({ law: epoch, budgets: [1e21, 0, Number.POSITIVE_INFINITY], points: 11 });
    assert.equal(broken.droppedPoints, 2 * 12);
    const samples = uniqueSamples(datasetWhere(broken.spec, (row) => 'segment' in row));
    assert.equal(samples.length, 11);
    assert.ok(samples.every((row) => row.compute === 1e21));
  });

  describe("faded beyond the law's data", () => {
    it('draws a valley inside the data solid, with no note', async () => {
      // 1e20 FLOP, 3× either side of N_opt = 854M (closed form): N 285M–2.56B, D 6.5B–58.5B, D/N 2.5–205, all inside
      // the 240 runs Epoch fit (57.3M–16.2B, 819M–318B tokens, D/N 0.456–341).
      const input = { law: epoch, budgets: [1e20], points: 11, span: 3 };
      const inside = isoflopChart(input);
      assert.ok(datasetWhere(inside.spec, (row) => 'range' in row).every((row) => row.range === 'within the fitted runs'));
      assert.deepEqual(isoflopChartWithNotes(input).rangeNotes, []);
      // The budget's curve, fully opaque; the dotted line joining the optima carries no opacity.
      assert.deepEqual(
        (await lineStyles(inside.spec)).map((style) => style.opacity),
        ['1', undefined],
      );
      assert.doesNotMatch((inside.spec.title as { subtitle: string }).subtitle, /faded/);
    });

    it('fades both tails of a wide valley, keeps its floor and optimum solid, and says how far it reaches', async () => {
      // Against the 240 runs Epoch fit (N 57.3M–16.2B, D 819M–318B, D/N 0.456–341; bench/epoch_data_range.py):
      // 1e20 FLOP, 30× either side of N_opt = 854M. At 25.6B, N is log10(25.6/16.2) = 0.20 above and D/N = 0.0254 is
      // log10(0.456/0.0254) = 1.25 below; at 28.5M (D = 1e20/(6·28.5M) = 585B), N is log10(57.3/28.5) = 0.30 below,
      // D log10(585/318) = 0.26 above and D/N = 20,500 is log10(20,500/341) = 1.78 decades above: the furthest.
      const input = { law: epoch, budgets: [1e20], points: 11, span: 30 };
      const chart = isoflopChart(input);
      const samples = datasetWhere(chart.spec, (row) => 'segment' in row);
      const first = samples[0];
      const last = samples.at(-1)!;
      assert.equal(first.range, 'extrapolated');
      assert.equal(last.range, 'extrapolated');
      assert.ok(samples.some((row) => row.range === 'within the fitted runs'));
      // Three stretches, each its own line: faded, solid, faded.
      assert.deepEqual(
        [...new Set(samples.map((row) => `${row.segment} ${row.range}`))],
        ['0 extrapolated', '1 within the fitted runs', '2 extrapolated'],
      );
      assert.equal(datasetOfLength(chart.spec, 1)[0].range, 'within the fitted runs');
      // At 1e23 FLOP the optimum itself, 29.5B on 565B tokens, lies beyond the runs' 16.2B and 318B.
      assert.equal(datasetOfLength(isoflopChart({ ...input, budgets: [1e23] }).spec, 1)[0].range, 'extrapolated');
      const [note] = isoflopChartWithNotes(input).rangeNotes;
      assert.match(
        note,
        /^besiroglu2024 extrapolates up to 1\.8 decades beyond the data it was fitted on, N 57\.3M–16\.2B, .*: its curves are faded there\.$/,
      );
      const opacities = (await lineStyles(chart.spec)).flatMap((style) => style.opacity ?? []);
      assert.deepEqual(opacities.sort(), ['0.4', '0.4', '1']);
      assert.match((chart.spec.title as { subtitle: string }).subtitle, /faded: beyond the law's data/);
    });
  });
});
