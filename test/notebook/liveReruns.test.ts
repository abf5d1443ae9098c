import * as assert from 'node:assert/strict';
import { findPresetLaw } from '../../src/core';
import { fitChinchilla } from '../../src/core/fit';
import type { CellEvaluation } from '../../src/language/evaluator/evaluateNotebook';
import { IncrementalEvaluator } from '../../src/language/evaluator/incrementalEvaluator';
import { fitRequestKey, type FileOutcome, type FitOutcome } from '../../src/language/evaluator/resources';
import { liveReruns } from '../../src/notebook/liveReruns';
import { ladderCsv } from '../language/evaluator/ladderCsv';

const epoch = findPresetLaw('epoch')!;

describe('notebook/live re-runs', () => {
  it('re-runs the cells that use an edited declaration or a changed file; a fit typing cannot start gets the refit note', () => {
    const cells = ['model a params=1B tokens=1T', 'check a', 'optimal compute=1e22', 'data d from "runs.csv"', 'fit d', 'check a law=d'];
    const files = new Map<string, FileOutcome>([['runs.csv', { text: ladderCsv(3) }]]);
    const fits = new Map<string, FitOutcome>();
    const evaluator = new IncrementalEvaluator();
    const evaluate = () => evaluator.evaluate(cells, { defaultLaw: epoch, resources: { files, fits } });
    // Run All: the kernel fits what is pending, then every cell shows its evaluation.
    for (const { pending } of evaluate()) {
      for (const request of pending.fits) {
        if (request.kind === 'fit') fits.set(fitRequestKey(request), { fit: fitChinchilla(request.points, request.options) });
      }
    }
    const shown: CellEvaluation[] = [...evaluate()];
    const show = (reruns: ReturnType<typeof liveReruns>) => reruns.forEach(({ index, evaluation }) => (shown[index] = evaluation));
    const summary = (reruns: ReturnType<typeof liveReruns>) => reruns.map(({ index, refitNote }) => [index, refitNote]);

    // 300B on 1T tokens: the checks of a (cells 1 and 5) change; the optimal at a fixed compute, the data and the fit do not use a.
    cells[0] = 'model a params=300B tokens=1T';
    const afterEdit = liveReruns(evaluate(), (index) => shown[index], 0);
    assert.deepEqual(summary(afterEdit), [
      [1, false],
      [5, false],
    ]);
    show(afterEdit);
    assert.deepEqual(
      liveReruns(evaluate(), (index) => shown[index], 0),
      [],
      'nothing changed since',
    );

    // The edited cell itself is not re-run while typed in: its author runs it.
    shown[0] = evaluate()[0];
    // A new file: the data changes, its fit is a new request nobody started, and the check under the fitted law waits for it.
    files.set('runs.csv', { text: ladderCsv(4) });
    assert.deepEqual(summary(liveReruns(evaluate(), (index) => shown[index], -1)), [
      [3, false],
      [4, true],
      [5, true],
    ]);
  });

  it('leaves cells that never ran, and cells above the edit', () => {
    const cells = ['model a params=1B tokens=1T', 'check a', 'check a'];
    const evaluator = new IncrementalEvaluator();
    const shown = evaluator.evaluate(cells);
    cells[0] = 'model a params=2B tokens=1T';
    const evaluations = evaluator.evaluate(cells);
    assert.deepEqual(
      liveReruns(evaluations, (index) => (index === 2 ? undefined : shown[index]), 0).map(({ index }) => index),
      [1],
    );
    assert.deepEqual(
      liveReruns(evaluations, (index) => shown[index], 1).map(({ index }) => index),
      [2],
    );
  });
});
