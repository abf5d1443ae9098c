import * as assert from 'node:assert/strict';
import { findPresetLaw } from '../../src/core';
import { diminishingReturnsChart, diminishingReturnsChartWithNotes } from '../../src/charts';
import { datasetWhere, lineStyles } from './vegaLiteKit';

const epoch = findPresetLaw('epoch')!;

/*
 * Epoch's compute-optimal models, by hand from the closed form N = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)), D = C/(6N):
 * 1e19: 262M on 6.35B tokens; 1e22: 9.06B on 184B; 1e23: 29.5B on 565B; 1e24: 96.0B on 1.74T. Hoffmann et al.'s runs
 * span N 70M–16B, D 5B–500B tokens, C 1e18–1e22 FLOP.
 */
describe('charts/diminishingReturnsChart', () => {
  it('draws every decade solid while both its ends lie inside the data, with no note', async () => {
    // Decades 1e19→1e20, 1e20→1e21 and 1e21→1e22: every end inside (1e22 is the bound itself).
    const input = { laws: [epoch], compute: [1e19, 1e22] as const };
    const chart = diminishingReturnsChart(input);
    const rows = datasetWhere(chart.spec, (row) => 'improvement' in row);
    assert.deepEqual(
      rows.map((row) => [row.compute, row.range]),
      [
        [1e19, 'within the fitted runs'],
        [1e20, 'within the fitted runs'],
        [1e21, 'within the fitted runs'],
      ],
    );
    assert.deepEqual(diminishingReturnsChartWithNotes(input).rangeNotes, []);
    assert.deepEqual(
      (await lineStyles(chart.spec)).map((style) => style.dash),
      ['1,0'],
    );
    assert.doesNotMatch((chart.spec.title as { subtitle: string }).subtitle, /dashed/);
  });

  it('dashes the decades that reach beyond the data and says by how much', async () => {
    // Against the 240 runs Epoch fit (C up to 1.3e22, N 16.2B, D 318B; bench/epoch_data_range.py): 1e22→1e23
    // ends above them (C 1e23, N 29.5B, D 565B); 1e23→1e24 ends log10(1e24/1.3e22) = 1.89 decades above the largest
    // budget, further than N (log10(96.0B/16.2B) = 0.77) or D (log10(1.74T/318B) = 0.74).
    const input = { laws: [epoch], compute: [1e20, 1e24] as const };
    const chart = diminishingReturnsChart(input);
    const rows = datasetWhere(chart.spec, (row) => 'improvement' in row);
    // The decade from 1e22 is drawn twice: its solid copy ends the solid part, as on the frontier chart.
    assert.deepEqual(
      rows.map((row) => [row.compute, row.range]),
      [
        [1e20, 'within the fitted runs'],
        [1e21, 'within the fitted runs'],
        [1e22, 'within the fitted runs'],
        [1e22, 'extrapolated'],
        [1e23, 'extrapolated'],
      ],
    );
    const [note] = diminishingReturnsChartWithNotes(input).rangeNotes;
    assert.match(
      note,
      /^besiroglu2024 extrapolates up to 1\.9 decades beyond the data it was fitted on, N 57\.3M–16\.2B, .*: its line is dashed there\.$/,
    );
    const dashes = (await lineStyles(chart.spec)).map((style) => style.dash);
    assert.deepEqual(dashes, ['1,0', '4,3']);
    assert.match((chart.spec.title as { subtitle: string }).subtitle, /dashed: beyond the law's data/);
  });

  it('writes one note per law that leaves its data', () => {
    const kaplan = findPresetLaw('kaplan')!;
    const notes = diminishingReturnsChartWithNotes({ laws: [epoch, kaplan], compute: [1e20, 1e22] }).rangeNotes;
    // Epoch stays inside up to 1e22; Kaplan's runs reach only 1.18e21 FLOP.
    assert.equal(notes.length, 1);
    assert.match(notes[0], /^kaplan2020 extrapolates up to/);
  });
});
