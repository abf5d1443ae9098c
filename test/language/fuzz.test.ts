import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { completionsAt } from '../../src/language/completionItems';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { hoverAt } from '../../src/language/hoverContent';

/** Pieces that make plausible and implausible cells. */
const piece = fc.constantFrom(
  'law',
  'model',
  'budget',
  'optimal',
  'check',
  'compare',
  'plot',
  'epoch',
  'kaplan',
  'm',
  'gopher',
  'llama-3-8b',
  'frontier',
  'isoflop',
  'params=',
  'tokens=',
  'active=',
  'compute=',
  'gpus=',
  'gpu=',
  'H100',
  'days=',
  'mfu=',
  'price=',
  'loss=',
  'models=',
  'laws=',
  'E=',
  'alpha=',
  '70B',
  '1.4T',
  '-1B',
  '0',
  '1e999',
  '40%',
  '$2.50/h',
  '1e18..1e26',
  '..',
  ',',
  '*',
  '/',
  '+',
  '-',
  '(',
  ')',
  '=',
  '"x.csv"',
  '"',
  '#',
  '×',
  '1e',
  'NaN',
  '.',
  '%',
  '$',
);
const line = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 10 }).map((pieces) => pieces.join(' '));
const cell = fc.array(line, { maxLength: 6 }).map((lines) => lines.join('\n'));
const SAMPLE =
  'law epoch\nmodel chinchilla params=70B tokens=1.4T\nbudget b gpus=8 gpu=H100 days=3 mfu=40% price=$2/h\noptimal b\ncheck chinchilla, gopher\nplot frontier compute=1e20..1e24 models=chinchilla';

describe('language/fuzz', () => {
  it('random cells never throw: every problem is a diagnostic with a range on a real line', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 3 }), (cells) => {
        for (const evaluation of evaluateNotebook(cells)) {
          const lineCount = cells[evaluation.cellIndex].split(/\r?\n/).length;
          for (const diagnostic of evaluation.diagnostics) {
            assert.ok(diagnostic.span.line >= 0 && diagnostic.span.line < lineCount, JSON.stringify(diagnostic));
            assert.ok(diagnostic.span.start >= 0 && diagnostic.span.end >= diagnostic.span.start);
            assert.ok(diagnostic.message.length > 0);
            assert.doesNotMatch(diagnostic.message, /internal error/);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every truncation of a real cell evaluates, hovers and completes without throwing', () => {
    for (let length = 0; length <= SAMPLE.length; length++) {
      const text = SAMPLE.slice(0, length);
      const [evaluation] = evaluateNotebook([text]);
      assert.ok(
        evaluation.diagnostics.every((diagnostic) => !/internal error/.test(diagnostic.message)),
        text,
      );
      const lines = text.split('\n');
      const position = { line: lines.length - 1, column: lines[lines.length - 1].length };
      hoverAt([text], 0, position);
      completionsAt([text], 0, position);
    }
  });

  it('hover and completion never throw at any position of random cells', () => {
    fc.assert(
      fc.property(cell, fc.nat(), fc.nat(), (text, lineSeed, columnSeed) => {
        const lines = text.split('\n');
        const lineIndex = lineSeed % lines.length;
        const position = { line: lineIndex, column: columnSeed % (lines[lineIndex].length + 1) };
        hoverAt([text], 0, position);
        completionsAt([text], 0, position);
      }),
      { numRuns: 400 },
    );
  });
});
