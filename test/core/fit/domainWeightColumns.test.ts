import * as assert from 'node:assert/strict';
import { parseRunsCsv } from '../../../src/core/fit';

const STUDY = ['params,tokens,w_web,w_code,loss', '1e8,2e9,0.7,0.3,3.1', '1e8,2e9,0.3,0.7,3.2', '4e8,8e9,0.5,0.5,2.8'].join('\n');

describe('core/fit: domain weights in a runs table', () => {
  it('reads w_ columns as domain weights, in header order, and reports them', () => {
    const runs = parseRunsCsv(STUDY);
    assert.deepEqual(runs.domains, ['web', 'code']);
    assert.deepEqual(
      runs.points.map((point) => point.weights),
      [
        [0.7, 0.3],
        [0.3, 0.7],
        [0.5, 0.5],
      ],
    );
    assert.deepEqual(runs.ignoredColumns, []);
    assert.match(runs.summary, /domain weights from "w_web", "w_code"/);
  });

  it('reads the columns of named domains, plain or prefixed, and leaves others alone', () => {
    const table = 'N,D,web,weight_code,h_books,w_extra,loss\n1e8,2e9,0.5,0.25,0.25,9,3.1\n2e8,2e9,0.2,0.4,0.4,9,3.0';
    const runs = parseRunsCsv(table, { domains: ['web', 'code', 'books'] });
    assert.deepEqual(runs.domains, ['web', 'code', 'books']);
    assert.deepEqual(runs.points[1].weights, [0.2, 0.4, 0.4]);
    assert.deepEqual(runs.ignoredColumns, ['w_extra']);
  });

  it('rescales rounded fractions to sum to exactly 1', () => {
    // 0.33 + 0.33 + 0.33 = 0.99, within the 0.02 allowed for rounding: each becomes 0.33/0.99 = 1/3.
    const runs = parseRunsCsv('params,tokens,w_a,w_b,w_c,loss\n1e8,2e9,0.33,0.33,0.33,3.1');
    for (const weight of runs.points[0].weights!) assert.ok(Math.abs(weight - 1 / 3) < 1e-15);
  });

  it('tells apart runs that differ only by their mixture', () => {
    const runs = parseRunsCsv('params,tokens,w_a,w_b,loss\n1e8,2e9,0.6,0.4,3.1\n1e8,2e9,0.4,0.6,3.1');
    assert.equal(runs.points.length, 2);
  });

  for (const [table, options, message] of [
    ['params,tokens,w_a,w_b,loss\n1e8,2e9,0.5,0.4,3.1', {}, /line 2: the domain weights sum to 0\.9 \(w_a \+ w_b\); they must sum to 1$/],
    ['params,tokens,w_a,w_b,loss\n1e8,2e9,50,50,3.1', {}, /sum to 100 .*write them as fractions, not percentages/],
    ['params,tokens,w_a,w_b,loss\n1e8,2e9,-0.5,1.5,3.1', {}, /line 2, column "w_a": a domain weight must be a number ≥ 0, got "-0\.5"/],
    ['params,tokens,w_a,w_b,loss\n1e8,2e9,,1,3.1', {}, /line 2, column "w_a": a domain weight must be a number ≥ 0, got ""/],
    ['params,tokens,w_only,loss\n1e8,2e9,1,3.1', {}, /only one domain weight column \("w_only"\)/],
    [
      'params,tokens,w_a,w_b,loss\n1e8,2e9,0.5,0.5,3.1',
      { domains: ['a', 'c'] },
      /no weight column for domain "c": expected a header such as "c" or "w_c"/,
    ],
    [
      'params,tokens,a,w_a,b,loss\n1e8,2e9,0.5,0.5,0.5,3.1',
      { domains: ['a', 'b'] },
      /ambiguous weight column for domain "a": "a" and "w_a"/,
    ],
  ] as const) {
    it(`refuses ${JSON.stringify(table.split('\n')[1])} with a located message`, () => {
      assert.throws(() => parseRunsCsv(table, options), message);
    });
  }
});
