import * as assert from 'node:assert/strict';
import { findPresetLaw } from '../../src/core';
import { markSeries, rangeCaption } from '../../src/charts/fittedRange';
import { lawVariant } from './lawStubs';

// Hoffmann et al.'s stated ranges (N 70M–16B, D 5B–500B): round numbers to derive by hand.
const chinchilla = findPresetLaw('chinchilla')!;

describe('charts/fittedRange', () => {
  // Model sizes around Hoffmann et al.'s largest, 16B: 1B and 10B inside, 100B log10(100/16) = 0.80 and 1T 1.80 decades above.
  const sizes = [1e9, 1e10, 1e11, 1e12].map((params) => ({ params }));

  it('marks rows beyond the data, repeats the first one under the range before, and keeps the furthest decades', () => {
    const { rows, decades } = markSeries(chinchilla, sizes, (row) => [row]);
    assert.deepEqual(
      rows.map((row) => [row.params, row.range]),
      [
        [1e9, 'within the fitted runs'],
        [1e10, 'within the fitted runs'],
        [1e11, 'within the fitted runs'],
        [1e11, 'extrapolated'],
        [1e12, 'extrapolated'],
      ],
    );
    assert.ok(Math.abs(decades - Math.log10(1e12 / 1.6e10)) < 1e-12);
  });

  it('takes the furthest of the points a row stands for', () => {
    // A row standing for 1B and 1T is beyond by the 1T: 1.80 decades.
    const { rows, decades } = markSeries(chinchilla, [{ params: 1e9 }], (row) => [row, { params: 1e12 }]);
    assert.equal(rows[0].range, 'extrapolated');
    assert.ok(Math.abs(decades - Math.log10(1e12 / 1.6e10)) < 1e-12);
  });

  it('says nothing about a law whose fitting range is unknown', () => {
    const unknown = lawVariant(chinchilla, {});
    const { rows, decades } = markSeries(unknown, sizes, (row) => [row]);
    assert.ok(rows.every((row) => row.range === 'fitting range unknown'));
    assert.equal(decades, 0);
    assert.deepEqual(rangeCaption(unknown, 2, 'its line is dashed there'), []);
  });

  it("captions how far the law extrapolates with its data's range and source, and nothing inside", () => {
    assert.deepEqual(rangeCaption(chinchilla, 0, 'its line is dashed there'), []);
    const [caption] = rangeCaption(chinchilla, 1.8, 'its line is dashed there');
    assert.match(caption, /^hoffmann2022 extrapolates up to 1\.8 decades beyond the data it was fitted on, N 70M–16B, D 5B–500B tokens/);
    assert.match(caption, /\(Hoffmann et al\. 2022, abstract, Sec\. 3 and Fig\. 4\): its line is dashed there\.$/);
  });
});
