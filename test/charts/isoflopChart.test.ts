import * as assert from 'node:assert/strict';
import { findPresetLaw } from '../../src/core';
import { isoflopChart } from '../../src/charts';
import { datasetOfLength, relativeDifference, renderHeadless } from './vegaLiteKit';

const epoch = findPresetLaw('epoch')!;
const budgets = [1e19, 1e21, 1e23];

/** Hoffmann et al. 2022, Eq. 4: N_opt = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)), from the law's constants. */
function closedFormOptimum(compute: number): number {
  const { A, B, alpha, beta } = epoch.constants;
  const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  return G * (compute / 6) ** (beta / (alpha + beta));
}

describe('charts/isoflopChart', () => {
  const chart = isoflopChart({ law: epoch, budgets, points: 41 });
  const optima = datasetOfLength(chart.spec, budgets.length);
  const curves = datasetOfLength(chart.spec, budgets.length * 41);

  it("marks each budget's minimum at the closed-form optimum", () => {
    assert.deepEqual(
      optima.map((row) => row.compute),
      budgets,
    );
    for (const row of optima) {
      assert.ok(relativeDifference(row.params as number, closedFormOptimum(row.compute as number)) < 1e-12);
    }
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
    assert.ok(datasetOfLength(broken.spec, 11).every((row) => row.compute === 1e21));
  });
});
