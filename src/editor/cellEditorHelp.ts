import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../notebook/scalingCells';
import { CellCompletionProvider } from './cellCompletionProvider';
import { CellDiagnostics } from './cellDiagnostics';
import { CellHoverProvider } from './cellHoverProvider';
import { NotebookEvaluations } from './notebookEvaluations';
import { defaultLawSetting } from './settings';

/** Registers hovers, completions and diagnostics for `scaling` cells. */
export function registerCellEditorHelp(context: vscode.ExtensionContext): void {
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, new CellHoverProvider(defaultLawSetting)),
    vscode.languages.registerCompletionItemProvider(selector, new CellCompletionProvider(defaultLawSetting), ...CellCompletionProvider.triggerCharacters),
    new CellDiagnostics(new NotebookEvaluations(), defaultLawSetting),
  );
}
