import * as vscode from 'vscode';
import type { ScalingLaw } from '../core';
import type { Diagnostic as CellDiagnostic, Severity } from '../language/diagnostics';
import type { CellEvaluation } from '../language/evaluator/evaluateNotebook';
import type { NotebookSessions } from '../notebook/notebookSessions';
import { NOTEBOOK_TYPE, scalingCodeCells } from '../notebook/scalingCells';
import type { NotebookEvaluations } from './notebookEvaluations';

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** Typing pauses shorter than this do not re-evaluate the notebook. */
const DEBOUNCE_MS = 150;

function toVsCode(diagnostic: CellDiagnostic, cells: readonly vscode.NotebookCell[]): vscode.Diagnostic {
  const { span } = diagnostic;
  const result = new vscode.Diagnostic(
    new vscode.Range(span.line, span.start, span.line, Math.max(span.end, span.start + 1)),
    diagnostic.hint ? `${diagnostic.message} (${diagnostic.hint})` : diagnostic.message,
    SEVERITY[diagnostic.severity],
  );
  result.code = diagnostic.code;
  result.source = 'scaling';
  const related = diagnostic.related;
  if (related && cells[related.cellIndex]) {
    const range = new vscode.Range(related.span.line, related.span.start, related.span.line, related.span.end);
    result.relatedInformation = [
      new vscode.DiagnosticRelatedInformation(new vscode.Location(cells[related.cellIndex].document.uri, range), related.message),
    ];
  }
  return result;
}

/** Diagnostics as you type: every `scaling` cell of every open notebook, re-evaluated on change. */
export class CellDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('scaling');
  private readonly timers = new Map<vscode.NotebookDocument, ReturnType<typeof setTimeout>>();
  /** The evaluation each cell's diagnostics were published from: an unchanged cell is not published again. */
  private readonly published = new WeakMap<vscode.TextDocument, CellEvaluation>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly evaluations: NotebookEvaluations,
    private readonly defaultLaw: () => ScalingLaw,
    sessions: NotebookSessions,
  ) {
    this.subscriptions.push(
      this.collection,
      sessions.onDidChangeFile((notebook) => this.schedule(notebook)),
      vscode.workspace.onDidOpenNotebookDocument((notebook) => void this.update(notebook)),
      // Cells added, removed or moved; outputs and execution states (a Run All changes 200 of them) change no diagnostic.
      vscode.workspace.onDidChangeNotebookDocument((event) => event.contentChanges.length > 0 && this.schedule(event.notebook)),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => this.clear(notebook)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const notebook = vscode.workspace.notebookDocuments.find((candidate) =>
          candidate.getCells().some((cell) => cell.document === event.document),
        );
        if (notebook) this.schedule(notebook);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('scaling.defaultLaw'))
          vscode.workspace.notebookDocuments.forEach((notebook) => void this.update(notebook));
      }),
    );
    vscode.workspace.notebookDocuments.forEach((notebook) => void this.update(notebook));
  }

  private schedule(notebook: vscode.NotebookDocument): void {
    clearTimeout(this.timers.get(notebook));
    this.timers.set(
      notebook,
      setTimeout(() => void this.update(notebook), DEBOUNCE_MS),
    );
  }

  private async update(notebook: vscode.NotebookDocument): Promise<void> {
    this.timers.delete(notebook);
    if (notebook.notebookType !== NOTEBOOK_TYPE || notebook.isClosed) return;
    const cells = scalingCodeCells(notebook);
    const texts = cells.map((cell) => cell.document.getText());
    const { evaluations } = await this.evaluations.evaluate(notebook, texts, this.defaultLaw());
    // The notebook may have changed or closed while data files were read.
    if (notebook.isClosed || scalingCodeCells(notebook).some((cell, index) => cell.document.getText() !== texts[index])) return;
    cells.forEach((cell, index) => {
      if (this.published.get(cell.document) === evaluations[index]) return;
      this.published.set(cell.document, evaluations[index]);
      this.collection.set(
        cell.document.uri,
        evaluations[index].diagnostics.map((diagnostic) => toVsCode(diagnostic, cells)),
      );
    });
  }

  private clear(notebook: vscode.NotebookDocument): void {
    clearTimeout(this.timers.get(notebook));
    this.timers.delete(notebook);
    for (const cell of notebook.getCells()) {
      this.collection.delete(cell.document.uri);
      this.published.delete(cell.document);
    }
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
