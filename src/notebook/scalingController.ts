import * as vscode from 'vscode';
import type { ScalingLaw } from '../core';
import { evaluateNotebook } from '../language/evaluator/evaluateNotebook';
import { cellOutputs } from './cellOutputs';
import { NOTEBOOK_TYPE, LANGUAGE_ID, scalingCodeCells } from './scalingCells';

/**
 * The kernel. Running a cell evaluates it against the declarations of every cell above it in the
 * document, re-derived each time (it takes milliseconds), so results never depend on the order in
 * which cells were run and there is no hidden state.
 */
export class ScalingController implements vscode.Disposable {
  private readonly controller: vscode.NotebookController;
  private executionOrder = 0;

  constructor(private readonly defaultLaw: () => ScalingLaw) {
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
      if (execution.token.isCancellationRequested) {
        execution.end(undefined, Date.now());
        continue;
      }
      const index = codeCells.indexOf(cell);
      if (index < 0) {
        await execution.replaceOutput([]);
        execution.end(true, Date.now());
        continue;
      }
      const evaluation = evaluateNotebook(texts, { upTo: index, defaultLaw })[index];
      await execution.replaceOutput(cellOutputs(evaluation));
      execution.end(evaluation.ok, Date.now());
    }
  }

  dispose(): void {
    this.controller.dispose();
  }
}
