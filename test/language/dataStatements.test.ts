import * as assert from 'node:assert/strict';
import { findPresetLaw } from '../../src/core';
import { bootstrapChinchilla, fitChinchilla, formatRunsCsv, syntheticRuns } from '../../src/core/fit';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { risingRuns } from '../core/fit/risingRuns';
import { FitCache, evaluateWithResources, type ResourceProvider } from '../../src/language/evaluator/evaluateWithResources';
import type { RunsData } from '../../src/language/output/resultData';
import { dataOf } from './helpers';

/** Files from a map; fits computed in this thread, counting how many ran. */
function provider(files: Record<string, string>) {
  const counts = { fits: 0, reads: 0 };
  const resources: ResourceProvider = {
    readFile: async (path) => {
      counts.reads++;
      return path in files ? { text: files[path] } : { error: `no such file ${path}` };
    },
    runFit: async (request) => {
      counts.fits++;
      if (request.kind === 'fit') return { fit: fitChinchilla(request.points, request.options) };
      const bootstrap = bootstrapChinchilla(request.points, request.options);
      return { fit: bootstrap.fit, bootstrap };
    },
  };
  return { resources, counts };
}

const epoch = findPresetLaw('epoch')!;
const RUNS_CSV = formatRunsCsv(
  syntheticRuns(epoch.constants as never, {
    computeBudgets: [1e18, 1e19, 1e20],
    modelSizes: [2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9],
    tokensPerParam: { min: 2, max: 500 },
    logLossNoise: 0,
    seed: 3,
  }),
);

