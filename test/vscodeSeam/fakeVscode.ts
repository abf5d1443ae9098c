/**
 * A thin stand-in for the `vscode` module, so the logic of src/notebook and src/editor runs under
 * mocha: the few classes and namespaces those files touch, recording what they were asked to do.
 * `installFakeVscode()` must run before the module under test is first required.
 */
import Module from 'node:module';

export interface FakeUri {
  readonly scheme: string;
  readonly path: string;
}

const uri = (path: string, scheme = 'file'): FakeUri => ({ scheme, path });

class Range {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}
}

class Diagnostic {
  code?: string;
  source?: string;
  relatedInformation?: unknown[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: number,
  ) {}
}

type Listener = (value: unknown) => unknown;

/** One cell run: its outputs as text, how it ended, and the cancellation the test can request. */
export interface FakeExecution {
  readonly outputs: string[][];
  ended?: boolean | undefined;
  cancel(): void;
}

/** What the code under test did through the fake API. */
export const recorded = {
  diagnostics: new Map<string, Diagnostic[]>(),
  saveDialogs: [] as Array<{ defaultUri?: FakeUri; filters: unknown }>,
  writtenFiles: [] as Array<{ uri: FakeUri; bytes: Uint8Array }>,
  clipboard: [] as string[],
  messages: [] as string[],
  rendererListeners: [] as Listener[],
  executions: [] as FakeExecution[],
  saveDialogAnswer: undefined as FakeUri | undefined,
  commands: new Map<string, (...args: unknown[]) => unknown>(),
};

const disposable = { dispose: () => undefined };
const event = () => disposable;

export const fakeVscode = {
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  NotebookCellKind: { Markup: 1, Code: 2 },
  ColorThemeKind: { Light: 1, Dark: 2, HighContrast: 3, HighContrastLight: 4 },
  ProgressLocation: { Notification: 15 },
  commands: {
    registerCommand: (name: string, run: (...args: unknown[]) => unknown) => (recorded.commands.set(name, run), disposable),
  },
  Range,
  Diagnostic,
  Location: class {
    constructor(
      readonly uri: FakeUri,
      readonly range: Range,
    ) {}
  },
  DiagnosticRelatedInformation: class {
    constructor(
      readonly location: unknown,
      readonly message: string,
    ) {}
  },
  // A class, so `argument instanceof vscode.Uri` works (the fake's URIs are plain objects, never instances).
  Uri: Object.assign(class Uri {}, {
    joinPath: (base: FakeUri, ...parts: string[]) =>
      uri([base.path, ...parts].join('/').replace(/\/[^/]+\/\.\.(?=\/|$)/g, ''), base.scheme),
    file: (path: string) => uri(path),
  }),
  languages: {
    createDiagnosticCollection: () => ({
      set: (target: FakeUri, diagnostics: Diagnostic[]) => recorded.diagnostics.set(target.path, diagnostics),
      delete: (target: FakeUri) => recorded.diagnostics.delete(target.path),
      dispose: () => undefined,
    }),
  },
  workspace: {
    notebookDocuments: [] as unknown[],
    workspaceFolders: [{ uri: uri('/workspace') }],
    onDidOpenNotebookDocument: event,
    onDidChangeNotebookDocument: event,
    onDidCloseNotebookDocument: event,
    onDidChangeTextDocument: event,
    onDidChangeConfiguration: event,
    asRelativePath: (target: FakeUri) => target.path.replace(/^\/workspace\//, ''),
    fs: {
      writeFile: async (target: FakeUri, bytes: Uint8Array) => void recorded.writtenFiles.push({ uri: target, bytes }),
      createDirectory: async () => undefined,
    },
  },
  window: {
    activeColorTheme: { kind: 1 },
    activeNotebookEditor: undefined as unknown,
    withProgress: async <T>(_options: unknown, task: (progress: { report: (value: unknown) => void }) => Promise<T>) =>
      task({ report: () => undefined }),
    showWarningMessage: async (message: string) => void recorded.messages.push(`warning: ${message}`),
    showSaveDialog: async (options: { defaultUri?: FakeUri; filters: unknown }) => {
      recorded.saveDialogs.push(options);
      return recorded.saveDialogAnswer;
    },
    showInformationMessage: async (message: string) => void recorded.messages.push(message),
    showErrorMessage: async (message: string) => void recorded.messages.push(`error: ${message}`),
  },
  env: { clipboard: { writeText: async (text: string) => void recorded.clipboard.push(text) } },
  NotebookCellData: class {
    metadata?: unknown;
    constructor(
      readonly kind: number,
      readonly value: string,
      readonly languageId: string,
    ) {}
  },
  NotebookCellOutput: class {
    constructor(readonly items: Array<{ text: string }>) {}
  },
  NotebookCellOutputItem: {
    text: (text: string) => ({ text }),
    json: (value: unknown) => ({ text: JSON.stringify(value) }),
    error: (error: Error) => ({ text: error.message }),
  },
  notebooks: {
    createNotebookController: () => {
      const controller = {
        dispose: () => undefined,
        executeHandler: undefined as unknown,
        createNotebookCellExecution: () => {
          const listeners: Array<() => void> = [];
          const token = {
            isCancellationRequested: false,
            onCancellationRequested: (listener: () => void) => (listeners.push(listener), disposable),
          };
          const execution: FakeExecution & Record<string, unknown> = {
            outputs: [],
            cancel: () => {
              token.isCancellationRequested = true;
              listeners.forEach((listener) => listener());
            },
            token,
            executionOrder: 0,
            start: () => undefined,
            replaceOutput: async (outputs: Array<{ items: Array<{ text: string }> }>) =>
              void execution.outputs.push(outputs.flatMap((output) => output.items.map((item) => item.text))),
            end: (success: boolean | undefined) => void (execution.ended = success),
          };
          recorded.executions.push(execution);
          return execution;
        },
      };
      return controller;
    },
    createRendererMessaging: () => ({
      onDidReceiveMessage: (listener: Listener) => {
        recorded.rendererListeners.push(listener);
        return disposable;
      },
    }),
  },
};

/** Makes `require('vscode')` return the fake, once per process. */
export function installFakeVscode(): void {
  const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string; _cache?: unknown };
  const resolve = loader._resolveFilename;
  if ((resolve as { fake?: boolean }).fake) return;
  const patched = Object.assign((request: string, ...rest: unknown[]) => (request === 'vscode' ? 'vscode' : resolve(request, ...rest)), {
    fake: true,
  });
  loader._resolveFilename = patched;
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fakeVscode } as unknown as NodeJS.Module;
}

export function resetRecorded(): void {
  recorded.diagnostics.clear();
  recorded.saveDialogs.length = 0;
  recorded.writtenFiles.length = 0;
  recorded.clipboard.length = 0;
  recorded.messages.length = 0;
  recorded.rendererListeners.length = 0;
  recorded.executions.length = 0;
  recorded.saveDialogAnswer = undefined;
  recorded.commands.clear();
  fakeVscode.workspace.notebookDocuments = [];
  fakeVscode.window.activeColorTheme = { kind: fakeVscode.ColorThemeKind.Light };
  fakeVscode.window.activeNotebookEditor = undefined;
}

/** A notebook of scaling code cells whose texts the test may change. */
export function fakeNotebook(texts: string[], path = '/workspace/plan.scaling') {
  const cells = texts.map((_, index) => ({
    kind: 2,
    document: { languageId: 'scaling', uri: uri(`${path}#cell${index}`), getText: () => texts[index] },
  }));
  return { notebookType: 'scaling', isClosed: false, uri: uri(path), getCells: () => cells, texts };
}
