import * as vscode from 'vscode';
import type { ScalingLaw } from '../core';
import { hoverAt } from '../language/hoverContent';
import { cellContext } from './cellContext';
import type { NotebookEvaluations } from './notebookEvaluations';

/** Hovers in `scaling` cells: models, budgets, laws, numbers, keywords and properties. */
export class CellHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly defaultLaw: () => ScalingLaw,
    private readonly evaluations: NotebookEvaluations,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const context = cellContext(document);
    const texts = context?.texts ?? [document.getText()];
    const law = this.defaultLaw();
    const options = context ? this.evaluations.scopeOptions(context.notebook, context.texts, context.cellIndex, law) : { defaultLaw: law };
    const hover = hoverAt(texts, context?.cellIndex ?? 0, { line: position.line, column: position.character }, options);
    if (!hover) return undefined;
    return new vscode.Hover(
      new vscode.MarkdownString(hover.markdown),
      new vscode.Range(hover.span.line, hover.span.start, hover.span.line, hover.span.end),
    );
  }
}
