import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findPresetLaw, type ScalingLaw } from '../../../src/core';
import { fitChinchilla } from '../../../src/core/fit';
import { evaluateNotebook, scopeAt, type EvaluateOptions } from '../../../src/language/evaluator/evaluateNotebook';
import { IncrementalEvaluator } from '../../../src/language/evaluator/incrementalEvaluator';
import { fitRequestKey, type FileOutcome, type FitOutcome } from '../../../src/language/evaluator/resources';
import { ladderCsv } from './ladderCsv';

const epoch = findPresetLaw('epoch')!;
const FILE_VERSIONS: readonly FileOutcome[] = [{ text: ladderCsv(3) }, { text: ladderCsv(4) }, { error: 'no such file runs.csv' }];

/** Fits are slow: each distinct request is fitted once for the whole file. */
const FITTED = new Map<string, FitOutcome>();

/**
 * Lines over a few shared names, so that cells depend on each other in every way the scope allows:
 * declarations and their uses, redeclarations, the active law, unknown names (whose message lists
 * every name), a data file, its fit, and a law taken from the fit.
 */
const LINE = fc.oneof(
  fc
    .tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('1B', '7B', '70B'), fc.constantFrom('20B', '1.4T'))
    .map(([name, params, tokens]) => `model ${name} params=${params} tokens=${tokens}`),
  fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('1e21', '1e23')).map(([name, compute]) => `budget ${name} compute=${compute}`),
  fc.constantFrom('law chinchilla', 'law kaplan', 'law epoch', 'law mine E=1.7 A=400 B=410 alpha=0.34 beta=0.28', 'law d'),
  fc.constantFrom('a', 'b', 'c', 'chinchilla', 'x').map((name) => `check ${name}`),
  fc.constantFrom('optimal a', 'optimal b', 'optimal compute=1e22', 'compare a, b', 'check a law=d', 'check b law=mine'),
  fc.constantFrom('plot frontier compute=1e20..1e24 models=a', 'data d from "runs.csv"', 'fit d'),
  fc.constantFrom('mdoel a', 'model a params=70 B tokens=1T'),
  fc.constant('data e\n  params, tokens, loss\n  1e8, 2e9, 3.1\n  2e8, 4e9, 2.9'),
);
const CELL = fc.array(LINE, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

/** Half the notebooks start from a fitted ladder, so that fits arrive, change and go while cells use them. */
const LADDER = ['model a params=7B tokens=1T', 'data d from "runs.csv"', 'fit d', 'check a law=d\nlaw d', 'optimal a'];
const NOTEBOOK = fc.oneof(
  fc.array(CELL, { minLength: 1, maxLength: 6 }),
  fc.array(CELL, { maxLength: 3 }).map((cells) => [...LADDER, ...cells]),
);

/** Evaluate everything (the editor), or up to a cell (the kernel running it). */
const UP_TO = fc.option(fc.nat(), { nil: undefined });

type Step =
  | { readonly kind: 'set' | 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'file'; readonly version: number }
  | { readonly kind: 'fits' | 'forget-fits' }
  | { readonly kind: 'law'; readonly law: string };

const STEP: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), text: CELL }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: CELL }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('file' as const), version: fc.nat({ max: FILE_VERSIONS.length }) }), weight: 1 },
  { arbitrary: fc.constantFrom({ kind: 'fits' as const }, { kind: 'forget-fits' as const }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('law' as const), law: fc.constantFrom('epoch', 'chinchilla') }), weight: 1 },
);

/** A notebook as the editor sees it: cells, the files map the session mutates, the fits map, the default law. */
interface Notebook {
  cells: string[];
  files: Map<string, FileOutcome>;
  fits: Map<string, FitOutcome>;
  law: ScalingLaw;
}

function apply(notebook: Notebook, step: Step): void {
  const { cells } = notebook;
  switch (step.kind) {
    case 'set':
      if (cells.length > 0) cells[step.at % cells.length] = step.text;
      return;
    case 'insert':
      cells.splice(step.at % (cells.length + 1), 0, step.text);
      return;
    case 'delete':
      if (cells.length > 1) cells.splice(step.at % cells.length, 1);
      return;
    case 'file':
      if (step.version === FILE_VERSIONS.length) notebook.files.delete('runs.csv');
      else notebook.files.set('runs.csv', FILE_VERSIONS[step.version]);
      return;
    case 'fits':
      // What the kernel does after a run: fit every pending request.
      for (const { pending } of evaluateNotebook(cells, options(notebook))) {
        for (const request of pending.fits) {
          const key = fitRequestKey(request);
          if (!FITTED.has(key) && request.kind === 'fit') FITTED.set(key, { fit: fitChinchilla(request.points, request.options) });
          const outcome = FITTED.get(key);
          if (outcome) notebook.fits.set(key, outcome);
        }
      }
      return;
    case 'forget-fits':
      notebook.fits.clear();
      return;
    case 'law':
      notebook.law = findPresetLaw(step.law)!;
  }
}

