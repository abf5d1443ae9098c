import * as vscode from 'vscode';
import {
  MODEL_SIZE_INPUT_EXAMPLES,
  detectModelMentions,
  detectedModelLabel,
  detectedModelSummary,
  parseModelSizeInput,
  type DetectedModel,
  type ModelMention,
} from '../designDocs';
import { COPY_AS_MARKDOWN_LABEL, OPEN_IN_NOTEBOOK_LABEL, copyVerdictMarkdown, openInScalingNotebook } from './designDocCommands';
import { defaultLawSetting } from './settings';

export const CHECK_MODEL_SIZE = 'scaling.checkModelSize';

/** A selection that is not a model size is offered for editing in the input box, up to this length. */
const MAX_PREFILLED_LENGTH = 200;

/** Several models in the selection: the user picks one (undefined if they dismiss the list). */
async function pickMention(mentions: readonly ModelMention[]): Promise<DetectedModel | undefined> {
  const picked = await vscode.window.showQuickPick(
    mentions.map((mention) => ({ label: detectedModelLabel(mention), detail: mention.matchedText.replace(/\s+/g, ' '), mention })),
    { title: 'Check Model Size', placeHolder: 'The selection names several models: which one?' },
  );
  return picked?.mention;
}

async function askForModel(initial: string): Promise<DetectedModel | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Check Model Size',
    prompt: `Parameters and training tokens, e.g. ${MODEL_SIZE_INPUT_EXAMPLES}`,
    placeHolder: '70B 1.4T',
    value: initial,
    validateInput: (value) =>
      value.trim() === '' || parseModelSizeInput(value) ? undefined : `Not a model size: try ${MODEL_SIZE_INPUT_EXAMPLES}`,
  });
  return text === undefined ? undefined : parseModelSizeInput(text);
}

/**
 * `Scaling: Check Model Size…`: the verdict for the selected text, or for what the user types when
 * nothing (or nothing readable) is selected, with buttons to open it in a notebook or copy it.
 */
export async function checkModelSize(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  const mentions = detectModelMentions(selected);
  const model =
    mentions.length > 1
      ? await pickMention(mentions)
      : (mentions[0] ?? parseModelSizeInput(selected) ?? (await askForModel(selected.trim().slice(0, MAX_PREFILLED_LENGTH))));
  if (!model) return;
  const choice = await vscode.window.showInformationMessage(
    detectedModelSummary(model, defaultLawSetting()),
    OPEN_IN_NOTEBOOK_LABEL,
    COPY_AS_MARKDOWN_LABEL,
  );
  if (choice === OPEN_IN_NOTEBOOK_LABEL) await openInScalingNotebook(model);
  else if (choice === COPY_AS_MARKDOWN_LABEL) await copyVerdictMarkdown(model);
}
