/* eslint-disable no-control-regex -- control characters are what these expressions find and remove */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { MAX_EXPRESSION_DEPTH, MAX_LIST_ITEMS } from '../../src/language/limits';
import { payloadToMarkdown, payloadToText } from '../../src/language/output/payloadText';
import { ENUM_WORDS, FORM_WORDS, keyword, propertyKey } from './fuzzVocabulary';

/**
 * Fuzzes every statement of the language (every keyword of the registry, so returns, languages, transfer and the
 * mixture forms too) with hostile values: deep nesting, huge ranges and lists, extreme magnitudes,
 * and hostile CSV headers. Issue 16: whatever a cloned notebook holds, evaluation never throws,
 * every problem is located, and no output shows NaN, Infinity, control characters or raw HTML.
 */

/** Declarations the fuzzed statements can refer to: a model, a budget, a ladder and a mixture study. */
const PRELUDE = [
  'model m params=70B tokens=1.4T',
  'budget b compute=1e24',
  'data ladder',
  '  params,tokens,loss',
  '  1e8,2e9,3.5',
  '  4e8,8e9,3.1',
  '  1e9,2e10,2.9',
  'data mix',
  '  params,tokens,loss,w_web,w_code',
  '  1e8,2e9,3.5,0.7,0.3',
  '  4e8,8e9,3.1,0.5,0.5',
].join('\n');

/** Names the prelude declares, laws, a GPU, positional words (data … from, optimal mixture for), languages, a stray name. */
const NAMES = ['m', 'b', 'ladder', 'mix', 'epoch', 'kaplan', 'for', 'from', 'H100', 'en', 'sw', 'x'];
const word = fc.constantFrom(...NAMES, ...FORM_WORDS, ...ENUM_WORDS);

/** Extreme magnitudes as a cell would write them, valid and not. */
const extreme = fc.oneof(
  fc.constantFrom(
    '0',
    '-0',
    '1e999',
    '-1e999',
    '5e-324',
    '1e-320',
    '1.7976931348623157e308',
    '1e308',
    '1e-308',
    '1e40',
    '1e-30',
    '1e41',
    '1e-31',
    'NaN',
    '0.0',
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => String(value)),
  fc.integer({ min: -400, max: 400 }).map((exponent) => `1e${exponent}`),
);

/** Parentheses, minus signs or sums nested up to 30× past the depth limit. */
const deepNesting = fc.integer({ min: 0, max: MAX_EXPRESSION_DEPTH * 30 }).chain((depth) =>
  fc.constantFrom(
    `${'('.repeat(depth)}1${')'.repeat(depth)}`,
    `${'-'.repeat(depth)}1`,
    Array(depth + 1)
      .fill('1')
      .join('+'),
    Array(depth + 1)
      .fill('2')
      .join('*'),
  ),
);

/** Ranges spanning up to 800 decades, either way round, and lists up to 5× the item cap. */
const hugeRange = fc
  .tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -400, max: 400 }))
  .map(([from, to]) => `1e${from}..1e${to}`);
const hugeList = fc
  .tuple(fc.integer({ min: 1, max: MAX_LIST_ITEMS * 5 }), extreme)
  .map(([count, item]) => Array(count).fill(item).join(','));

const value = fc.oneof(extreme, deepNesting, hugeRange, hugeList, word, fc.constantFrom('40%', '$2.50/h', '"runs.csv"', '70B', '1.4T'));
const statement = fc
  .tuple(keyword, fc.option(word, { nil: undefined }), fc.array(fc.tuple(propertyKey, value), { maxLength: 4 }))
  .map(([key, name, pairs]) => [key, ...(name ? [name] : []), ...pairs.map(([property, text]) => `${property}=${text}`)].join(' '));

/** Headers with HTML, Markdown links, pipes, quotes and terminal escapes; values that are not numbers. */
const hostileHeader = fc.oneof(
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '\x1b]0;pwned\x07',
    '\x1b[31mred',
    '|a|b|',
    '**bold**',
    '`code`',
    '\u009b2J',
    '<script>',
    '&lt;',
  ),
  fc.string({ maxLength: 12 }).filter((text) => !/[,\n\r]/.test(text)),
);
const hostileTable = fc
  .tuple(
    fc.array(hostileHeader, { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(extreme, extreme, extreme), { minLength: 1, maxLength: 3 }),
  )
  .map(([headers, rows]) =>
    [
      'data hostile',
      `  params,tokens,loss,${headers.join(',')}`,
      ...rows.map((row) => `  ${[...row, ...headers.map(() => '1')].join(',')}`),
    ].join('\n'),
  );

/** Asserts the rules of issue 16 on one evaluated notebook. */
function assertHarmless(cells: string[]): void {
  const evaluations = evaluateNotebook(cells);
  for (const evaluation of evaluations) {
    const lineCount = cells[evaluation.cellIndex].split(/\r?\n/).length;
    for (const diagnostic of evaluation.diagnostics) {
      assert.ok(diagnostic.span.line >= 0 && diagnostic.span.line < lineCount, JSON.stringify(diagnostic));
      assert.doesNotMatch(diagnostic.message, /internal error|Maximum call stack/, diagnostic.message);
    }
    for (const result of evaluation.results) {
      const text = payloadToText(result);
      const markdown = payloadToMarkdown(result);
      assert.doesNotMatch(text, /NaN|Infinity/, text);
      assert.doesNotMatch(text, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/, 'control character in text output');
      assert.doesNotMatch(markdown, /<|[\x00-\x08\x0b-\x1f\x7f-\x9f]/, markdown);
    }
  }
}

describe('language/fuzz: hostile cells (issue 16)', () => {
  it('every statement with extreme values, deep nesting, huge ranges and huge lists', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 4 }), (lines) => assertHarmless([PRELUDE, lines.join('\n')])),
      { numRuns: 300 },
    );
  });

  it('inline tables with hostile CSV headers and extreme values', () => {
    fc.assert(
      fc.property(hostileTable, fc.array(statement, { maxLength: 2 }), (table, lines) =>
        assertHarmless([PRELUDE, [table, ...lines, 'fit hostile', 'plot fit hostile'].join('\n')]),
      ),
      { numRuns: 200 },
    );
  });
});
