import type * as vscode from 'vscode';
import type { ScalingLaw } from '../core';
import { evaluateNotebook, type CellEvaluation } from '../language/evaluator/evaluateNotebook';

/**
 * One evaluation per notebook state: diagnostics for every cell come from a single evaluation that
 * is reused until a cell's text or the default law changes.
 */
export class NotebookEvaluations {
  private readonly cache = new WeakMap<vscode.NotebookDocument, { key: string; evaluations: CellEvaluation[] }>();

  evaluate(notebook: vscode.NotebookDocument, texts: readonly string[], law: ScalingLaw): CellEvaluation[] {
    // Cell texts are joined with a separator no cell can contain unescaped, plus the law's id.
    const key = `${law.id}\u0000${texts.join('\u0000')}`;
    const cached = this.cache.get(notebook);
    if (cached?.key === key) return cached.evaluations;
    const evaluations = evaluateNotebook(texts, { defaultLaw: law });
    this.cache.set(notebook, { key, evaluations });
    return evaluations;
  }
}
