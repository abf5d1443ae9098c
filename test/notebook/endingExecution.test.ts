import assert from 'node:assert/strict';
import { endingExecution } from '../../src/notebook/endingExecution';

/** Records how an execution was ended, as VS Code's NotebookCellExecution would be. */
function recorder() {
  const ends: Array<boolean | undefined> = [];
  const reported: unknown[] = [];
  return {
    ends,
    reported,
    end: (success: boolean | undefined) => ends.push(success),
    report: async (error: unknown) => void reported.push(error),
  };
}

describe('endingExecution (the kernel ends every execution it starts)', () => {
  it('ends with the success the work resolved to', async () => {
    const run = recorder();
    await endingExecution(run.end, async () => true, run.report);
    assert.deepEqual(run.ends, [true]);
    assert.deepEqual(run.reported, []);
  });

  it('ends a cell whose evaluation threw (e.g. a stack overflow) as failed, after showing the error', async () => {
    const run = recorder();
    const overflow = new RangeError('Maximum call stack size exceeded');
    await endingExecution(
      run.end,
      async () => {
        throw overflow;
      },
      run.report,
    );
    assert.deepEqual(run.ends, [false]);
    assert.deepEqual(run.reported, [overflow]);
  });

  it('still ends the execution, and does not throw, when showing the error fails too', async () => {
    const run = recorder();
    await endingExecution(
      run.end,
      async () => {
        throw new Error('evaluation failed');
      },
      async () => {
        throw new Error('notebook closed');
      },
    );
    assert.deepEqual(run.ends, [false]);
  });
});
