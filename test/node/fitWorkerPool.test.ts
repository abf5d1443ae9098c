import * as assert from 'node:assert/strict';
import { fitChinchilla, handleFitWorkerRequest, syntheticRuns, type FitWorkerRequest, type FitWorkerResponse } from '../../src/core/fit';
import { findPresetLaw } from '../../src/core/laws/presets';
import type { ChinchillaConstants } from '../../src/core/laws/scalingLaw';
import { logSpace } from '../../src/core/sweeps';
import { FitWorkerPool, fitChinchillaInWorkers } from '../../src/node/fitWorkerPool';

const RUNS = syntheticRuns(findPresetLaw('epoch')!.constants as unknown as ChinchillaConstants, {
  computeBudgets: logSpace(1e18, 1e21, 4),
  modelSizes: logSpace(1e7, 1e10, 10),
  logLossNoise: 0.01,
  seed: 12,
});
const GRID = { a: [5, 10, 15], b: [5, 10], e: [0, 1], alpha: [0.5], beta: [0.5] };

function run(request: FitWorkerRequest): FitWorkerResponse[] {
  const responses: FitWorkerResponse[] = [];
  handleFitWorkerRequest(request, (response) => responses.push(response));
  return responses;
}

describe('fit worker', () => {
  it('answers a fit request with progress, then the fit, under the request id', () => {
    const responses = run({ kind: 'fit', id: 7, points: RUNS, options: { grid: GRID } });
    const last = responses[responses.length - 1];
    assert.ok(responses.slice(0, -1).every((response) => response.kind === 'progress' && response.id === 7));
    assert.equal(last.kind, 'fit');
    assert.equal(last.id, 7);
    if (last.kind === 'fit') assert.equal(last.fit.objective, fitChinchilla(RUNS, { grid: GRID }).objective);
  });

  it('answers a bootstrap request with both phases of progress, then intervals', () => {
    const responses = run({ kind: 'bootstrap', id: 1, points: RUNS, options: { samples: 20, seed: 3, fit: { grid: GRID } } });
    const phases = new Set(responses.flatMap((response) => (response.kind === 'progress' ? [response.phase] : [])));
    assert.deepEqual([...phases], ['full fit', 'resamples']);
    const last = responses[responses.length - 1];
    assert.equal(last.kind, 'bootstrap');
    if (last.kind === 'bootstrap') assert.equal(last.bootstrap.completedSamples, 20);
  });

  it('reports bad data as an error message, not a crash', () => {
    const responses = run({ kind: 'fit', id: 2, points: [{ params: 1e8, tokens: 2e9, loss: NaN }], options: {} });
    assert.deepEqual(responses, [{ kind: 'error', id: 2, name: 'FitDataError', message: 'row 1: loss is not a number (NaN)' }]);
  });

  it('stops when the shared cancel flag is set', () => {
    const cancelFlag = new SharedArrayBuffer(4);
    Atomics.store(new Int32Array(cancelFlag), 0, 1);
    const responses = run({ kind: 'fit', id: 3, points: RUNS, options: { grid: GRID }, cancelFlag });
    assert.deepEqual(responses, [{ kind: 'error', id: 3, name: 'FitCancelledError', message: 'fit cancelled after 0 of 12 starts' }]);
  });

  it('shares a grid between Node worker threads and finds the single-thread optimum', async () => {
    const progress: number[] = [];
    const fit = await fitChinchillaInWorkers(RUNS, { grid: GRID }, { workers: 2, onProgress: (finished) => progress.push(finished) });
    const single = fitChinchilla(RUNS, { grid: GRID });
    assert.equal(fit.objective, single.objective);
    assert.deepEqual(fit.parameters, single.parameters);
    assert.equal(fit.starts, 12);
    assert.equal(Math.max(...progress), 12);
  });

  it('runs a screened fit of the whole grid on one worker: the in-thread optimum, progress to the end', async () => {
    const progress: [number, number][] = [];
    const fit = await fitChinchillaInWorkers(RUNS, {}, { workers: 2, onProgress: (finished, total) => progress.push([finished, total]) });
    const single = fitChinchilla(RUNS);
    assert.deepEqual(fit.parameters, single.parameters);
    assert.equal(fit.searchedStarts, single.searchedStarts);
    assert.deepEqual(progress[progress.length - 1], [single.searchedStarts, single.searchedStarts]);
  });

  it('keeps its workers for several fits and bootstraps, which may overlap', async () => {
    const pool = new FitWorkerPool(2);
    try {
      const [first, second] = await Promise.all([pool.fit(RUNS, { grid: GRID }), pool.fit(RUNS, { grid: { ...GRID, a: [5] } })]);
      assert.equal(first.objective, fitChinchilla(RUNS, { grid: GRID }).objective);
      assert.equal(second.starts, 4);
      assert.equal((await pool.fit(RUNS, { grid: GRID })).objective, first.objective);
      const phases = new Set<string>();
      const intervals = await pool.bootstrap(
        RUNS,
        { samples: 20, seed: 3, fit: { grid: GRID } },
        { onProgress: (_done, _total, phase) => phases.add(phase) },
      );
      assert.equal(intervals.completedSamples, 20);
      assert.deepEqual([...phases], ['full fit', 'resamples']);
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(pool.bootstrap(RUNS, { samples: 20, fit: { grid: GRID }, fullFit: first }, { signal: controller.signal }), {
        name: 'FitCancelledError',
        message: 'bootstrap cancelled after 0 resamples, too few for intervals',
      });
    } finally {
      await pool.close();
    }
  });

  it('rejects with the worker’s message when the data are bad, and when cancelled', async () => {
    await assert.rejects(
      fitChinchillaInWorkers([{ params: -1, tokens: 1, loss: 1 }], {}, { workers: 2 }),
      /row 1: parameters must be greater than zero/,
    );
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(fitChinchillaInWorkers(RUNS, { grid: GRID }, { workers: 2, signal: controller.signal }), {
      name: 'FitCancelledError',
    });
  });

  it('fails the fit a dying worker was running with a clear error, and replaces the worker for later fits', async () => {
    const pool = new FitWorkerPool(1);
    try {
      // The pool's only worker dies mid-bootstrap (as when it runs out of memory): terminate it from outside.
      const workers = (pool as unknown as { workers: Array<{ terminate(): Promise<number> }> }).workers;
      let killed = false;
      const running = pool.bootstrap(
        RUNS,
        { samples: 100_000, fit: { grid: GRID } },
        {
          onProgress: () => {
            if (!killed) void workers[0].terminate();
            killed = true;
          },
        },
      );
      await assert.rejects(running, /a fit worker stopped unexpectedly \(exit code 1\) before the fit finished; it has been restarted/);
      // Before the fix the dead worker stayed in the pool and this fit never settled.
      const later = await Promise.race([
        pool.fit(RUNS, { grid: GRID }),
        new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 15_000)),
      ]);
      assert.notEqual(later, 'stuck');
      if (later !== 'stuck') assert.equal(later.objective, fitChinchilla(RUNS, { grid: GRID }).objective);
    } finally {
      await pool.close();
    }
  });
});