function options(notebook: Notebook): EvaluateOptions {
  return { defaultLaw: notebook.law, resources: { files: notebook.files, fits: notebook.fits } };
}

describe('language/evaluator/incremental evaluator', () => {
  it('after any sequence of edits, file changes and fits, gives exactly what a fresh evaluation gives', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(NOTEBOOK, fc.array(fc.tuple(STEP, UP_TO, fc.nat()), { maxLength: 12 }), (initial, steps) => {
        const notebook: Notebook = { cells: [...initial], files: new Map([['runs.csv', FILE_VERSIONS[0]]]), fits: new Map(), law: epoch };
        const evaluator = new IncrementalEvaluator();
        for (const [step, upTo, hoverCell] of steps) {
          apply(notebook, step);
          const last = upTo === undefined ? undefined : upTo % notebook.cells.length;
          const fresh = evaluateNotebook(notebook.cells, options(notebook));
          const incremental = evaluator.evaluate(notebook.cells, { ...options(notebook), upTo: last });
          assert.deepEqual(incremental, last === undefined ? fresh : fresh.slice(0, last + 1));
          // The cell the kernel runs sees only declarations above it: the same as evaluating up to it.
          if (last !== undefined) {
            assert.deepEqual(incremental[last], evaluateNotebook(notebook.cells, { ...options(notebook), upTo: last })[last]);
          }
          // Hovers and completions read the kept scope of the cells above.
          const cellIndex = hoverCell % notebook.cells.length;
          const scopeBefore = evaluator.scopeBefore(notebook.cells, cellIndex, options(notebook));
          const kept = scopeAt(notebook.cells, cellIndex, 2, { ...options(notebook), scopeBefore });
          const derived = scopeAt(notebook.cells, cellIndex, 2, options(notebook));
          assert.deepEqual([kept.all(), kept.law], [derived.all(), derived.law]);
        }
      }),
      { numRuns: 150 },
    );
  });

  /** 200 cells: every third a model, each followed by a check of it and an optimal at a fixed compute. */
  const cells = Array.from({ length: 200 }, (_, index) =>
    index % 3 === 0
      ? `model m${index} params=${1 + (index % 7)}B tokens=${20 + index}B`
      : index % 3 === 1
        ? `check m${index - 1}`
        : 'optimal compute=1e22',
  );

  it('runs the cells one after another (Run All) evaluating each cell once', () => {
    const evaluator = new IncrementalEvaluator();
    for (let index = 0; index < cells.length; index++) evaluator.evaluate(cells, { upTo: index });
    assert.equal(evaluator.cellsEvaluated, cells.length);
  });

  it('after an edit, re-derives the edited cell and the cells that use what it declares, and no other', () => {
    const evaluator = new IncrementalEvaluator();
    evaluator.evaluate(cells);
    const edited = [...cells];
    edited[99] = 'model m99 params=8B tokens=120B';
    evaluator.evaluate(edited);
    // Cell 99 and the check of m99 in cell 100.
    assert.equal(evaluator.cellsEvaluated, cells.length + 2);
    edited[0] = 'law kaplan\nmodel m0 params=1B tokens=20B';
    evaluator.evaluate(edited);
    // The active law changed: checks and optimals use it, and so do models (their table shows the verdict under it).
    assert.equal(evaluator.cellsEvaluated, cells.length + 2 + cells.length);
    edited[0] = 'law kaplan\nmodel m0 params=2B tokens=20B';
    evaluator.evaluate(edited);
    // Cell 0 and the check of m0 in cell 1: the law is the same object as before.
    assert.equal(evaluator.cellsEvaluated, cells.length + 2 + cells.length + 2);
  });

  it('a changed data file re-derives the cells that read it and those that use the data, and no other', () => {
    const notebook = ['model a params=7B tokens=1T', 'data d from "runs.csv"', 'check a', 'check a law=d', 'optimal compute=1e22'];
    const fits = new Map<string, FitOutcome>();
    const files = new Map<string, FileOutcome>([['runs.csv', FILE_VERSIONS[0]]]);
    const evaluator = new IncrementalEvaluator();
    evaluator.evaluate(notebook, { resources: { files, fits } });
    files.set('runs.csv', { text: ladderCsv(3) });
    evaluator.evaluate(notebook, { resources: { files, fits } });
    assert.equal(evaluator.cellsEvaluated, notebook.length, 'the same text read again changes nothing');
    files.set('runs.csv', FILE_VERSIONS[1]);
    evaluator.evaluate(notebook, { resources: { files, fits } });
    assert.equal(evaluator.cellsEvaluated, notebook.length + 2);
  });
});
