import * as assert from 'node:assert/strict';
import { formatCount, formatDollars, formatScientific } from '../../src/core';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { payloadToMarkdown, payloadToText } from '../../src/language/output/payloadText';
import { formatLoss, formatLossGap } from '../../src/core/numberFormat';

/** What a cell shows people (results as text and Markdown, diagnostics), and its JSON data. */
function shown(cell: string): { text: string; json: string } {
  const [evaluation] = evaluateNotebook([cell]);
  return {
    text: [
      ...evaluation.results.flatMap((result) => [payloadToText(result), payloadToMarkdown(result)]),
      ...evaluation.diagnostics.map((d) => d.message),
    ].join('\n'),
    json: JSON.stringify(evaluation.results.map((result) => result.data)),
  };
}

describe('language/extreme numbers (issue 16 items 6, 7)', () => {
  for (const [line, value] of [
    ['model m params=1e308 tokens=2T', '1e308'],
    ['model n params=1e-320 tokens=20*params', '1e-320'],
    ['returns compute=1e-300..1e300', '1e-300'],
    ['budget c gpus=8 gpu=H100 days=3 mfu=40% price=$1e300/h', '$1e300/h'],
  ] as const) {
    it(`refuses ${line} with a located error at the value, not an internal error`, () => {
      const [evaluation] = evaluateNotebook([line]);
      assert.equal(evaluation.diagnostics.length, 1);
      const [error] = evaluation.diagnostics;
      assert.equal(error.code, 'invalid-value');
      assert.doesNotMatch(error.message, /internal error/);
      assert.match(error.message, /must be zero or of magnitude from 1e-30 to 1e40/);
      assert.equal(line.slice(error.span.start, error.span.end), value);
    });
  }

  it('optimal loss=2.0 serve=1 says nothing is saved instead of "−3.36e7 FLOP saved"', () => {
    const [evaluation] = evaluateNotebook(['optimal loss=2.0 serve=1']);
    const [result] = evaluation.results;
    const text = payloadToText(result);
    assert.match(text, /the Chinchilla-optimal model is already the cheapest way to reach this loss, so nothing is saved/);
    assert.doesNotMatch(text, /FLOP saved|e-1\d%|−|-\d/);
    assert.deepEqual((result.data as { saving: { fraction: number; flops: number } }).saving, { fraction: 0, flops: 0 });
  });

  it('accepted extremes never show NaN, Infinity or -0', () => {
    for (const cell of [
      'model a params=1e40 tokens=1e40\ncheck a\noptimal compute=1e40',
      'model b params=1e-30 tokens=1e-30\ncheck b',
      'budget c gpus=1e40 gpu=H100 days=1e40 mfu=100% price=$1e40/h\noptimal c',
      'returns compute=1e-30..1e40',
      'plot loss-vs-params tokens=1e-30 params=1e-30..1e40',
    ]) {
      const { text, json } = shown(cell);
      // People read no NaN, Infinity, negative zero or digits of round-off; JSON has no null from NaN.
      assert.doesNotMatch(text, /NaN|Infinity|(^|[^\w.])-0(\.0+)?\b|e\+|\d{12}/, cell);
      assert.doesNotMatch(json, /NaN|Infinity|null/, cell);
    }
  });

  it('check at 1e40 parameters and tokens: near compute-optimal with the efficiency to match, not 1.67e-39%', () => {
    // test/fixtures/verdict_reference.py under besiroglu2024 at C = 6e80: efficiency 0.98515, band edges 0.89822 and 0.89885.
    const { text } = shown('model m params=1e40 tokens=1e40\ncheck m');
    assert.match(text, /\| 98\.5% \| near compute-optimal \|/);
    assert.match(text, /reaches 89\.8% \(⅓ the optimal D\/N\) and 89\.9% \(3×\) compute efficiency/);
    assert.doesNotMatch(text, /e-\d+%/);
  });

  it('formatters put words, never NaN or Infinity, and no negative zero', () => {
    assert.equal(formatCount(Infinity), 'too large to show');
    assert.equal(formatScientific(-Infinity), 'too negative to show');
    assert.equal(formatDollars(Infinity), 'too large to show');
    assert.equal(formatLoss(NaN), 'undefined');
    assert.equal(formatLoss(-1e-9), '0.0000');
    assert.equal(formatLossGap(-1e-9), '+0.0000');
    assert.equal(formatLossGap(-0.25), '−0.2500');
    assert.equal(formatLoss(210265727337107.0938), '2.10266e14');
    assert.equal(formatLoss(1.8169), '1.8169');
  });
});
