import * as vscode from 'vscode';
import type { ScalingLaw } from '../core';
import type { CellEvaluation } from '../language/evaluator/evaluateNotebook';
import { FitCache, evaluateWithResources, type ResourceProvider } from '../language/evaluator/evaluateWithResources';
import type { FitRequest, FitRunner } from '../language/evaluator/resources';
import { cellOutputs } from './cellOutputs';
import { endingExecution } from './endingExecution';
import type { NotebookSessions } from './notebookSessions';
import { NOTEBOOK_TYPE, LANGUAGE_ID, scalingCodeCells } from './scalingCells';

/** Progress lines in a running cell are replaced at most this often. */
const PROGRESS_INTERVAL_MS = 250;

class CellCancelled extends Error {}

/** What a cell shows when its run stopped early: a cancelled fit, or an error the evaluator let through. */
function failureText(error: unknown): string {
  if (error instanceof CellCancelled) return 'Cancelled: the fit was stopped before it finished.';
  return `This cell could not be evaluated: ${(error as Error)?.message ?? String(error)}. Please report this with the cell text.`;
}

/**
 * The kernel. Running a cell evaluates it against the declarations of every cell above it in the
 * document, so results never depend on the order in which cells were run and there is no hidden
 * state; the notebook's incremental evaluator re-derives only what changed since the last
 * evaluation, so Run All is one pass. Data files are read once per run (one Run All is one run); fits
 * run on `fitRunner` (worker threads on desktop) with their progress shown in the cell, can be
 * stopped with the cell's stop button, and are remembered by their inputs in `fitCache`.
 */
export class ScalingController implements vscode.Disposable {
  private readonly controller: vscode.NotebookController;
  private executionOrder = 0;
  /** The evaluation each cell's output shows, for cells that have run: live results compare against it. */
  readonly shown = new WeakMap<vscode.NotebookCell, CellEvaluation>();

  constructor(
    private readonly defaultLaw: () => ScalingLaw,
    private readonly fitRunner: FitRunner,
    private readonly fitCache: FitCache,
    private readonly sessions: NotebookSessions,
  ) {
    this.controller = vscode.notebooks.createNotebookController('scaling-kernel', NOTEBOOK_TYPE, 'Scaling Notebooks');
    this.controller.supportedLanguages = [LANGUAGE_ID];
    this.controller.supportsExecutionOrder = true;
    this.controller.description = 'Scaling-law evaluator';
    this.controller.executeHandler = (cells, notebook) => this.execute(cells, notebook);
  }

  private async execute(cells: readonly vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    const codeCells = scalingCodeCells(notebook);
    const texts = codeCells.map((cell) => cell.document.getText());
    const defaultLaw = this.defaultLaw();
    const session = this.sessions.get(notebook);
    session.startPass();
    for (const cell of cells) {
      const execution = this.controller.createNotebookCellExecution(cell);
      execution.executionOrder = ++this.executionOrder;
      execution.start(Date.now());
      const index = codeCells.indexOf(cell);
      if (execution.token.isCancellationRequested || index < 0) {
        // A cell that is not a scaling code cell has nothing to show; a cancelled one ends unjudged.
        await endingExecution(
          (success) => execution.end(success, Date.now()),
          async () => {
            if (index >= 0) return undefined;
            await execution.replaceOutput([]);
            return true;
          },
          async () => undefined,
        );
        continue;
      }
      const abort = new AbortController();
      const cancellation = execution.token.onCancellationRequested(() => abort.abort());
      const provider: ResourceProvider = {
        readFile: session.readFile,
        runFit: (request) => this.runFit(request, execution, abort.signal),
      };
      await endingExecution(
        (success) => {
          cancellation.dispose();
          execution.end(success, Date.now());
        },
        async () => {
          const { evaluations } = await evaluateWithResources(texts, { upTo: index, defaultLaw }, provider, this.fitCache, session.state);
          const evaluation = evaluations[index];
          this.shown.set(cell, evaluation);
          await execution.replaceOutput(cellOutputs(evaluation));
          return evaluation.ok;
        },
        (error) =>
          execution.replaceOutput([new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(failureText(error), 'text/plain')])]),
      );
    }
  }

  /**
   * Replaces the output of a cell that has run with `outputs` of a newer `evaluation`, keeping its
   * execution number: a live re-run (liveResults.ts). A cell the kernel is running is left to it.
   */
  async showLive(cell: vscode.NotebookCell, evaluation: CellEvaluation, outputs: vscode.NotebookCellOutput[]): Promise<void> {
    let execution: vscode.NotebookCellExecution;
    try {
      execution = this.controller.createNotebookCellExecution(cell);
    } catch {
      return;
    }
    this.shown.set(cell, evaluation);
    execution.executionOrder = cell.executionSummary?.executionOrder;
    execution.start(Date.now());
    try {
      await execution.replaceOutput(outputs);
    } finally {
      execution.end(evaluation.ok, Date.now());
    }
  }

  /** Runs one fit, showing its progress in the cell; a cancelled fit is never cached. */
  private async runFit(request: FitRequest, execution: vscode.NotebookCellExecution, signal: AbortSignal) {
    let shown = 0;
    const what =
      request.kind === 'fit'
        ? 'Fitting'
        : request.kind === 'mixture'
          ? `Fitting the ${request.options.form ?? 'joint'} mixture law to`
          : `Fitting and bootstrapping (${request.options.samples ?? 1000} resamples)`;
    const outcome = await this.fitRunner.run(
      request,
      (finished, total, phase) => {
        const now = Date.now();
        if (now - shown < PROGRESS_INTERVAL_MS && finished < total) return;
        shown = now;
        const unit = phase === 'resamples' ? 'resamples' : phase === 'mixture fit' ? 'local minimisations' : 'starts';
        void execution.replaceOutput([
          new vscode.NotebookCellOutput([
            vscode.NotebookCellOutputItem.text(
              `${what} ${request.points.length} runs… ${finished.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${unit}`,
              'text/plain',
            ),
          ]),
        ]);
      },
      signal,
    );
    if (signal.aborted) throw new CellCancelled();
    return outcome;
  }

  dispose(): void {
    this.controller.dispose();
    this.fitRunner.dispose?.();
  }
}
