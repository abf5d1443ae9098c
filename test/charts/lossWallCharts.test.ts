import * as assert from 'node:assert/strict';
import { findPresetLaw, PRESET_LAWS, QuantityError } from '../../src/core';
import { lossVsParamsChart, lossVsTokensChart } from '../../src/charts';
import { lawWithHoles } from './lawStubs';
import { datasetWhere, relativeDifference, renderHeadless } from './vegaLiteKit';

const epoch = findPresetLaw('epoch')!;
const { E, A, B, alpha, beta } = epoch.constants;

describe('charts/lossWallCharts', () => {
  describe('loss against N at fixed D', () => {
    const chart = lossVsParamsChart({ laws: [epoch], tokens: 1.4e12, params: [1e8, 1e13], points: 11 });
    const curve = datasetWhere(chart.spec, (row) => 'params' in row);

    it("sweeps N at the fixed D with the law's loss", () => {
      assert.equal(curve.length, 11);
      for (const row of curve) {
        assert.equal(row.tokens, 1.4e12);
        assert.equal(row.loss, epoch.loss(row.params as number, 1.4e12));
      }
    });

    it('draws the data wall E + B/D^β, which every point stays above', () => {
      const [wall] = datasetWhere(chart.spec, (row) => !('params' in row));
      assert.ok(relativeDifference(wall.loss as number, E + B / 1.4e12 ** beta) < 1e-12);
      assert.ok(curve.every((row) => (row.loss as number) > (wall.loss as number)));
    });

    it('says what is held fixed, and names the file after it', async () => {
      assert.match((chart.spec.title as { subtitle: string }).subtitle, /D = 1\.4T tokens/);
      assert.equal(chart.fileName, 'loss-vs-parameters-1.4t-tokens');
      const { texts } = await renderHeadless(chart.spec);
      assert.ok(texts.includes('100M') && texts.includes('10T') && texts.some((text) => text.startsWith('N → ∞: 1.8')));
    });
  });

  describe('loss against D at fixed N', () => {
    const chart = lossVsTokensChart({ laws: PRESET_LAWS, params: 70e9, tokens: [1e10, 1e15], points: 11 });

    it('sweeps D at the fixed N and draws the parameter wall E + A/N^α per law', () => {
      const curves = datasetWhere(chart.spec, (row) => 'tokens' in row);
      assert.equal(curves.length, PRESET_LAWS.length * 11);
      assert.ok(curves.every((row) => row.params === 70e9));
      const walls = datasetWhere(chart.spec, (row) => !('tokens' in row));
      assert.deepEqual(
        walls.map((row) => row.law),
        PRESET_LAWS.map((law) => law.name),
      );
      const epochWall = walls.find((row) => row.law === epoch.name)!;
      assert.ok(relativeDifference(epochWall.loss as number, E + A / 70e9 ** alpha) < 1e-12);
    });
  });

  it('drops and counts points where a law gives no loss', () => {
    const holes = lawWithHoles(epoch, (_params, tokens) => tokens > 2e13);
    const chart = lossVsTokensChart({ laws: [holes], params: 70e9, tokens: [1e10, 1e15], points: 16 });
    // The last six of the 16 samples (D = 10^13.33 … 10^15) and the wall at D = ∞ have no loss.
    assert.equal(chart.droppedPoints, 6 + 1);
  });

  it('refuses a fixed quantity that is not a positive number', () => {
    assert.throws(() => lossVsParamsChart({ laws: [epoch], tokens: 0, params: [1e8, 1e12] }), QuantityError);
    assert.throws(() => lossVsTokensChart({ laws: [epoch], params: Number.NaN, tokens: [1e10, 1e12] }), QuantityError);
  });
});
