import * as vscode from 'vscode';
import type { ScalingLaw } from '../core';
import { evaluateWithResources, type FitCache } from '../language/evaluator/evaluateWithResources';
import { cellOutputs } from './cellOutputs';
import { liveReruns } from './liveReruns';
import type { NotebookSessions } from './notebookSessions';
import type { ScalingController } from './scalingController';
import { NOTEBOOK_TYPE, scalingCodeCells } from './scalingCells';

/** Typing pauses shorter than this re-run nothing (the issue's ~300 ms: a pause, not every keystroke). */
const LIVE_DEBOUNCE_MS = 300;

/** Shown under a live result that waits for a fit: typing never starts one (a fit takes seconds of CPU). */
const REFIT_NOTE = 'Re-run this cell to refit: fits start only when a cell is run, not while you type.';

/** True when the `scaling.liveResults` setting is on (the default). */
function liveResultsEnabled(): boolean {
  return vscode.workspace.getConfiguration('scaling').get<boolean>('liveResults', true);
}

/**
 * Live results: once a cell has run, its output follows edits of the cells above it. After a pause
 * in typing, the notebook is evaluated (incrementally, without starting fits) and every cell below
 * the edit that has run and whose evaluation changed shows its new results; a data file changed on
 * disk, or cells added, removed or moved, do the same for every cell that has run. Outputs are
 * transient (scalingSerializer.ts), so this never marks the notebook dirty.
 */
export class LiveResults implements vscode.Disposable {
  /** Per notebook waiting for a pause: the first code cell edited (cells below it re-run). */
  private readonly waiting = new Map<vscode.NotebookDocument, { timer: ReturnType<typeof setTimeout>; firstEdited: number }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly controller: ScalingController,
    private readonly sessions: NotebookSessions,
    private readonly fits: FitCache,
    private readonly defaultLaw: () => ScalingLaw,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => this.edited(event.document)),
      // Cells added, removed or moved: what the cells below see may have changed.
      vscode.workspace.onDidChangeNotebookDocument((event) => {
        if (event.notebook.notebookType === NOTEBOOK_TYPE && event.contentChanges.length > 0) this.schedule(event.notebook, -1);
      }),
      sessions.onDidChangeFile((notebook) => this.schedule(notebook, -1)),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => this.cancel(notebook)),
    ];
  }

  private edited(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'vscode-notebook-cell') return;
    for (const notebook of vscode.workspace.notebookDocuments) {
      if (notebook.notebookType !== NOTEBOOK_TYPE) continue;
      const index = scalingCodeCells(notebook).findIndex((cell) => cell.document === document);
      if (index >= 0) return this.schedule(notebook, index);
    }
  }

  /** Re-runs after a pause; `firstEdited` -1 means no cell was edited (a data file changed, or cells moved). */
  private schedule(notebook: vscode.NotebookDocument, firstEdited: number): void {
    const previous = this.waiting.get(notebook);
    clearTimeout(previous?.timer);
    const first = previous ? Math.min(previous.firstEdited, firstEdited) : firstEdited;
    this.waiting.set(notebook, { timer: setTimeout(() => void this.rerun(notebook), LIVE_DEBOUNCE_MS), firstEdited: first });
  }

  private async rerun(notebook: vscode.NotebookDocument): Promise<void> {
    const firstEdited = this.waiting.get(notebook)?.firstEdited ?? -1;
    this.waiting.delete(notebook);
    if (notebook.isClosed || !liveResultsEnabled()) return;
    const cells = scalingCodeCells(notebook);
    const texts = cells.map((cell) => cell.document.getText());
    const session = this.sessions.get(notebook);
    // No runFit: a fit is never started by typing.
    const provider = { readFile: session.readFile };
    const { evaluations } = await evaluateWithResources(texts, { defaultLaw: this.defaultLaw() }, provider, this.fits, session.state);
    if (notebook.isClosed) return;
    // Typing went on while files were read: the next pause re-runs, from the first cell either edit touched.
    const typedOn = this.waiting.has(notebook) || cells.some((cell, index) => cell.document.getText() !== texts[index]);
    if (typedOn) return this.schedule(notebook, firstEdited);
    const shownAt = (index: number) => this.controller.shown.get(cells[index]);
    for (const { index, evaluation, refitNote } of liveReruns(evaluations, shownAt, firstEdited)) {
      const note = new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(REFIT_NOTE, 'text/plain')]);
      await this.controller.showLive(cells[index], evaluation, [...cellOutputs(evaluation), ...(refitNote ? [note] : [])]);
    }
  }

  private cancel(notebook: vscode.NotebookDocument): void {
    clearTimeout(this.waiting.get(notebook)?.timer);
    this.waiting.delete(notebook);
  }

  dispose(): void {
    this.waiting.forEach(({ timer }) => clearTimeout(timer));
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
