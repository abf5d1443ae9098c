import * as vscode from 'vscode';
import type { FileOutcome } from '../language/evaluator/resources';
import { DEFAULT_MAX_FILE_MEGABYTES } from '../language/limits';
import { dataFileRefusal, type EntryFacts } from './dataFileChecks';

/** The folder `data … from "x.csv"` paths start from: the notebook's own, or the workspace's for an untitled one. */
export function baseFolder(notebook: vscode.NotebookDocument): vscode.Uri | undefined {
  if (notebook.uri.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.Uri.joinPath(notebook.uri, '..');
}

function isInside(folder: vscode.Uri, target: vscode.Uri): boolean {
  const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return (
    target.scheme === folder.scheme &&
    target.authority === folder.authority &&
    (target.path === folder.path || target.path.startsWith(prefix))
  );
}

/** What `uri` is; undefined when it does not exist. */
async function entryFacts(uri: vscode.Uri): Promise<EntryFacts | undefined> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
  const { File, Directory, SymbolicLink } = vscode.FileType;
  const kind = stat.type & SymbolicLink ? 'link' : stat.type === File ? 'file' : stat.type === Directory ? 'folder' : 'other';
  return { kind, size: stat.size, mtime: stat.mtime };
}

/** The `scaling.data.maxFileMegabytes` setting: the largest data file read. */
function maxFileMegabytes(): number {
  const value = vscode.workspace.getConfiguration('scaling').get<number>('data.maxFileMegabytes');
  return typeof value === 'number' && value > 0 ? value : DEFAULT_MAX_FILE_MEGABYTES;
}

/**
 * Reads data files for a notebook through `vscode.workspace.fs` (local, remote and web alike).
 * Paths resolve relative to the notebook and must stay inside a workspace folder (or, with no
 * folder open, inside the notebook's folder); untrusted workspaces read no files. With `kept`, a
 * file unchanged since it was last read (same modification time and size) is not read again.
 */
export function notebookFileReader(notebook: vscode.NotebookDocument): (path: string) => Promise<FileOutcome> {
  return async (path) => {
    if (!vscode.workspace.isTrusted)
      return { error: 'data files are read only in trusted workspaces (Workspaces: Manage Workspace Trust)' };
    const base = baseFolder(notebook);
    if (!base) return { error: 'open a folder to read data files from an untitled notebook' };
    if (/^([a-z]:[\\/]|\/)/i.test(path)) return { error: 'use a path relative to the notebook, e.g. "runs/ladder.csv"' };
    const target = vscode.Uri.joinPath(base, path);
    const folders = vscode.workspace.workspaceFolders ?? [];
    const workspaceRoot = folders.find((folder) => isInside(folder.uri, target))?.uri;
    const root = folders.length > 0 ? workspaceRoot : isInside(base, target) ? base : undefined;
    if (!root) return { error: `"${path}" is outside the workspace` };
    // Every folder from the workspace root down, then the file: none may be a link, the file must be plain and small enough.
    const names = target.path
      .slice(root.path.length)
      .split('/')
      .filter((name) => name.length > 0);
    const steps = names.map((_, index) => names.slice(0, index + 1).join('/'));
    const factsOf = (step: string) => entryFacts(vscode.Uri.joinPath(root, step));
    const refusal = await dataFileRefusal(path, steps, factsOf, maxFileMegabytes());
    if (refusal) return { error: refusal };
    try {
      // TextDecoder drops a UTF-8 byte-order mark.
      return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(target)) };
    } catch (error) {
      return {
        error:
          error instanceof vscode.FileSystemError
            ? error.code === 'FileNotFound'
              ? `no such file ${target.path}`
              : error.message
            : String(error),
      };
    }
  };
}
