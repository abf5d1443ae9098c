import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { completionsAt } from '../../src/language/completionItems';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { BUILDERS } from '../../src/language/evaluator/plots';
import { parseCell } from '../../src/language/parser';
import { formFor, formsOf, keywords } from '../../src/language/registry';
import { formLabel, type StatementForm } from '../../src/language/statementForm';
import { STATEMENT_FORMS } from '../../src/language/statements';
import { formLine } from './fuzzVocabulary';
import { assertDiagnostics } from './helpers';

const ROOT = join(__dirname, '..', '..');

/** Declarations the forms' examples refer to. */
const PRELUDE = [
  'budget cluster2 gpus=2048 gpu=H100 days=60 mfu=40%',
  'model big-run params=70B tokens=1.4T',
  'data ladder',
  '  params,tokens,loss',
  '  1e8,2e9,3.5',
  '  4e8,8e9,3.0',
].join('\n');

/** A transfer's table of languages, for forms that own the lines under them. */
const LANGUAGE_TABLE = '\n  language, tokens, unique, tau\n  catalan, 20B, 5B,\n  spanish, 100B, , 0.3';

/** The form a line of a cell is, as the evaluator would choose it. */
function formOfLine(text: string): StatementForm | undefined {
  const [statement] = parseCell(text).statements;
  return statement && formFor(statement);
}

/** Code cells of every ```scaling fence of a Markdown file. */
function scalingFences(markdown: string): string[] {
  return [...markdown.matchAll(/^```scaling[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]);
}

describe('language/registry: the forms are consistent', () => {
  for (const keyword of keywords()) {
    it(`${keyword}: its forms agree on their role and have at most one default`, () => {
      const forms = formsOf(keyword);
      assert.equal(new Set(forms.map((form) => form.role)).size, 1);
      assert.ok(forms.filter((form) => !form.matches).length <= 1);
    });
  }

  for (const form of STATEMENT_FORMS) {
    it(`${formLabel(form)}: its syntax and example are its own, its example evaluates`, () => {
      assert.ok(
        form.doc.length > 20 && form.syntax.startsWith(form.keyword) && form.syntax.includes(form.form ?? form.keyword),
        form.syntax,
      );
      assert.equal(formOfLine(form.example), form, `the example "${form.example}" is another form`);
      const [statement] = parseCell(form.example).statements;
      const text = form.ownsBlock?.(statement) ? form.example + LANGUAGE_TABLE : form.example;
      const [, evaluation] = evaluateNotebook([PRELUDE, text]);
      // Names the example refers to may be missing here (sweep, a fit still running); its words and properties may not.
      const wrong = evaluation.diagnostics.filter((diagnostic) =>
        ['syntax', 'unknown-keyword', 'unknown-property', 'missing-property', 'duplicate-property'].includes(diagnostic.code),
      );
      assert.deepEqual(wrong, []);
    });
  }

  it('every plot form has a chart builder, and every builder a form', () => {
    assert.deepEqual(
      formsOf('plot')
        .map((form) => form.form)
        .sort(),
      Object.keys(BUILDERS).sort(),
    );
  });
});

describe('language/registry: docs, examples and completions cover every form', () => {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(join(ROOT, 'docs', name), 'utf8'));
  const documented = new Set(
    docs.flatMap(scalingFences).flatMap((cell) => parseCell(cell).statements.map((statement) => formFor(statement))),
  );

  for (const form of STATEMENT_FORMS) {
    it(`${formLabel(form)} has a line in a scaling block of docs/`, () => {
      assert.ok(documented.has(form), `no \`${formLabel(form)}\` line in docs/*.md`);
    });

    it(`${formLabel(form)}: completions after the keyword, and its properties after its name`, () => {
      // A new name (model NAME, budget NAME, data NAME) can be anything: nothing to offer there.
      if (form.name !== 'declares')
        assert.ok(completionsAt([PRELUDE, `${form.keyword} `], 1, { line: 0, column: form.keyword.length + 1 }).length > 0);
      // The example up to its first property: the keyword with its name, form word or positionals.
      const head = form.example.split(/\s+\S+=/)[0];
      const line = `${head} `;
      const offered = completionsAt([PRELUDE, line], 1, { line: 0, column: line.length }).map((entry) => entry.label);
      const expected = form.name === 'declares' || form.name === 'none' || head.split(' ').length > 1 ? Object.keys(form.properties) : [];
      for (const key of expected) assert.ok(offered.includes(key), `"${line}" does not offer ${key}: ${offered.join(', ')}`);
    });
  }
});

describe('language/registry: drifts the review found stay fixed', () => {
  for (const line of [
    'coverage foo p=0.1',
    'tournament bar generate=0.3 compare=0.7 calls=100',
    'emergence baz answer=20',
    'returns qux',
    'languages x from=8 to=32',
  ]) {
    it(`"${line}": a name the statement does not take is an error at the name`, () => {
      const [diagnostic] = assertDiagnostics(line, 'syntax').diagnostics;
      assert.match(diagnostic.message, /takes no name/);
      const name = line.split(' ')[1];
      assert.equal(line.slice(diagnostic.span.start, diagnostic.span.end), name);
    });
  }

  for (const [line, key] of [
    ['plot frontier serve=2T', 'serve'],
    ['plot frontier unique=500B', 'unique'],
    ['plot frontier importance=3', 'importance'],
    ['plot frontier epochs=1..10', 'epochs'],
    ['optimal compute=1e24 importance=3', 'importance'],
    ['optimal compute=1e24 tokens=1T', 'tokens'],
  ]) {
    it(`"${line}": another form's property is an unknown property of this one`, () => {
      const [diagnostic] = assertDiagnostics(line, 'unknown-property').diagnostics;
      assert.equal(line.slice(diagnostic.span.start, diagnostic.span.end), key);
    });
  }

  it('languages, transfer and returns offer completions; coverage offers its four properties', () => {
    for (const keyword of ['languages', 'transfer', 'returns'])
      assert.ok(completionsAt([`${keyword} `], 0, { line: 0, column: keyword.length + 1 }).length > 0, keyword);
    assert.deepEqual(
      completionsAt(['coverage '], 0, { line: 0, column: 9 }).map((entry) => entry.label),
      ['p', 'beta', 'samples', 'target'],
    );
  });

  it('a budget called "mixture" is still a budget after optimal', () => {
    const evaluation = evaluateNotebook(['budget mixture compute=1e24\noptimal mixture'])[0];
    assert.deepEqual(evaluation.diagnostics, []);
    assert.equal(evaluation.results[1].kind, 'optimal');
  });
});

describe('language/registry: fuzzing from the forms', () => {
  it('lines built from each form and its property types never crash: every problem is a located diagnostic', () => {
    fc.assert(
      fc.property(fc.array(formLine, { minLength: 1, maxLength: 4 }), (lines) => {
        const text = lines.join('\n');
        for (const evaluation of evaluateNotebook([PRELUDE, text])) {
          for (const diagnostic of evaluation.diagnostics) {
            assert.doesNotMatch(diagnostic.message, /internal error/, `${text}: ${diagnostic.message}`);
            assert.ok(diagnostic.span.end >= diagnostic.span.start);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
