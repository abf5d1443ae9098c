import * as assert from 'node:assert/strict';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { fakeNotebook, fakeVscode, installFakeVscode, recorded, resetRecorded } from '../vscodeSeam/fakeVscode';

installFakeVscode();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CellDiagnostics } = require('../../src/editor/cellDiagnostics') as typeof import('../../src/editor/cellDiagnostics');

/** Evaluations that answer when the test says so, as reading a data file would. */
function slowEvaluations() {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    release: () => release(),
    evaluations: {
      evaluate: async (_notebook: unknown, texts: readonly string[]) => {
        await gate;
        return { evaluations: evaluateNotebook(texts), resources: {} };
      },
    },
  };
}

/** Sessions that never report a changed data file: these tests edit cells only. */
const NO_FILE_EVENTS = { onDidChangeFile: () => ({ dispose: () => undefined }) };

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('editor/cellDiagnostics', () => {
  beforeEach(resetRecorded);

  it("sets each cell's diagnostics at their line and column, and an empty list for a clean cell", async () => {
    const notebook = fakeNotebook(['model m params=70B tokens=1.4T', 'check m, nobody']);
    fakeVscode.workspace.notebookDocuments = [notebook];
    const slow = slowEvaluations();
    const diagnostics = new CellDiagnostics(slow.evaluations as never, () => undefined as never, NO_FILE_EVENTS as never);
    slow.release();
    await settle();
    const [problem] = recorded.diagnostics.get('/workspace/plan.scaling#cell1')!;
    assert.equal(problem.message.includes('nobody'), true, problem.message);
    assert.deepEqual([problem.range.startLine, problem.range.startCharacter, problem.range.endCharacter], [0, 9, 15]);
    assert.equal(problem.severity, fakeVscode.DiagnosticSeverity.Error);
    assert.deepEqual(recorded.diagnostics.get('/workspace/plan.scaling#cell0'), []);
    diagnostics.dispose();
  });

  it('drops a result that arrives after the cell changed (stale-result guard)', async () => {
    const notebook = fakeNotebook(['check nobody']);
    fakeVscode.workspace.notebookDocuments = [notebook];
    const slow = slowEvaluations();
    const diagnostics = new CellDiagnostics(slow.evaluations as never, () => undefined as never, NO_FILE_EVENTS as never);
    notebook.texts[0] = 'check chinchilla';
    slow.release();
    await settle();
    assert.equal(recorded.diagnostics.has('/workspace/plan.scaling#cell0'), false);
    diagnostics.dispose();
  });
});
