import * as assert from 'node:assert/strict';
import { FitDataError, formatRunsCsv, parseRunsCsv, validateFitPoints } from '../../../src/core/fit';
import { MAX_RUN_LINES } from '../../../src/core/fit/csvRuns';

/** Asserts that reading `text` throws a FitDataError whose message matches `pattern`. */
function assertRejects(text: string, pattern: RegExp, options?: Parameters<typeof parseRunsCsv>[1]): void {
  assert.throws(
    () => parseRunsCsv(text, options),
    (error: unknown) => {
      assert.ok(error instanceof FitDataError, `expected a FitDataError, got ${String(error)}`);
      assert.match(error.message, pattern);
      return true;
    },
  );
}

describe('parseRunsCsv', () => {
  it('reads the plain headers and says which it used', () => {
    const runs = parseRunsCsv('params,tokens,loss\n1e8,2e9,3.1\n4e8,8e9,2.8\n');
    assert.deepEqual(runs.points, [
      { params: 1e8, tokens: 2e9, loss: 3.1, source: 'line 2' },
      { params: 4e8, tokens: 8e9, loss: 2.8, source: 'line 3' },
    ]);
    assert.deepEqual(runs.columns, { params: 'params', tokens: 'tokens', loss: 'loss' });
    assert.equal(runs.summary, 'parameters from "params", tokens from "tokens", loss from "loss"');
  });

  for (const [header, expected] of [
    ['N,D,val_loss', { params: 'N', tokens: 'D', loss: 'val_loss' }],
    ['Parameters,Data,Eval Loss', { params: 'Parameters', tokens: 'Data', loss: 'Eval Loss' }],
    ['model_size,train_tokens,validation-loss', { params: 'model_size', tokens: 'train_tokens', loss: 'validation-loss' }],
    ['num_params,num_tokens,final_loss', { params: 'num_params', tokens: 'num_tokens', loss: 'final_loss' }],
  ] as const) {
    it(`recognises the headers ${header}`, () => {
      assert.deepEqual(parseRunsCsv(`${header}\n1e8,2e9,3.1\n`).columns, expected);
    });
  }

  it('derives tokens from compute as D = C/(6N) when there is no tokens column', () => {
    const runs = parseRunsCsv('model_size,FLOPs,loss\n1e8,1.2e18,3.1\n');
    assert.equal(runs.tokensFromCompute, true);
    assert.equal(runs.points[0].tokens, 2e9);
    assert.deepEqual(runs.columns, { params: 'model_size', compute: 'FLOPs', loss: 'loss' });
    assert.match(runs.summary, /tokens = compute\/\(6·N\) from "FLOPs"/);
    assert.equal(parseRunsCsv('N,C,loss\n1e8,1 PF-day,3.1\n').points[0].tokens, 8.64e19 / 6e8);
  });

  it('prefers a tokens column to compute, keeps compute as the isoFLOP budget, and lists the columns it ignored', () => {
    const runs = parseRunsCsv('run,N,D,C,loss,seed\nsmall,1e8,2e9,1.3e18,3.1,1\n');
    assert.equal(runs.tokensFromCompute, false);
    assert.equal(runs.points[0].tokens, 2e9);
    assert.equal(runs.points[0].compute, 1.3e18);
    assert.match(runs.summary, /isoFLOP budgets from "C"/);
    assert.deepEqual(runs.ignoredColumns, ['run', 'seed']);
  });

  it('reads counts with suffixes, tabs, semicolons, pipes, a byte-order mark and blank lines', () => {
    assert.deepEqual(parseRunsCsv('params,tokens,loss\n70M,1.4B,3.1\n').points[0], {
      params: 7e7,
      tokens: 1.4e9,
      loss: 3.1,
      source: 'line 2',
    });
    assert.equal(parseRunsCsv('N\tD\tloss\n1e8\t2e9\t3.1\n').points.length, 1);
    assert.equal(parseRunsCsv('N;D;loss\n1e8;2e9;3.1\n').points.length, 1);
    assert.equal(parseRunsCsv('N|D|loss\n1e8|2e9|3.1\n').points.length, 1);
    assert.deepEqual(parseRunsCsv('\uFEFFN,D,loss\n1e8,2e9,3.1\n').columns.params, 'N');
    const gappy = parseRunsCsv('\nN,D,loss\n\n1e8,2e9,3.1\n\n4e8,8e9,2.8\n');
    assert.deepEqual(
      gappy.points.map((point) => point.source),
      ['line 4', 'line 6'],
    );
  });

  it('uses the columns it is told to, which resolves ambiguity', () => {
    const text = 'N,D,loss,val_loss\n1e8,2e9,3.1,3.3\n';
    assertRejects(
      text,
      /ambiguous loss column: "loss" \(column 3\) and "val_loss" \(column 4\) both look like loss; name the one to use \(columns: \{ loss: "loss" \}\)/,
    );
    assert.equal(parseRunsCsv(text, { columns: { loss: 'val_loss' } }).points[0].loss, 3.3);
    assertRejects(text, /no column "test_loss" for loss; the headers are "N", "D", "loss", "val_loss"/, { columns: { loss: 'test_loss' } });
    assertRejects(text, /column "loss" was chosen for two quantities/, { columns: { params: 'loss', loss: 'loss' } });
  });

  it('names the missing column and the headers it found', () => {
    assertRejects('N,D\n1e8,2e9\n', /no loss column: expected a header such as loss, eval_loss, val_loss.*; the headers are "N", "D"/);
    assertRejects('D,loss\n2e9,3.1\n', /no parameters column: expected a header such as params, parameters, n/);
    assertRejects('N,loss\n1e8,3.1\n', /no tokens column and no compute column to derive tokens from/);
    assertRejects(
      'N D loss\n1e8 2e9 3.1\n',
      /no parameters column \(only one column, "N D loss", was found: is the table comma-, tab-, semicolon- or pipe-separated\?\)/,
    );
    assertRejects('', /the table is empty/);
    assertRejects('N,D,loss\n', /the table has a header but no runs/);
  });

  it('names the line and column of a bad value', () => {
    const header = 'N,D,loss\n1e8,2e9,3.1\n';
    assertRejects(`${header}4e8,8e9,NaN\n`, /line 3, column "loss": "NaN" is not a number/);
    assertRejects(`${header}4e8,8e9,abc\n`, /line 3, column "loss": "abc" is not a number/);
    assertRejects(`${header}4e8,,2.8\n`, /line 3, column "D" is empty/);
    assertRejects(
      `${header}-4e8,8e9,2.8\n`,
      /line 3, column "N": parameters must be greater than zero, got -4e8|line 3, column "N": cannot read parameters "-4e8"/,
    );
    assertRejects(`${header}4e8,8e9,0\n`, /line 3, column "loss": loss must be greater than zero, got "0"/);
    assertRejects(`${header}4e8,8e9,-2.8\n`, /line 3, column "loss": loss must be greater than zero, got "-2.8"/);
    assertRejects(`${header}4e8,8e9,Infinity\n`, /line 3, column "loss": loss must be finite, got "Infinity"/);
    assertRejects(`${header}lots,8e9,2.8\n`, /line 3, column "N": cannot read parameters "lots"/);
    assertRejects(`${header}4e8,8e9\n`, /line 3 has 2 fields but the header has 3/);
  });

  it('rejects a run listed twice, naming both lines', () => {
    assertRejects(
      'N,D,loss\n1e8,2e9,3.1\n4e8,8e9,2.8\n1e8,2e9,3.1\n',
      /line 4 duplicates line 2 \(parameters 100000000, tokens 2000000000, loss 3\.1\); remove one of them/,
    );
    // The same configuration with another loss is a second seed, not a duplicate.
    assert.equal(parseRunsCsv('N,D,loss\n1e8,2e9,3.1\n1e8,2e9,3.12\n').points.length, 2);
  });

  it('writes CSV that reads back to the same runs', () => {
    const points = [
      { params: 123456789, tokens: 2.5e9, loss: 3.123456789 },
      { params: 4e8, tokens: 8e9, loss: 2.8 },
    ];
    const text = formatRunsCsv(points, ['small, first', 'big']);
    assert.equal(text.split('\n')[0], 'run,params,tokens,loss');
    assert.match(text, /^"small, first",123456789,/m);
    assert.deepEqual(
      parseRunsCsv(text).points.map(({ params, tokens, loss }) => ({ params, tokens, loss })),
      points,
    );
    assert.throws(() => formatRunsCsv(points, ['one']), /1 run names for 2 runs/);
  });
});

