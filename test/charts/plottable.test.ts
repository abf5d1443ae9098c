import * as assert from 'node:assert/strict';
import { droppedPointsNote, keepLogPlottable } from '../../src/charts';

describe('charts/plottable', () => {
  it('keeps rows whose fields are all finite and positive, and counts the rest', () => {
    const rows = [
      { x: 1, y: 2 },
      { x: 0, y: 2 },
      { x: -1, y: 2 },
      { x: 1, y: Number.NaN },
      { x: Number.POSITIVE_INFINITY, y: 1 },
      { x: 3, y: 4 },
    ];
    assert.deepEqual(keepLogPlottable(rows, ['x', 'y']), { rows: [rows[0], rows[5]], dropped: 4 });
    assert.equal(keepLogPlottable(rows, ['y']).dropped, 1);
  });

  it('says how many points the chart left out, for the text fallback', () => {
    assert.equal(droppedPointsNote(0), undefined);
    assert.match(droppedPointsNote(1)!, /^1 point was left out/);
    assert.match(droppedPointsNote(3)!, /^3 points were left out of the chart: a log axis cannot show values ≤ 0/);
  });
});
