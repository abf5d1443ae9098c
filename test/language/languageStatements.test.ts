import * as assert from 'node:assert/strict';
import { customLaw } from '../../src/core';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { hoverAt } from '../../src/language/hoverContent';
import { assertDiagnostics, onlyResultData } from './helpers';

const TRANSFER = [
  'transfer catalan params=2B lambda=0.5',
  '  language, tokens, unique, tau',
  '  catalan,  20B,    5B,',
  '  spanish,  100B,   ,       0.3',
  '  others,   200B,   ,       0.05',
].join('\n');

describe('language/multilingual statements', () => {
  it('languages gives the published iso-loss factors and scales a base run', () => {
    const data = onlyResultData('languages from=8 to=32 params=7B tokens=1T');
    // r = 4: 4^0.243 ≈ 1.40056 and 4^0.728 ≈ 2.74347.
    assert.ok(Math.abs(data.params - 1.4005563208872047) < 1e-12);
    assert.ok(Math.abs(data.scaled.params - 7e9 * 1.4005563208872047) < 1);
    assert.ok(Math.abs(data.scaled.tokens - 1e12 * 2.7434665771811946) < 1e3);
    const [result] = evaluateNotebook(['languages from=8 to=32 params=7B tokens=1T'])[0].results;
    assert.deepEqual(result.tables[0].rows[0], ['parameters N', 'r^0.243', '×1.4', '7B', '9.8B']);
    assert.ok(result.chart);
  });

  it('languages derives the exponents from α and β when given', () => {
    const data = onlyResultData('languages from=10 to=20 alpha=0.34 beta=0.28');
    // ϕ/α = 0.11/0.34 and 1 + ψ/β = 1 − 0.04/0.28: 2^0.3235 ≈ 1.2513.
    assert.ok(Math.abs(data.params - 2 ** (0.11 / 0.34)) < 1e-12);
    assert.ok(Math.abs(data.totalTokens - 2 ** (1 - 0.04 / 0.28)) < 1e-12);
  });

  it("transfer adds each language's discounted tokens times τ, and reads the loss off the active law", () => {
    const [evaluation] = evaluateNotebook([`law chinchilla\n${TRANSFER}`]);
    assert.deepEqual(evaluation.diagnostics, []);
    const data = evaluation.results[1].data as { total: number; losses: { withTransfer: number; targetOnly: number } };
    // 5e9·[1 + (1 − e^(−1.5))/0.5] + 0.3 × 1e11 + 0.05 × 2e11 ≈ 1.27687e10 + 3e10 + 1e10.
    const deff = 12768698398.515701 + 3e10 + 1e10;
    assert.ok(Math.abs(data.total / deff - 1) < 1e-12);
    const law = customLaw('printed', { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 });
    assert.ok(Math.abs(data.losses.withTransfer - law.loss(2e9, deff)) < 1e-12);
    assert.ok(data.losses.targetOnly > data.losses.withTransfer);
  });

  it('transfer answers under law= when given, and counts every token of the table for "every token"', () => {
    // No law line: the active law is Epoch's refit, so only law= can bring in Chinchilla's printed constants.
    const data = onlyResultData(TRANSFER.replace('lambda=0.5', 'lambda=0.5 law=chinchilla'));
    const printed =
      ({ E, A, B, alpha, beta }: Record<string, number>) =>
      (N: number, D: number) =>
        E + A / N ** alpha + B / D ** beta;
    const loss = printed({ E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 });
    const deff = 12768698398.515701 + 3e10 + 1e10;
    assert.equal(data.losses.law, 'hoffmann2022');
    assert.ok(Math.abs(data.losses.withTransfer - loss(2e9, deff)) < 1e-12);
    // Every token of the table as the target's: 20B + 100B + 200B = 320B, repeats and τ ignored.
    assert.ok(Math.abs(data.losses.allTokens - loss(2e9, 320e9)) < 1e-12);
  });

  it('points at the table line at fault', () => {
    const broken = TRANSFER.replace('0.3', 'lots');
    const evaluation = assertDiagnostics(broken, 'data-error');
    assert.equal(evaluation.diagnostics[0].span.line, 3);
    assert.match(evaluation.diagnostics[0].message, /spanish, column "tau": τ must be a number, got "lots"/);
  });

  for (const [input, code, message] of [
    ['languages from=8', 'missing-property', /needs to=/],
    ['languages from=8 to=2.5', 'invalid-value', /to must be a whole number ≥ 1, got 2\.5/],
    ['languages from=8 to=32 params=7B', 'missing-property', /"languages" needs params=… and tokens=… together/],
    ['languages from=8 to=32 alpha=0.3', 'missing-property', /needs alpha=… and beta=… together/],
    ['languages from=8 to=32 phi=0.1', 'missing-property', /needs alpha=/],
    ['languages 8 to=32', 'syntax', /unexpected "8" after languages/],
    ['transfer catalan', 'syntax', /needs a table of languages/],
    [TRANSFER.replace(' lambda=0.5', ''), 'invalid-value', /catalan repeats its unique data \(4 epochs\): give λ/],
    [
      TRANSFER.replace('catalan,  20B,    5B,', 'catalan,  20B,    5B,   0.9'),
      'data-error',
      /catalan is the target: its τ is 1 by definition/,
    ],
    [TRANSFER.replace('transfer catalan', 'transfer basque'), 'data-error', /no line for the target language basque/],
    [TRANSFER.replace('0.05', ''), 'data-error', /others needs its transfer weight τ to catalan/],
  ] as const) {
    it(`"${input.split('\n')[0]}…" → ${code}`, () => {
      const evaluation = assertDiagnostics(input, code);
      assert.match(evaluation.diagnostics[0].message, message);
    });
  }

  it('the editor explains the keywords', () => {
    assert.match(hoverAt(['languages from=8 to=32'], 0, { line: 0, column: 3 })!.markdown, /curse of multilinguality/);
    assert.match(hoverAt([TRANSFER], 0, { line: 0, column: 3 })!.markdown, /D_eff = S_λ\(D_t; U_t\)/);
  });
});
