import * as assert from 'node:assert/strict';
import { findPresetLaw, PRESET_LAWS, QuantityError } from '../../src/core';
import { lossVsParamsChart, lossVsParamsChartWithNotes, lossVsTokensChart, lossVsTokensChartWithNotes } from '../../src/charts';
import { formsOf } from '../../src/language/registry';
import { lawWithHoles } from './lawStubs';
import { datasetWhere, lineStyles, relativeDifference, renderHeadless } from './vegaLiteKit';

const epoch = findPresetLaw('epoch')!;
const { E, A, B, alpha, beta } = epoch.constants;

describe('charts/lossWallCharts', () => {
  it('names the wall as the maths does, in the chart title and in the plot statement alike', () => {
    // At fixed D the loss cannot fall below E + B/D^β however large N grows: the data sets the wall, and vice versa.
    const epochLaw = findPresetLaw('epoch')!;
    const plotDoc = (form: string) => formsOf('plot').find((candidate) => candidate.form === form)!.doc;
    const overParams = lossVsParamsChart({ laws: [epochLaw], tokens: 3e11, params: [1e8, 1e12] }).spec.title as { text: string };
    const overTokens = lossVsTokensChart({ laws: [epochLaw], params: 7e10, tokens: [1e9, 1e13] }).spec.title as { text: string };
    assert.match(overParams.text, /the data wall/);
    assert.match(plotDoc('loss-vs-params'), /the data wall/);
    assert.match(overTokens.text, /the parameter wall/);
    assert.match(plotDoc('loss-vs-tokens'), /the parameter wall/);
  });

  describe('loss against N at fixed D', () => {
    const chart = lossVsParamsChart({ laws: [epoch], tokens: 1.4e12, params: [1e8, 1e13], points: 11 });
    const curve = datasetWhere(chart.spec, (row) => 'params' in row && row.range === 'extrapolated');

    it("sweeps N at the fixed D with the law's loss", () => {
      // D = 1.4T is above Hoffmann et al.'s 500B tokens, so the whole curve lies beyond their runs.
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
      const rows = datasetWhere(chart.spec, (row) => 'tokens' in row);
      // Where a curve leaves its law's data, a sample is drawn twice, once per stretch.
      const curves = rows.filter((row, index) => index === 0 || row.tokens !== rows[index - 1].tokens || row.law !== rows[index - 1].law);
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

  describe("faded beyond the law's data", () => {
    // Hoffmann et al.'s stated ranges (N 70M–16B, D 5B–500B) and Fig. 4's compute, 1.4e18–1.3e22 FLOP, and D/N, 0.0361–341.
    const chinchilla = findPresetLaw('chinchilla')!;

    it('draws a curve inside the data opaque, with no note', async () => {
      // N = 1B on D = 5B–300B tokens: C = 6·1e9·D = 3e19–1.8e21 FLOP and D/N = 5–300, all inside.
      const input = { laws: [chinchilla], params: 1e9, tokens: [5e9, 3e11] as const, points: 11 };
      const chart = lossVsTokensChart(input);
      assert.ok(datasetWhere(chart.spec, (row) => 'tokens' in row).every((row) => row.range === 'within the fitted runs'));
      assert.deepEqual(lossVsTokensChartWithNotes(input).rangeNotes, []);
      assert.deepEqual(
        (await lineStyles(chart.spec)).map((style) => style.opacity),
        ['1'],
      );
      assert.doesNotMatch((chart.spec.title as { subtitle: string }).subtitle, /faded/);
    });

    it('fades the curve where it leaves the data and says how far it reaches', async () => {
      // D = 30B fixed, N = 100M–10T. At N = 10T: N log10(10T/16B) = 2.80, C = 6·1e13·3e10 = 1.8e24 is log10(1.8e24/1.3e22)
      // = 2.14 decades above, D/N = 0.003 is log10(0.0361/0.003) = 1.08 below: 2.8 decades. Inside from N = 100M (D/N 300,
      // C 1.8e19) up to N = 16B, the largest model (C stays under 1.3e22 up to 72B, D/N above 0.0361 up to 831B).
      const input = { laws: [chinchilla], tokens: 3e10, params: [1e8, 1e13] as const, points: 11 };
      const chart = lossVsParamsChart(input);
      const rows = datasetWhere(chart.spec, (row) => 'params' in row);
      assert.equal(rows[0].range, 'within the fitted runs');
      assert.equal(rows.at(-1)!.range, 'extrapolated');
      // Samples every half decade: 100M … 10B inside, then 31.6B beyond, drawn under both ranges to join them.
      const inside = rows.filter((sample) => sample.range === 'within the fitted runs');
      assert.ok(inside.slice(0, -1).every((row) => (row.params as number) <= 1.6e10));
      assert.ok(relativeDifference(inside.at(-1)!.params as number, 10 ** 10.5) < 1e-9);
      assert.equal(rows.find((row) => row.range === 'extrapolated')!.params, inside.at(-1)!.params);
      const [note] = lossVsParamsChartWithNotes(input).rangeNotes;
      assert.match(
        note,
        /^hoffmann2022 extrapolates up to 2\.8 decades beyond the data it was fitted on, N 70M–16B, .*: its curve is faded there\.$/,
      );
      assert.deepEqual(
        (await lineStyles(chart.spec)).map((style) => style.opacity),
        ['1', '0.4'],
      );
      assert.match((chart.spec.title as { subtitle: string }).subtitle, /faded: beyond the law's data/);
    });
  });
});
