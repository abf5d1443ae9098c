import * as vscode from 'vscode';

/** The notebook type, language id and controller id all derive from this one name. */
export const NOTEBOOK_TYPE = 'scaling';
export const LANGUAGE_ID = 'scaling';

/** The notebook's code cells in the `scaling` language, in document order. */
export function scalingCodeCells(notebook: vscode.NotebookDocument): vscode.NotebookCell[] {
  return notebook.getCells().filter((cell) => cell.kind === vscode.NotebookCellKind.Code && cell.document.languageId === LANGUAGE_ID);
}
