import * as vscode from 'vscode';
import type { ScalingLaw } from '../core';
import { FitCache, evaluateWithResources, type ResourceProvider } from '../language/evaluator/evaluateWithResources';
import type { FitRequest, FitRunner } from '../language/evaluator/resources';
import { cellOutputs } from './cellOutputs';
import { endingExecution } from './endingExecution';
import { notebookFileReader } from './notebookFiles';
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
 * document, re-derived each time (it takes milliseconds), so results never depend on the order in
 * which cells were run and there is no hidden state. Data files are read afresh on every run; fits
 * run on `fitRunner` (worker threads on desktop) with their progress shown in the cell, can be
 * stopped with the cell's stop button, and are remembered by their inputs in `fitCache`.
 */
export class ScalingController implements vscode.Disposable {
  private readonly controller: vscode.NotebookController;
  private executionOrder = 0;

  constructor(
    private readonly defaultLaw: () => ScalingLaw,
    private readonly fitRunner: FitRunner,
    private readonly fitCache: FitCache,
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
    for (const cell of cells) {
      const execution = this.controller.createNotebookCellExecution(cell);
      execution.executionOrder = ++this.executionOrder;
      execution.start(Date.now());
      const index = codeCells.indexOf(cell);
      if (execution.token.isCancellationRequested || index < 0) {
        // A cell that is not a scaling code cell has nothing to show; a cancelled one ends unjudged.
        await endingExecution((success) => execution.end(success, Date.now()), async () => {
          if (index >= 0) return undefined;
          await execution.replaceOutput([]);
          return true;
        }, async () => undefined);
        continue;
      }
      const abort = new AbortController();
      const cancellation = execution.token.onCancellationRequested(() => abort.abort());
      const provider: ResourceProvider = {
        readFile: notebookFileReader(notebook),
        runFit: (request) => this.runFit(request, execution, abort.signal),
      };
      await endingExecution(
        (success) => {
          cancellation.dispose();
          execution.end(success, Date.now());
        },
        async () => {
          const { evaluations } = await evaluateWithResources(texts, { upTo: index, defaultLaw }, provider, this.fitCache);
          const evaluation = evaluations[index];
          await execution.replaceOutput(cellOutputs(evaluation));
          return evaluation.ok;
        },
        (error) => execution.replaceOutput([new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(failureText(error), 'text/plain')])]),
      );
    }
  }

  /** Runs one fit, showing its progress in the cell; a cancelled fit is never cached. */
  private async runFit(request: FitRequest, execution: vscode.NotebookCellExecution, signal: AbortSignal) {
    let shown = 0;
    const what =
      request.kind === 'fit' ? 'Fitting' : request.kind === 'mixture' ? `Fitting the ${request.options.form ?? 'joint'} mixture law to` : `Fitting and bootstrapping (${request.options.samples ?? 1000} resamples)`;
    const outcome = await this.fitRunner.run(
      request,
      (finished, total, phase) => {
        const now = Date.now();
        if (now - shown < PROGRESS_INTERVAL_MS && finished < total) return;
        shown = now;
        const unit = phase === 'resamples' ? 'resamples' : phase === 'mixture fit' ? 'local minimisations' : 'starts';
        void execution.replaceOutput([
          new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(`${what} ${request.points.length} runs… ${finished.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${unit}`, 'text/plain')]),
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