describe('language/data and fit', () => {
  it('reads an inline table under "data NAME" and reports the columns it used', () => {
    const [evaluation] = evaluateNotebook([
      'data tiny\n  n_params, train_tokens, val_loss\n  1e8, 2e9, 3.1\n  2e8, 4e9, 2.9\ncheck chinchilla',
    ]);
    assert.deepEqual(evaluation.diagnostics, []);
    const [data, check] = evaluation.results;
    assert.equal(data.kind, 'data');
    assert.match(data.notes[0], /parameters from "n_params", tokens from "train_tokens", loss from "val_loss"/);
    assert.equal((dataOf(data, 'data') as RunsData).points.length, 2);
    assert.equal(check.kind, 'check');
  });

  it('a data file waits for the caller, who provides it', async () => {
    const [waiting] = evaluateNotebook(['data runs from "runs.csv"']);
    assert.deepEqual(waiting.pending.files, ['runs.csv']);
    assert.equal(waiting.diagnostics[0].code, 'pending');
    assert.equal(waiting.ok, true);
    const { resources } = provider({ 'runs.csv': RUNS_CSV });
    const [read] = (await evaluateWithResources(['data runs from "runs.csv"'], {}, resources)).evaluations;
    assert.deepEqual(read.diagnostics, []);
  });

  it('an unreadable file or a broken row is a located data error', async () => {
    const { resources } = provider({ 'bad.csv': 'params,tokens,loss\n1e8,2e9,NaN\n' });
    const [missing] = (await evaluateWithResources(['data a from "nope.csv"'], {}, resources)).evaluations;
    assert.equal(missing.diagnostics[0].code, 'data-error');
    assert.match(missing.diagnostics[0].message, /cannot read "nope\.csv"/);
    assert.deepEqual(missing.diagnostics[0].span, { line: 0, start: 12, end: 22 });
    const [broken] = (await evaluateWithResources(['data b from "bad.csv"'], {}, resources)).evaluations;
    assert.match(broken.diagnostics[0].message, /line 2/);
  });

  it('fit recovers the law behind noiseless runs, makes it active and usable by name', async () => {
    const { resources, counts } = provider({ 'runs.csv': RUNS_CSV });
    const cells = ['data runs from "runs.csv"', 'fit runs', 'check chinchilla', 'check chinchilla law=epoch\nlaw runs'];
    const { evaluations } = await evaluateWithResources(cells, {}, resources);
    assert.ok(
      evaluations.every((evaluation) => evaluation.ok),
      JSON.stringify(evaluations.map((evaluation) => evaluation.diagnostics)),
    );
    const fit = (evaluations[1].results[0].data as { fit: { E: number; alpha: number; beta: number } }).fit;
    assert.ok(Math.abs(fit.E - epoch.constants.E) < 0.01, String(fit.E));
    assert.ok(Math.abs(fit.alpha - epoch.constants.alpha) < 0.01 && Math.abs(fit.beta - epoch.constants.beta) < 0.01);
    assert.equal((evaluations[2].results[0].data as { law: string }).law, 'runs');
    assert.equal(counts.fits, 1);
  });

  it('a cache shared between evaluations runs each distinct fit once', async () => {
    const cache = new FitCache();
    const { resources, counts } = provider({ 'runs.csv': RUNS_CSV });
    const cells = ['data runs from "runs.csv"\nfit runs'];
    await evaluateWithResources(cells, {}, resources, cache);
    await evaluateWithResources(cells, {}, resources, cache);
    assert.equal(counts.fits, 1);
    assert.equal(counts.reads, 2);
  });

  it('bootstrap gives intervals and predictions; plot fit draws the runs against the law', async () => {
    const { resources } = provider({ 'runs.csv': RUNS_CSV });
    const cells = ['data runs from "runs.csv"\nmodel next params=2B tokens=40B\nfit runs bootstrap=30 seed=4 predict=next\nplot fit runs'];
    const [evaluation] = (await evaluateWithResources(cells, {}, resources)).evaluations;
    assert.ok(evaluation.ok, JSON.stringify(evaluation.diagnostics));
    const fit = evaluation.results.find((result) => result.kind === 'fit')!;
    assert.match(fit.tables[0].caption!, /95% bootstrap percentile intervals \(2\.5th–97\.5th percentiles of 30 resamples\)/);
    assert.match(fit.tables[1].rows[0][3], /^\d\.\d{4} \[\d\.\d{4}, \d\.\d{4}\]$/);
    const plot = evaluation.results.find((result) => result.kind === 'plot')!;
    assert.ok(plot.chart);
    assert.equal(plot.chart.droppedPoints, 0);
  });

  it('notes how far a predicted model lies beyond the largest run, and flags a tiny bootstrap', async () => {
    // RUNS_CSV's largest model has 2B parameters; 16B is ×8 beyond it, while 40B tokens are inside the data.
    const { resources } = provider({ 'runs.csv': RUNS_CSV });
    const cells = ['data runs from "runs.csv"\nmodel big params=16B tokens=40B\nfit runs bootstrap=5 predict=big'];
    const [evaluation] = (await evaluateWithResources(cells, {}, resources)).evaluations;
    assert.ok(evaluation.ok, JSON.stringify(evaluation.diagnostics));
    const notes = evaluation.results.find((result) => result.kind === 'fit')!.notes.join('\n');
    assert.match(notes, /big extrapolates ×8 beyond the largest run in N \(2B\): the law is untested there/);
    assert.doesNotMatch(notes, /beyond the largest run in D/);
    assert.match(notes, /intervals from 5 resamples are unreliable/);
  });

  it('a fit that is no law shows its constants and warnings, stays inactive, and names the problem when used', async () => {
    // Loss rising with model size (as in fitChinchilla.test.ts): the fitted α is negative.
    const rising = formatRunsCsv(risingRuns());
    const { resources } = provider({ 'rising.csv': rising });
    const cells = ['data rising from "rising.csv"\nfit rising', 'law rising'];
    const { evaluations } = await evaluateWithResources(cells, {}, resources);
    assert.deepEqual(evaluations[0].diagnostics, []);
    const fit = evaluations[0].results[1];
    assert.equal(fit.kind, 'fit');
    assert.equal(fit.tables[0].caption, 'Fitted constants');
    assert.match(fit.notes.join('\n'), /α = -[\d.]+ is not positive/);
    assert.match(fit.notes.join('\n'), /"rising" is not a usable law \(α = -[\d.]+\), so the active law is unchanged/);
    const [error] = evaluations[1].diagnostics;
    assert.equal(error.code, 'invalid-value');
    assert.match(error.message, /the fit of rising is not a usable law: α = -[\d.]+/);
  });

  for (const [cells, code, message] of [
    [['fit nothing'], 'unknown-name', /unknown data set "nothing"/],
    [['model m params=1B tokens=20B\nfit m'], 'invalid-value', /is a model, not a data set/],
    [['data t\n  params,tokens,loss\n  1e8,2e9,3\nplot fit t'], 'invalid-value', /has not been fitted/],
    [['data x from'], 'syntax', /expected: data NAME from "file\.csv"/],
    [['data y'], 'syntax', /needs runs/],
    [['data t\n  params,tokens,loss\n  1e8,2e9,3\nfit t bootstrap=-1'], 'invalid-value', /bootstrap must be a whole number/],
  ] as const) {
    it(`"${cells.join(' / ').replace(/\n/g, ' ⏎ ')}" → ${code}`, async () => {
      const { resources } = provider({});
      const { evaluations } = await evaluateWithResources([...cells], {}, resources);
      const diagnostic = evaluations.flatMap((evaluation) => evaluation.diagnostics).find((candidate) => candidate.severity === 'error');
      assert.equal(diagnostic?.code, code);
      assert.match(diagnostic!.message, message);
    });
  }
});

describe('language/fit: confidence', () => {
  it('an out-of-range confidence is reported at the value, as it was written', () => {
    const [evaluation] = evaluateNotebook(['data t\n  params,tokens,loss\n  1e8,2e9,3\n  2e8,2e9,2.9\nfit t bootstrap=10 confidence=150%']);
    const error = evaluation.diagnostics.find((diagnostic) => diagnostic.severity === 'error')!;
    assert.match(error.message, /confidence must be between 0% and 100% \(exclusive\), got 150%/);
    assert.equal(error.span.line, 4);
  });
});

describe('language/data: a bad row of an inline table', () => {
  it('is underlined where it stands in the cell', () => {
    const [evaluation] = evaluateNotebook(['# runs\ndata tiny\n  params, tokens, loss\n  70M, 1.4B, 3.41\n  160M, 3.2B, NaN']);
    const [diagnostic] = evaluation.diagnostics;
    assert.equal(diagnostic.code, 'invalid-value');
    assert.deepEqual(diagnostic.span, { line: 4, start: 2, end: 17 });
    assert.equal(diagnostic.message, 'this table row: column "loss": "NaN" is not a number');
  });
});
