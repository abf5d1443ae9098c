import * as vscode from 'vscode';
import type { ScalingLaw } from '../core';
import type { FitCache } from '../language/evaluator/evaluateWithResources';
import type { FitRunner } from '../language/evaluator/resources';
import type { NotebookReport, ReportFormat, ReportThemeName } from '../report';
import { notebookFileReader } from './notebookFiles';
import type { ReportLoader } from './reportLoader';
import { NOTEBOOK_TYPE } from './scalingCells';
import { notebookFileText } from './scalingSerializer';

export const EXPORT_HTML_COMMAND = 'scaling.exportHtmlReport';
export const EXPORT_MARKDOWN_COMMAND = 'scaling.exportMarkdownReport';

export interface ReportExportDependencies {
  readonly loadReports: ReportLoader;
  readonly defaultLaw: () => ScalingLaw;
  readonly fitRunner: FitRunner;
  readonly fitCache: FitCache;
}

const FORMATS: Readonly<Record<ReportFormat, { extension: string; filters: Record<string, string[]>; title: string }>> = {
  html: { extension: 'html', filters: { 'HTML report': ['html'] }, title: 'Export as HTML Report' },
  markdown: { extension: 'md', filters: { Markdown: ['md'] }, title: 'Export as Markdown with Charts' },
};

/** The notebook the command is for: a notebook URI it was given (toolbar, scripts), else the active notebook. */
function targetNotebook(argument: unknown): vscode.NotebookDocument | undefined {
  const given =
    argument instanceof vscode.Uri
      ? argument
      : (argument as { notebookEditor?: { notebookUri?: vscode.Uri } } | undefined)?.notebookEditor?.notebookUri;
  const notebook = given
    ? vscode.workspace.notebookDocuments.find((document) => document.uri.toString() === given.toString())
    : vscode.window.activeNotebookEditor?.notebook;
  return notebook?.notebookType === NOTEBOOK_TYPE ? notebook : undefined;
}

/** The editor's theme, light or dark, so an export's charts look as they do in the notebook. */
function editorReportTheme(): ReportThemeName {
  const { kind } = vscode.window.activeColorTheme;
  return kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast ? 'dark' : 'light';
}

/** The file name without its extension: `plan.scaling` → `plan`. */
function fileStem(uri: vscode.Uri): string {
  const name = uri.path.split('/').pop() ?? '';
  return name.replace(/\.[^.]*$/, '') || 'notebook';
}

function folderOf(notebook: vscode.NotebookDocument): vscode.Uri | undefined {
  return notebook.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(notebook.uri, '..');
}

/** Writes the report, and for Markdown its charts into `<name>-charts/` beside it (the folder the links name). */
async function writeReport(target: vscode.Uri, report: NotebookReport, chartsFolder: string): Promise<void> {
  const encoder = new TextEncoder();
  if (report.charts.length > 0) {
    const folder = vscode.Uri.joinPath(target, '..', chartsFolder);
    await vscode.workspace.fs.createDirectory(folder);
    await Promise.all(
      report.charts.map((chart) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, chart.fileName), encoder.encode(chart.svg))),
    );
  }
  await vscode.workspace.fs.writeFile(target, encoder.encode(report.text));
}

async function exportReport(
  format: ReportFormat,
  notebook: vscode.NotebookDocument,
  dependencies: ReportExportDependencies,
): Promise<void> {
  const { extension, filters, title } = FORMATS[format];
  const folder = folderOf(notebook);
  const fileName = `${fileStem(notebook.uri)}.${extension}`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters,
    title,
  });
  if (!target) return;
  const chartsFolder = `${fileStem(target)}-charts`;
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `${title}: ${fileName}` },
    async (progress) => {
      progress.report({ message: 'loading the chart renderer…' });
      const reports = await dependencies.loadReports();
      progress.report({ message: 'running every cell…' });
      const { fitRunner } = dependencies;
      const rendered = await reports.notebookReport(
        {
          file: vscode.workspace.asRelativePath(notebook.uri),
          text: notebookFileText(notebook),
          defaultLaw: dependencies.defaultLaw(),
          resources: {
            readFile: notebookFileReader(notebook),
            runFit: (request) => fitRunner.run(request, () => undefined, new AbortController().signal),
          },
          fitCache: dependencies.fitCache,
        },
        {
          format,
          theme: editorReportTheme(),
          chartsFolderLink: format === 'markdown' ? chartsFolder : undefined,
          generator: 'Scaling Notebooks for VS Code',
          onProgress: (done, total) => progress.report({ message: `drawing charts ${done}/${total}`, increment: 100 / total }),
        },
      );
      await writeReport(target, rendered, chartsFolder);
      return rendered;
    },
  );
  const where = vscode.workspace.asRelativePath(target);
  const charts =
    format === 'markdown' ? ` and ${report.charts.length} chart${report.charts.length === 1 ? '' : 's'} in ${chartsFolder}/` : '';
  const failed = report.ok ? '' : ' Some cells failed: the report shows their errors.';
  const message = `Exported ${where}${charts}.${failed}`;
  void (report.ok ? vscode.window.showInformationMessage(message) : vscode.window.showWarningMessage(message));
}

/**
 * "Export as HTML Report…" and "Export as Markdown with Charts…" on a scaling notebook's toolbar:
 * every cell evaluated as the CLI's `run` does, the report written where the save dialog says with
 * `workspace.fs` (desktop, remote and web alike). The report code, with vega, loads on first use.
 */
export function registerReportExportCommands(context: vscode.ExtensionContext, dependencies: ReportExportDependencies): void {
  const register = (command: string, format: ReportFormat) =>
    vscode.commands.registerCommand(command, async (argument?: unknown) => {
      const notebook = targetNotebook(argument);
      if (!notebook) {
        void vscode.window.showErrorMessage('Open a scaling notebook (.scaling) to export it.');
        return;
      }
      try {
        await exportReport(format, notebook, dependencies);
      } catch (error) {
        void vscode.window.showErrorMessage(`Could not export the report: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  context.subscriptions.push(register(EXPORT_HTML_COMMAND, 'html'), register(EXPORT_MARKDOWN_COMMAND, 'markdown'));
}
