import * as vscode from 'vscode';
import { detectedModelMarkdown, detectedModelNotebookText, readDetectedModelArgument, type DetectedModel } from '../designDocs';
import { openScalingNotebook } from '../notebook/newNotebookCommand';
import { defaultLawSetting } from './settings';

/** Commands behind the links of a design-doc hover and the buttons of "Check Model Size…". */
export const OPEN_MENTION_IN_NOTEBOOK = 'scaling.openMentionInNotebook';
export const COPY_MENTION_MARKDOWN = 'scaling.copyMentionMarkdown';

export const OPEN_IN_NOTEBOOK_LABEL = 'Open in a scaling notebook';
export const COPY_AS_MARKDOWN_LABEL = 'Copy as Markdown';

/**
 * Opens an untitled scaling notebook that declares the model and checks it. The notebook is read
 * through the same serializer as a `.scaling` file, so saving it writes exactly this text.
 */
export function openInScalingNotebook(model: DetectedModel): Promise<void> {
  return openScalingNotebook(detectedModelNotebookText(model, defaultLawSetting()));
}

/** Puts the verdict, as the hover shows it, on the clipboard. */
export async function copyVerdictMarkdown(model: DetectedModel): Promise<void> {
  await vscode.env.clipboard.writeText(detectedModelMarkdown(model, defaultLawSetting()));
  vscode.window.setStatusBarMessage('Scaling: verdict copied as Markdown', 3000);
}

/** Runs `action` on a command link's argument, or says why it cannot. */
function withModelArgument(action: (model: DetectedModel) => Promise<void>): (argument: unknown) => Promise<void> {
  return async (argument) => {
    const model = readDetectedModelArgument(argument);
    if (!model) {
      void vscode.window.showErrorMessage(
        'Scaling: this command needs a model size; hover one in a design doc or run "Scaling: Check Model Size…".',
      );
      return;
    }
    await action(model);
  };
}

/** Registers the two link commands. */
export function registerDesignDocCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(OPEN_MENTION_IN_NOTEBOOK, withModelArgument(openInScalingNotebook)),
    vscode.commands.registerCommand(COPY_MENTION_MARKDOWN, withModelArgument(copyVerdictMarkdown)),
  ];
}
