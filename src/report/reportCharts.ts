import type { ResultPayload } from '../language/output/resultPayload';
import { mapBounded } from './boundedPool';
import { chartToSvg } from './chartSvg';
import { codeCells, type ReportDocument } from './reportDocument';
import type { ReportTheme } from './reportTheme';

/** A chart drawn for a report: its file name (unique in the report) and its SVG, or why it could not be drawn. */
export interface RenderedChart {
  readonly fileName: string;
  readonly svg?: string;
  readonly error?: string;
}

/**
 * Charts drawn at once. Vega renders on this thread, so more would not be faster; a few in flight
 * let one chart's asynchronous dataflow steps overlap another's while bounding how many views (each
 * holding its data and scenegraph) are alive at once in a notebook with hundreds of charts.
 */
export const CHART_CONCURRENCY = 4;

/** `name.svg`, or `name-2.svg`, `name-3.svg`… when an earlier chart took the name. */
function uniqueFileName(name: string, taken: Set<string>): string {
  const base = name || 'chart';
  let candidate = `${base}.svg`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}.svg`;
  taken.add(candidate);
  return candidate;
}

/**
 * Draws every chart of an evaluated notebook, at most {@link CHART_CONCURRENCY} at a time, calling
 * `onProgress(done, total)` after each. A chart Vega cannot draw gets an error instead of failing the report.
 */
export async function renderReportCharts(
  document: ReportDocument,
  theme: ReportTheme,
  onProgress?: (done: number, total: number) => void,
): Promise<Map<ResultPayload, RenderedChart>> {
  const results = codeCells(document).flatMap((cell) => cell.evaluation.results.filter((result) => result.chart));
  const taken = new Set<string>();
  const names = results.map((result) => uniqueFileName(result.chart!.fileName, taken));
  const rendered = await mapBounded(
    results,
    CHART_CONCURRENCY,
    async (result, index): Promise<RenderedChart> => {
      try {
        return { fileName: names[index], svg: await chartToSvg(result.chart!, theme.chart) };
      } catch (error) {
        return { fileName: names[index], error: error instanceof Error ? error.message : String(error) };
      }
    },
    onProgress,
  );
  return new Map(results.map((result, index) => [result, rendered[index]]));
}
