import * as assert from 'node:assert/strict';
import { FitCache } from '../../src/language/evaluator/evaluateWithResources';
import { IncrementalEvaluator } from '../../src/language/evaluator/incrementalEvaluator';
import type { FitRequest } from '../../src/language/evaluator/resources';
import { fakeNotebook, installFakeVscode, recorded, resetRecorded } from '../vscodeSeam/fakeVscode';

installFakeVscode();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ScalingController } = require('../../src/notebook/scalingController') as typeof import('../../src/notebook/scalingController');

const CELL = [
  'data ladder',
  '  params,tokens,loss',
  '  1e8,2e9,3.5',
  '  2e8,4e9,3.2',
  '  4e8,8e9,3.0',
  '  8e8,1.6e10,2.8',
  'fit ladder',
].join('\n');

/** A fit runner that finishes only when stopped (as the worker pool does, with an error outcome), counting its fits. */
/** One session per test with no data files (the cell's table is inline), as NotebookSessions gives. */
function fileLessSessions() {
  const session = {
    state: { evaluator: new IncrementalEvaluator(), files: new Map() },
    startPass: () => undefined,
    readFile: async () => ({ error: 'no files here' }),
  };
  return { get: () => session };
}

function heldRunner() {
  const calls: FitRequest[] = [];
  return {
    calls,
    runner: {
      run: (request: FitRequest, _progress: unknown, signal?: AbortSignal) => {
        calls.push(request);
        return new Promise((resolve) => signal?.addEventListener('abort', () => resolve({ error: 'stopped' })));
      },
    },
  };
}

async function run(controller: InstanceType<typeof ScalingController>, notebook: ReturnType<typeof fakeNotebook>) {
  const execute = (controller as unknown as { controller: { executeHandler: (cells: unknown[], notebook: unknown) => Promise<void> } })
    .controller.executeHandler;
  return execute(notebook.getCells(), notebook);
}

describe('notebook/scalingController: stopping a fit', () => {
  beforeEach(resetRecorded);

  it('the stop button ends the cell as failed with a "Cancelled" output, and the stopped fit is not remembered', async () => {
    const held = heldRunner();
    const controller = new ScalingController(() => undefined as never, held.runner as never, new FitCache(), fileLessSessions() as never);
    const notebook = fakeNotebook([CELL]);
    const first = run(controller, notebook);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(held.calls.length, 1);
    recorded.executions[0].cancel();
    await first;
    assert.equal(recorded.executions[0].ended, false);
    assert.match(recorded.executions[0].outputs.at(-1)!.join('\n'), /^Cancelled: the fit was stopped before it finished\./);
    // Running again asks for the fit again: a cancelled fit is never cached.
    const second = run(controller, notebook);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(held.calls.length, 2);
    recorded.executions[1].cancel();
    await second;
    controller.dispose();
  });
});
