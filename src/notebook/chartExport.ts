import * as vscode from 'vscode';
import {
  exportFileName,
  imageBytes,
  isRendererMessage,
  RENDERER_ID,
  type CopySpecMessage,
  type ExportImageMessage,
} from '../rendererProtocol/rendererMessages';

const IMAGE_FILTERS: Readonly<Record<ExportImageMessage['format'], Record<string, string[]>>> = {
  svg: { 'SVG image': ['svg'] },
  png: { 'PNG image': ['png'] },
};

/**
 * Where the save dialog opens: beside the notebook when it is a file on disk or in a virtual
 * workspace, else in the first workspace folder.
 */
function defaultFolder(notebook: vscode.NotebookDocument): vscode.Uri | undefined {
  if (notebook.uri.scheme !== 'untitled') return vscode.Uri.joinPath(notebook.uri, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function saveImage(message: ExportImageMessage, notebook: vscode.NotebookDocument): Promise<void> {
  const name = exportFileName(message.fileName, message.format);
  const folder = defaultFolder(notebook);
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: IMAGE_FILTERS[message.format],
    title: `Save chart as ${message.format.toUpperCase()}`,
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, imageBytes(message));
  void vscode.window.showInformationMessage(`Saved chart to ${vscode.workspace.asRelativePath(target)}`);
}

async function copySpec(message: CopySpecMessage): Promise<void> {
  await vscode.env.clipboard.writeText(JSON.stringify(message.spec, null, 2));
  void vscode.window.showInformationMessage('Copied the Vega-Lite spec to the clipboard.');
}

/**
 * Handles the chart renderer's messages: "SVG"/"PNG" open a save dialog and write the image with
 * `workspace.fs` (downloads from a webview are unreliable, especially in remote windows), "Copy
 * spec" puts the spec's JSON on the clipboard. Web-safe: no Node API.
 */
export function registerChartExport(context: vscode.ExtensionContext): void {
  const messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);
  context.subscriptions.push(
    messaging.onDidReceiveMessage(async ({ editor, message }) => {
      if (!isRendererMessage(message)) return;
      try {
        if (message.type === 'copySpec') await copySpec(message);
        else await saveImage(message, editor.notebook);
      } catch (error) {
        void vscode.window.showErrorMessage(`Could not export the chart: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
}
