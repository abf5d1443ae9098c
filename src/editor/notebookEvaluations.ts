import type * as vscode from 'vscode';
import type { ScalingLaw } from '../core';
import { evaluateWithResources, type FitCache, type ResolvedNotebook } from '../language/evaluator/evaluateWithResources';
import type { ScopeOptions } from '../language/evaluator/evaluateNotebook';
import type { NotebookSessions } from '../notebook/notebookSessions';

/**
 * Evaluations for diagnostics, hovers and completions, from the notebook's session: the same
 * incremental evaluator the kernel runs cells with, so a keystroke re-derives only the cells it
 * affects and a hover reads the scope kept for the cells above. Data files are read (once, then
 * watched); fits are never started here (only the kernel runs them), so a cell whose fit has not
 * run yet shows an information note instead of results.
 */
export class NotebookEvaluations {
  constructor(
    private readonly fits: FitCache,
    private readonly sessions: NotebookSessions,
  ) {}

  async evaluate(notebook: vscode.NotebookDocument, texts: readonly string[], law: ScalingLaw): Promise<ResolvedNotebook> {
    const session = this.sessions.get(notebook);
    return evaluateWithResources(texts, { defaultLaw: law }, { readFile: session.readFile }, this.fits, session.state);
  }

  /** What a hover or completion in code cell `cellIndex` evaluates with: the kept scope of the cells above. */
  scopeOptions(notebook: vscode.NotebookDocument, texts: readonly string[], cellIndex: number, law: ScalingLaw): ScopeOptions {
    const { state } = this.sessions.get(notebook);
    const resources = { files: state.files, fits: this.fits.asMap() };
    return { defaultLaw: law, resources, scopeBefore: state.evaluator.scopeBefore(texts, cellIndex, { defaultLaw: law, resources }) };
  }
}
