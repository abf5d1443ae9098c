import * as vscode from 'vscode';
import { scalingCodeCells } from '../notebook/scalingCells';

/** A cell document seen as part of its notebook: every code cell's text and this cell's index. */
export interface CellContext {
  readonly notebook: vscode.NotebookDocument;
  readonly cells: readonly vscode.NotebookCell[];
  readonly texts: readonly string[];
  readonly cellIndex: number;
}

/** The notebook a `scaling` cell document belongs to; undefined for documents outside a notebook. */
export function cellContext(document: vscode.TextDocument): CellContext | undefined {
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cells = scalingCodeCells(notebook);
    const cellIndex = cells.findIndex((cell) => cell.document === document || cell.document.uri.toString() === document.uri.toString());
    if (cellIndex >= 0) return { notebook, cells, texts: cells.map((cell) => cell.document.getText()), cellIndex };
  }
  return undefined;
}
