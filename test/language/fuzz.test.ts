import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { completionsAt } from '../../src/language/completionItems';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { hoverAt } from '../../src/language/hoverContent';
import { keywordProperties, keywords } from '../../src/language/registry';
import { STATEMENT_FORMS } from '../../src/language/statements';
import { ENUM_WORDS, FORM_WORDS, KEYWORDS, anyValue, propertyKeysOf } from './fuzzVocabulary';

/**
 * The language's own words, from the registry (keywords, form words, `key=` of every property, enum
 * values), and names declared in SAMPLE or the catalogs: drawn from so that any statement can appear.
 */
const WORDS: readonly string[] = [
  ...KEYWORDS,
  ...FORM_WORDS,
  ...propertyKeysOf().map((key) => `${key}=`),
  ...ENUM_WORDS,
  ...['epoch', 'kaplan', 'chinchilla', 'b', 'gopher', 'llama-3-8b', 'H100'],
];

/** What breaks the lexer and parser: malformed numbers, stray operators and quotes, comments, signs. */
const DEBRIS = ['-1B', '1e999', '1e', 'NaN', '..', ',', '*', '/', '+', '-', '(', ')', '=', '"x.csv"', '"', '#', '×', '.', '%', '$'];

/** Pieces that make plausible and implausible cells: words, values of every property type, debris. */
const piece = fc.oneof(fc.constantFrom(...WORDS), anyValue, fc.constantFrom(...DEBRIS));
const line = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 10 }).map((pieces) => pieces.join(' '));
const cell = fc.array(line, { maxLength: 6 }).map((lines) => lines.join('\n'));
const SAMPLE =
  'law epoch\nmodel chinchilla params=70B tokens=1.4T\nbudget b gpus=8 gpu=H100 days=3 mfu=40% price=$2/h\noptimal b\ncheck chinchilla, gopher\nplot frontier compute=1e20..1e24 models=chinchilla';

describe('language/fuzz: the vocabulary follows the registry', () => {
  // WORDS is built from fuzzVocabulary.ts, which the hostile and coverage fuzz tests draw from too: a hand list there fails here.
  it('the random cells draw every keyword, form word, property and enum value of the registry', () => {
    const missing = [
      ...keywords(),
      ...STATEMENT_FORMS.flatMap((form) => (form.form ? [form.form] : [])),
      ...keywords().flatMap((keyword) => Object.keys(keywordProperties(keyword)).map((key) => `${key}=`)),
      ...STATEMENT_FORMS.flatMap((form) =>
        Object.values(form.properties).flatMap((spec) => (spec.type.kind === 'enum' ? spec.type.values : [])),
      ),
    ].filter((word) => !WORDS.includes(word));
    assert.deepEqual(missing, []);
  });
});

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
