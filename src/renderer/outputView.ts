import type { ResultTable } from '../language/output/resultPayload';
import type { ChartTheme } from './chartTheme';
import { mountChart, type MountedChart } from './chartView';
import { OUTPUT_STYLES } from './outputStyles';
import { readResultPayload, type ReceivedPayload } from './payloadValidation';
import type { OutputItem } from './rendererApi';
import type { RendererMessage } from '../rendererProtocol/rendererMessages';

/** One result on screen. */
export interface RenderedOutput {
  /** Redraws the chart (if any) in a new theme. */
  retheme(theme: ChartTheme): void;
  /** Finalizes the chart's view; a chart still being drawn is finalized as soon as it is. */
  dispose(): void;
}

const NOTHING_TO_DISPOSE: RenderedOutput = { retheme: () => undefined, dispose: () => undefined };

/**
 * Renders a result into `element`: title, tables, notes and chart inside a fresh shadow root (the
 * notebook's CSS and the output's do not mix). The host element carries `data-scaling-chart`:
 * "pending" while vega-embed works, then "ready" or "error". A payload that cannot be read shows
 * a readable `[data-scaling-error]` message instead, never a blank output.
 */
export function renderOutput(
  element: HTMLElement,
  item: OutputItem,
  theme: ChartTheme,
  postMessage: ((message: RendererMessage) => void) | undefined,
): RenderedOutput {
  element.replaceChildren();
  let payload: ReceivedPayload;
  try {
    payload = readResultPayload(item.json());
  } catch (error) {
    element.append(payloadError(error));
    return NOTHING_TO_DISPOSE;
  }
  const host = document.createElement('div');
  host.className = 'scaling-output';
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = OUTPUT_STYLES;
  const { chart } = payload;
  if (!chart) {
    root.append(style, ...resultContent(payload));
    element.append(host);
    return NOTHING_TO_DISPOSE;
  }
  // A chart carries its own title and comes first; the numbers behind it fold away beneath it.
  const area = document.createElement('div');
  area.className = 'chart-area';
  const numbers = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Numbers behind the chart';
  numbers.append(summary, ...payload.tables.map(htmlTable));
  root.append(style, area, numbers, ...notesList(payload.notes));
  element.append(host);

  let mounted: MountedChart | undefined;
  // Bumped by every redraw and by dispose, so a draw that finishes late knows it is stale.
  let generation = 0;
  const draw = (drawTheme: ChartTheme) => {
    const current = ++generation;
    host.dataset.scalingChart = 'pending';
    mountChart(area, chart, drawTheme, postMessage).then(
      (chartOnScreen) => {
        if (current !== generation) return chartOnScreen.dispose();
        mounted = chartOnScreen;
        host.dataset.scalingChart = 'ready';
      },
      (error: unknown) => {
        if (current !== generation) return;
        host.dataset.scalingChart = 'error';
        area.replaceChildren(chartError(error));
      },
    );
  };
  const release = () => {
    generation++;
    mounted?.dispose();
    mounted = undefined;
  };
  draw(theme);
  return {
    retheme(nextTheme) {
      release();
      draw(nextTheme);
    },
    dispose: release,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function payloadError(error: unknown): HTMLElement {
  const box = document.createElement('div');
  box.dataset.scalingError = '';
  box.setAttribute('role', 'alert');
  // CSSOM, not a style attribute: allowed under the webview's content security policy.
  box.style.color = 'var(--vscode-errorForeground)';
  box.textContent = `Scaling Notebooks cannot show this result: ${messageOf(error)}.`;
  return box;
}

function chartError(error: unknown): HTMLElement {
  const message = document.createElement('p');
  message.className = 'chart-error';
  message.setAttribute('role', 'alert');
  message.textContent = `The chart could not be drawn: ${messageOf(error)}. The numbers behind the chart are listed below it.`;
  return message;
}

function resultContent(payload: ReceivedPayload): HTMLElement[] {
  const title = document.createElement('div');
  title.className = 'title';
  title.textContent = payload.title;
  return [title, ...payload.tables.map(htmlTable), ...notesList(payload.notes)];
}

/** The notes as a list, or nothing when there are none. */
function notesList(notes: readonly string[]): HTMLElement[] {
  if (notes.length === 0) return [];
  const list = document.createElement('ul');
  list.className = 'notes';
  for (const note of notes) {
    const item = document.createElement('li');
    item.textContent = note;
    list.append(item);
  }
  return [list];
}

function htmlTable(table: ResultTable): HTMLTableElement {
  const element = document.createElement('table');
  if (table.caption) element.createCaption().textContent = table.caption;
  const cell = (tag: 'th' | 'td', text: string, column: number) => {
    const node = document.createElement(tag);
    node.textContent = text;
    if (table.align?.[column] === 'right') node.className = 'right';
    return node;
  };
  element
    .createTHead()
    .insertRow()
    .append(...table.columns.map((column, index) => cell('th', column, index)));
  const body = element.createTBody();
  for (const row of table.rows) body.insertRow().append(...row.map((text, index) => cell('td', text, index)));
  return element;
}
