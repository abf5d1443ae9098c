import * as vscode from 'vscode';
import type { FitCache } from '../language/evaluator/evaluateWithResources';
import type { NotebookSessions } from '../notebook/notebookSessions';
import { LANGUAGE_ID } from '../notebook/scalingCells';
import { CellCompletionProvider } from './cellCompletionProvider';
import { CellDiagnostics } from './cellDiagnostics';
import { CellHoverProvider } from './cellHoverProvider';
import { NotebookEvaluations } from './notebookEvaluations';
import { defaultLawSetting } from './settings';

/** Registers hovers, completions and diagnostics for `scaling` cells; `fits` and `sessions` are the kernel's, shared. */
export function registerCellEditorHelp(context: vscode.ExtensionContext, fits: FitCache, sessions: NotebookSessions): void {
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  const evaluations = new NotebookEvaluations(fits, sessions);
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, new CellHoverProvider(defaultLawSetting, evaluations)),
    vscode.languages.registerCompletionItemProvider(
      selector,
      new CellCompletionProvider(defaultLawSetting, evaluations),
      ...CellCompletionProvider.triggerCharacters,
    ),
    new CellDiagnostics(evaluations, defaultLawSetting, sessions),
  );
}
