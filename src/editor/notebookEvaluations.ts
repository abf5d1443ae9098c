import type * as vscode from 'vscode';
import type { ScalingLaw } from '../core';
import { evaluateWithResources, type FitCache, type ResolvedNotebook } from '../language/evaluator/evaluateWithResources';
import type { ProvidedResources } from '../language/evaluator/resources';
import { DataFileTexts } from '../notebook/dataFileTexts';
import { notebookFileReader } from '../notebook/notebookFiles';

/**
 * One evaluation per notebook state, for diagnostics, hovers and completions: reused until a cell's
 * text, the default law or the set of computed fits changes. Data files are read; fits are never
 * started here (only the kernel runs them), so a cell whose fit has not run yet shows an
 * information note instead of results.
 */
export class NotebookEvaluations {
  private readonly latest = new WeakMap<vscode.NotebookDocument, { key: string; resolved: ResolvedNotebook }>();
  /** Data files are re-read only when they change, not on every pause in typing. */
  private readonly dataFiles = new DataFileTexts();

  constructor(private readonly fits: FitCache) {}

  async evaluate(notebook: vscode.NotebookDocument, texts: readonly string[], law: ScalingLaw): Promise<ResolvedNotebook> {
    // Cell texts are joined with a separator no cell can contain unescaped, plus the law and the fits.
    const key = `${law.id}\u0000${this.fits.generation}\u0000${texts.join('\u0000')}`;
    const cached = this.latest.get(notebook);
    if (cached?.key === key) return cached.resolved;
    const resolved = await evaluateWithResources(texts, { defaultLaw: law }, { readFile: notebookFileReader(notebook, this.dataFiles) }, this.fits);
    this.latest.set(notebook, { key, resolved });
    return resolved;
  }

  /** The files and fits of the notebook's latest evaluation, for a hover or completion at any line. */
  resources(notebook: vscode.NotebookDocument): ProvidedResources | undefined {
    return this.latest.get(notebook)?.resolved.resources;
  }
}
