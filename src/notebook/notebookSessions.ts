import * as vscode from 'vscode';
import type { EvaluationState } from '../language/evaluator/evaluateWithResources';
import { IncrementalEvaluator } from '../language/evaluator/incrementalEvaluator';
import type { FileOutcome } from '../language/evaluator/resources';
import { baseFolder, notebookFileReader } from './notebookFiles';

/**
 * What the kernel and the editor keep for one open notebook: one incremental evaluator, so that
 * diagnostics, hovers, completions, runs and live results share their work, and the data files
 * read, each watched on disk and forgotten when it changes.
 */
export class NotebookSession implements vscode.Disposable {
  readonly state: EvaluationState = { evaluator: new IncrementalEvaluator(), files: new Map() };
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly read: (path: string) => Promise<FileOutcome>;

  constructor(
    private readonly notebook: vscode.NotebookDocument,
    private readonly onFileChanged: (notebook: vscode.NotebookDocument, path: string) => void,
  ) {
    this.read = notebookFileReader(notebook);
  }

  /** Reads a data file and watches it from then on. */
  readonly readFile = (path: string): Promise<FileOutcome> => {
    this.watch(path);
    return this.read(path);
  };

  /**
   * A run reads every file afresh, once for all the cells it runs: a change the watcher could not
   * see (a file system without events) is picked up by running.
   */
  startPass(): void {
    this.state.files.clear();
  }

  private watch(path: string): void {
    const base = baseFolder(this.notebook);
    if (this.watchers.has(path) || !base) return;
    const target = vscode.Uri.joinPath(base, path);
    const name = target.path.slice(target.path.lastIndexOf('/') + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(target, '..'), name));
    const forget = () => {
      this.state.files.delete(path);
      this.onFileChanged(this.notebook, path);
    };
    const events = [watcher.onDidChange(forget), watcher.onDidCreate(forget), watcher.onDidDelete(forget)];
    this.watchers.set(path, vscode.Disposable.from(watcher, ...events));
  }

  dispose(): void {
    this.watchers.forEach((watcher) => watcher.dispose());
    this.watchers.clear();
  }
}

/** One session per open notebook, ended when the notebook closes. */
export class NotebookSessions implements vscode.Disposable {
  private readonly sessions = new Map<vscode.NotebookDocument, NotebookSession>();
  private readonly fileChanged = new vscode.EventEmitter<vscode.NotebookDocument>();
  private readonly closing = vscode.workspace.onDidCloseNotebookDocument((notebook) => {
    this.sessions.get(notebook)?.dispose();
    this.sessions.delete(notebook);
  });

  /** Fires when a data file a notebook read changed on disk (after the session forgot it). */
  readonly onDidChangeFile = this.fileChanged.event;

  get(notebook: vscode.NotebookDocument): NotebookSession {
    let session = this.sessions.get(notebook);
    if (!session) {
      session = new NotebookSession(notebook, (changed) => this.fileChanged.fire(changed));
      this.sessions.set(notebook, session);
    }
    return session;
  }

  dispose(): void {
    this.sessions.forEach((session) => session.dispose());
    this.sessions.clear();
    this.fileChanged.dispose();
    this.closing.dispose();
  }
}