describe('validateFitPoints', () => {
  it('names the row of a bad value in points that did not come from a file', () => {
    assert.throws(
      () =>
        validateFitPoints(
          [
            { params: 1e8, tokens: 2e9, loss: 3 },
            { params: 0, tokens: 2e9, loss: 3 },
          ],
          1,
        ),
      /row 2: parameters must be greater than zero, got 0/,
    );
    assert.throws(() => validateFitPoints([{ params: 1e8, tokens: Infinity, loss: 3 }], 1), /row 1: tokens must be finite, got Infinity/);
    assert.throws(
      () => validateFitPoints([{ params: 1e8, tokens: 2e9, loss: '3' as unknown as number }], 1),
      /row 1: loss is not a number \(3\)/,
    );
    assert.throws(() => validateFitPoints([{ params: 1e8, tokens: 2e9, loss: 3 }], 2), /1 point cannot determine 2 free parameters/);
  });
});

describe('parseRunsCsv row cap (issue 16 item 2)', () => {
  const table = (rows: number) => `params,tokens,loss\n${Array.from({ length: rows }, (_, index) => `${1e8 + index},2e10,2.9\n`).join('')}`;

  it(`reads a table of ${MAX_RUN_LINES.toLocaleString('en-US')} lines (header included) and refuses one more, naming the limit`, () => {
    assert.equal(parseRunsCsv(table(MAX_RUN_LINES - 1)).points.length, MAX_RUN_LINES - 1);
    assert.throws(() => parseRunsCsv(table(MAX_RUN_LINES)), {
      name: 'FitDataError',
      message: /more than 100,000 lines, the most a runs table may hold/,
    });
  });
});
