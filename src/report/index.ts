/**
 * Reports: an evaluated notebook as one HTML page with inline SVG charts, or as Markdown with its
 * charts as SVG files. Pure (no Node, no `vscode`): the CLI bundles it, the extension loads it as
 * its own bundle (dist/report.js) only when an export command runs, so vega stays out of activation.
 */
import type { ResultPayload } from '../language/output/resultPayload';
import { htmlReport } from './htmlReport';
import { markdownReport } from './markdownReport';
import { renderReportCharts, type RenderedChart } from './reportCharts';
import { evaluateNotebookDocument, type NotebookSource, type ReportDocument } from './reportDocument';
import { reportTheme, type ReportThemeName } from './reportTheme';

export { REPORT_THEMES, type ReportThemeName } from './reportTheme';
export type { NotebookSource, ReportDocument } from './reportDocument';

export type ReportFormat = 'html' | 'markdown';

export interface ReportOptions {
  readonly format: ReportFormat;
  readonly theme: ReportThemeName;
  /** Markdown only: draw the charts as SVG files linked from this folder (relative, `/`-separated). */
  readonly chartsFolderLink?: string;
  /** Who made the report, e.g. "scaling-notebook 0.1.0": in the HTML footer and generator tag. */
  readonly generator: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** An SVG file to write into the charts folder. */
export interface ChartFile {
  readonly fileName: string;
  readonly svg: string;
}

export interface NotebookReport {
  readonly text: string;
  /** The charts' SVG files: for Markdown with a charts folder, else none. */
  readonly charts: readonly ChartFile[];
  /** Every code cell ran without error. */
  readonly ok: boolean;
}

function chartFiles(rendered: ReadonlyMap<ResultPayload, RenderedChart>): ChartFile[] {
  return [...rendered.values()].flatMap((chart) => (chart.svg ? [{ fileName: chart.fileName, svg: chart.svg }] : []));
}

/** Writes an evaluated notebook as a report; charts are drawn only when the format shows them. */
export async function renderReport(document: ReportDocument, options: ReportOptions): Promise<NotebookReport> {
  const ok = document.cells.every((cell) => cell.kind === 'markdown' || cell.evaluation.ok);
  const theme = reportTheme(options.theme);
  if (options.format === 'markdown' && options.chartsFolderLink === undefined) return { text: markdownReport(document), charts: [], ok };
  const rendered = await renderReportCharts(document, theme, options.onProgress);
  if (options.format === 'html') return { text: htmlReport(document, rendered, theme, options.generator), charts: [], ok };
  return { text: markdownReport(document, { folderLink: options.chartsFolderLink!, rendered }), charts: chartFiles(rendered), ok };
}

/** Evaluates a notebook's text and writes its report: what the editor's export commands run. */
export async function notebookReport(source: NotebookSource, options: ReportOptions): Promise<NotebookReport> {
  return renderReport(await evaluateNotebookDocument(source), options);
}
