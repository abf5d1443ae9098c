import * as vscode from 'vscode';
import type { FileOutcome } from '../language/evaluator/resources';

/** The folder `data … from "x.csv"` paths start from: the notebook's own, or the workspace's for an untitled one. */
export function baseFolder(notebook: vscode.NotebookDocument): vscode.Uri | undefined {
  if (notebook.uri.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.Uri.joinPath(notebook.uri, '..');
}

function isInside(folder: vscode.Uri, target: vscode.Uri): boolean {
  const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return target.scheme === folder.scheme && target.authority === folder.authority && (target.path === folder.path || target.path.startsWith(prefix));
}

/**
 * Reads data files for a notebook through `vscode.workspace.fs` (local, remote and web alike).
 * Paths resolve relative to the notebook and must stay inside a workspace folder (or, with no
 * folder open, inside the notebook's folder); untrusted workspaces read no files.
 */
export function notebookFileReader(notebook: vscode.NotebookDocument): (path: string) => Promise<FileOutcome> {
  return async (path) => {
    if (!vscode.workspace.isTrusted) return { error: 'data files are read only in trusted workspaces (Workspaces: Manage Workspace Trust)' };
    const base = baseFolder(notebook);
    if (!base) return { error: 'open a folder to read data files from an untitled notebook' };
    if (/^([a-z]:[\\/]|\/)/i.test(path)) return { error: 'use a path relative to the notebook, e.g. "runs/ladder.csv"' };
    const target = vscode.Uri.joinPath(base, path);
    const folders = vscode.workspace.workspaceFolders ?? [];
    const allowed = folders.length > 0 ? folders.some((folder) => isInside(folder.uri, target)) : isInside(base, target);
    if (!allowed) return { error: `"${path}" is outside the workspace` };
    try {
      return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(target)) };
    } catch (error) {
      return { error: error instanceof vscode.FileSystemError ? error.code === 'FileNotFound' ? `no such file ${target.path}` : error.message : String(error) };
    }
  };
}
