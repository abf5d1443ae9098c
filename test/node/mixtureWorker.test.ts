import * as assert from 'node:assert/strict';
import { EXAMPLE_MIXTURE_LAW, EXAMPLE_MIXTURE_STUDY, fitMixtureLaw, syntheticMixtureRuns } from '../../src/core';
import { handleFitWorkerRequest, type FitWorkerResponse } from '../../src/core/fit';
import { FitWorkerPool } from '../../src/node/fitWorkerPool';
import { nodeFitRunner } from '../../src/node/nodeFitRunner';

const RUNS = syntheticMixtureRuns(EXAMPLE_MIXTURE_LAW, EXAMPLE_MIXTURE_STUDY);
const OPTIONS = { domains: EXAMPLE_MIXTURE_LAW.domains, form: 'additive' as const, starts: 2, hops: 1 };

describe('mixture fits in workers', () => {
  it('a worker answers a mixture request with progress over the local minimisations, then the fit', () => {
    const responses: FitWorkerResponse[] = [];
    handleFitWorkerRequest({ kind: 'mixture', id: 4, points: RUNS, options: OPTIONS }, (response) => responses.push(response));
    const last = responses[responses.length - 1];
    assert.deepEqual(
      responses.slice(0, -1).map((response) => (response.kind === 'progress' ? `${response.finished}/${response.total}` : response.kind)),
      ['1/4', '2/4', '3/4', '4/4'],
    );
    assert.equal(last.kind, 'mixture');
    if (last.kind === 'mixture') assert.deepEqual(last.fit.law, fitMixtureLaw(RUNS, OPTIONS.domains, OPTIONS).law);
  });

  it('the desktop fit runner sends mixture requests to a worker thread and returns the same fit', async function () {
    this.timeout(20000);
    const runner = nodeFitRunner(require.resolve('../../src/node/fitWorkerPool.ts'));
    try {
      const phases = new Set<string>();
      const outcome = await runner.run(
        { kind: 'mixture', points: RUNS, options: OPTIONS },
        (_finished, _total, phase) => phases.add(phase),
        new AbortController().signal,
      );
      assert.ok('mixture' in outcome, JSON.stringify(outcome));
      assert.deepEqual(outcome.mixture.law, fitMixtureLaw(RUNS, OPTIONS.domains, OPTIONS).law);
      assert.deepEqual([...phases], ['mixture fit']);
    } finally {
      runner.dispose?.();
    }
  });

  it('a cancelled mixture fit in the pool rejects', async function () {
    this.timeout(20000);
    const pool = new FitWorkerPool(1, require.resolve('../../src/node/fitWorkerPool.ts'));
    try {
      const abort = new AbortController();
      abort.abort();
      await assert.rejects(pool.mixture(RUNS, OPTIONS, { signal: abort.signal }), /cancelled/);
    } finally {
      await pool.close();
    }
  });
});
