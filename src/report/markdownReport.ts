import { fencedCodeBlock } from '../markdownFormat/markdownCells';
import { payloadToMarkdown } from '../language/output/payloadText';
import { markdownText } from '../language/output/textEscaping';
import type { ResultPayload } from '../language/output/resultPayload';
import { escapeHtml } from './htmlText';
import type { RenderedChart } from './reportCharts';
import { cellErrorLines, type ReportDocument } from './reportDocument';

/** Charts written as SVG files next to the report, and the relative link (`/`-separated) to their folder. */
export interface LinkedCharts {
  readonly folderLink: string;
  readonly rendered: ReadonlyMap<ResultPayload, RenderedChart>;
}

/** A relative link with each path segment percent-encoded, so spaces or `)` in a folder name cannot end the link. */
function relativeLink(folder: string, fileName: string): string {
  return [...folder.split('/').filter((segment) => segment !== '' && segment !== '.'), fileName]
    .map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/');
}

function chartMarkdown(result: ResultPayload, charts: LinkedCharts | undefined): string {
  const chart = charts?.rendered.get(result);
  if (chart?.svg) return `![${result.title.replace(/[[\]\\]/g, '\\$&')}](${relativeLink(charts!.folderLink, chart.fileName)})`;
  // Folded, so the report stays readable on GitHub; paste the spec into any Vega-Lite viewer.
  const spec = `<details><summary>Vega-Lite spec: ${escapeHtml(result.title)}</summary>\n\n\`\`\`json\n${JSON.stringify(result.chart!.spec, null, 2)}\n\`\`\`\n\n</details>`;
  return chart?.error ? `*Chart not drawn: ${markdownText(chart.error)}*\n\n${spec}` : spec;
}

/**
 * The Markdown report: the notebook as it reads, prose cells as written (they are Markdown already,
 * as in the .scaling file itself), and each code cell's source, errors and results as GitHub-flavoured
 * Markdown. With `charts`, each chart is an image linking to its SVG file; without, its Vega-Lite spec
 * folded under a summary (the `run --format markdown` output before reports had charts).
 */
export function markdownReport(document: ReportDocument, charts?: LinkedCharts): string {
  const parts = [`# ${document.file}`];
  let codeIndex = 0;
  for (const cell of document.cells) {
    if (cell.kind === 'markdown') {
      if (cell.text.trim()) parts.push(cell.text.trim());
      continue;
    }
    // A label, not a heading: the prose's own headings stay the report's outline.
    parts.push(`**Cell ${++codeIndex}** (line ${cell.sourceLine + 1})`, fencedCodeBlock(cell.source, 'scaling'));
    const errors = cellErrorLines(document.file, cell);
    if (errors.length > 0) parts.push(fencedCodeBlock(errors.join('\n'), 'text'));
    for (const result of cell.evaluation.results) {
      parts.push(payloadToMarkdown(result));
      if (result.chart) parts.push(chartMarkdown(result, charts));
    }
  }
  return parts.join('\n\n');
}
