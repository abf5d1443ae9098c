import * as assert from 'node:assert/strict';
import { completionsAt } from '../../src/language/completionItems';
import { hoverAt } from '../../src/language/hoverContent';
import { assertDiagnostics, dataOf, evaluateLast, onlyResultData } from './helpers';

/** L = 0.5 + 100/√N + 100/√D; at D = 10⁸ the data term is 0.01. */
const TOY = 'law toy E=0.5 A=100 B=100 alpha=0.5 beta=0.5';

describe('language: emergence statement', () => {
  it('works the toy law by hand: exact match over 10 tokens crosses 50% at N = (100/(ln 2/10 − 0.01))² ≈ 2.84M', () => {
    const data = onlyResultData(TOY, 'emergence answer=10 tokens=100M params=1e4..1e10 offset=E');
    assert.equal(data.offset, 0.5);
    assert.deepEqual(data.training, { kind: 'fixed', tokens: 1e8 });
    // N = 10⁶: L = 0.61, p = e^(−0.11), exact match e^(−1.1) = 0.33287
    const million = data.points.find((point: { params: number }) => point.params === 1e6);
    assert.ok(Math.abs(million.exactMatch - Math.exp(-1.1)) < 1e-14);
    assert.equal(data.crossings.threshold.where, 'within');
    assert.ok(Math.abs(data.crossings.threshold.point.params / 2842333.6668778043 - 1) < 1e-8);
    // ceiling e^(−10·0.01): 90% lies beyond the range, 95% never
    assert.ok(Math.abs(data.ceiling - Math.exp(-0.1)) < 1e-14);
    assert.equal(data.crossings.riseTo.where, 'beyond');
  });

  it("defaults to the paper's p = e^(−L) and says why nothing emerges under a law with a floor", () => {
    const [result] = evaluateLast('emergence answer=20').results;
    const data = dataOf(result, 'emergence');
    assert.equal(data.offset, 0);
    assert.deepEqual(data.params, [1e8, 1e14]);
    assert.equal(data.crossings.threshold.where, 'never');
    assert.ok(result.notes.some((note) => /nothing emerges/.test(note) && /E = 1\.8169/.test(note)));
    assert.ok(result.chart && result.tables.length === 2);
  });

  it('takes offset=E, a ratio, a threshold and law= for the line', () => {
    const data = onlyResultData('emergence answer=5 ratio=20 offset=E threshold=10% law=chinchilla');
    assert.equal(data.law, 'hoffmann2022');
    assert.equal(data.offset, 1.69);
    assert.equal(data.threshold, 0.1);
    assert.equal(data.points[0].tokens, 20 * 1e8);
  });

  for (const [input, code] of [
    ['emergence', 'missing-property'],
    ['emergence answer=0', 'invalid-value'],
    ['emergence answer=20 tokens=1T ratio=20', 'invalid-value'],
    ['emergence answer=20 offset=F', 'invalid-value'],
    ['emergence answer=20 offset=2', 'invalid-value'],
    ['emergence answer=20 threshold=100%', 'invalid-value'],
    ['emergence answer=20 params=1e12..1e8', 'invalid-value'],
  ] as const) {
    it(`reports ${code} for: ${input}`, () => {
      assertDiagnostics(input, code);
    });
  }

  it("points an offset above E at the value, naming the law's E", () => {
    const [diagnostic] = assertDiagnostics('emergence answer=20 offset=2', 'invalid-value').diagnostics;
    assert.deepEqual(diagnostic.span, { line: 0, start: 27, end: 28 });
    assert.match(diagnostic.message, /offset must be between 0 and besiroglu2024's irreducible loss E = 1\.817/);
  });

  it('hovers and completes from the keyword table', () => {
    assert.match(hoverAt(['emergence answer=20'], 0, { line: 0, column: 11 })!.markdown, /\*\*answer\*\* — ℓ: tokens in the answer/);
    const offered = completionsAt(['emergence answer=20 law='], 0, { line: 0, column: 24 }).map((entry) => entry.label);
    assert.ok(offered.includes('epoch') && offered.includes('kaplan2020'));
  });
});
