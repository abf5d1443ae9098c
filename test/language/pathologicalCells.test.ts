import * as assert from 'node:assert/strict';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { MAX_CHART_SERIES, MAX_EXPRESSION_DEPTH, MAX_LIST_ITEMS } from '../../src/language/limits';

/** The error diagnostics of a one-cell notebook: it must evaluate, not throw. */
function errorsOf(cell: string) {
  const [evaluation] = evaluateNotebook([cell]);
  return evaluation.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}

describe('language/pathological cells (issue 16: deep nesting and cheap inputs)', () => {
  it('1,200 nested parentheses give a located error naming the depth limit, not a stack overflow', () => {
    const line = `model m params=${'('.repeat(1200)}1${')'.repeat(1200)}B tokens=20B`;
    const [error] = errorsOf(line);
    assert.equal(error.code, 'syntax');
    assert.match(error.message, new RegExp(`more than ${MAX_EXPRESSION_DEPTH} levels`));
    // Underlined at the parenthesis past the limit: the first 100 are allowed.
    assert.equal(error.span.start, 'model m params='.length + MAX_EXPRESSION_DEPTH);
  });

  it('10,000 minus signs and a sum of 5,000 terms are refused the same way, and the next line still evaluates', () => {
    for (const value of [`${'-'.repeat(10_000)}1B`, Array(5000).fill('1').join('+')]) {
      const [evaluation] = evaluateNotebook([`model m params=${value} tokens=20B\nmodel ok params=1B tokens=20B`]);
      assert.equal(evaluation.diagnostics.length, 1, evaluation.diagnostics.map((d) => d.message).join(' | '));
      assert.match(evaluation.diagnostics[0].message, /levels deep/);
      assert.equal(evaluation.results.length, 1);
    }
  });

  it('nesting up to the limit still evaluates: 99 parentheses and a sum of 100 terms', () => {
    assert.deepEqual(errorsOf(`model m params=${'('.repeat(99)}70B${')'.repeat(99)} tokens=1.4T`), []);
    assert.deepEqual(errorsOf(`budget b compute=${Array(100).fill('1e22').join('+')}`), []);
  });

  it(`a list longer than ${MAX_LIST_ITEMS} items is refused at the first item too many`, () => {
    const budgets = Array.from({ length: 10_000 }, (_, index) => `1e${18 + (index % 8)}`);
    const line = `plot isoflop compute=${budgets.join(',')}`;
    const [error] = errorsOf(line);
    assert.match(error.message, new RegExp(`more than ${MAX_LIST_ITEMS} items`));
    assert.equal(error.span.start, line.indexOf('=') + 1 + budgets.slice(0, MAX_LIST_ITEMS).join(',').length + 1);
  });

  it('a cell of many model lines evaluates in linear time, in one merged table', function () {
    const timed = (lines: number) => {
      const cell = Array.from({ length: lines }, (_, index) => `model m${index} params=1B tokens=20B`).join('\n');
      const started = performance.now();
      const [evaluation] = evaluateNotebook([cell]);
      assert.equal(evaluation.results.length, 1);
      assert.equal(evaluation.results[0].tables[0].rows.length, lines);
      assert.equal((evaluation.results[0].data as unknown[]).length, lines);
      return performance.now() - started;
    };
    timed(1000); // warm up
    // Four times the lines: about 4× the time when linear, 16× when quadratic (20,000 lines took 19.5 s).
    const ratio = timed(16_000) / timed(4000);
    assert.ok(ratio < 9, `16,000 lines took ${ratio.toFixed(1)}× as long as 4,000`);
  });
});

describe('language/chart caps (issue 16: cheap inputs, expensive work)', () => {
  it(`plot isoflop draws at most ${MAX_CHART_SERIES} budgets, and says so at the list`, () => {
    const budgets = Array.from({ length: 21 }, (_, index) => `1e${19 + (index % 6)}`).join(',');
    const line = `plot isoflop compute=${budgets}`;
    const [error] = errorsOf(line);
    assert.match(error.message, /at most 20 budgets/);
    assert.equal(error.span.start, line.indexOf('=') + 1);
    assert.deepEqual(errorsOf(`plot isoflop compute=${Array(20).fill('1e21').join(',')}`), []);
  });

  it(`a law comparison draws at most ${MAX_CHART_SERIES} laws`, () => {
    assert.match(errorsOf(`plot laws laws=${Array(21).fill('epoch').join(',')}`)[0].message, /at most 20 laws/);
  });
});
