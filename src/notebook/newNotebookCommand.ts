import * as vscode from 'vscode';
import { ScalingNotebookSerializer } from './scalingSerializer';
import { NOTEBOOK_TYPE } from './scalingCells';
import { STARTER_NOTEBOOK } from './starterNotebook';

/** Opens an untitled notebook holding `text` (a `.scaling` document). */
export async function openScalingNotebook(text: string): Promise<void> {
  const data = new ScalingNotebookSerializer().deserializeNotebook(new TextEncoder().encode(text));
  const notebook = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data);
  await vscode.window.showNotebookDocument(notebook);
}

/** `scaling.newNotebook`: a small starter notebook to edit and run. */
export function registerNewNotebookCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('scaling.newNotebook', () => openScalingNotebook(STARTER_NOTEBOOK)));
}
