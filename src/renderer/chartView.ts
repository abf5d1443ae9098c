import embed, { type VisualizationSpec } from 'vega-embed';
import type { View } from 'vega';
import type { ResultChart } from '../language/output/resultPayload';
import { withTheme, type ChartTheme } from './chartTheme';
import type { RendererMessage } from '../rendererProtocol/rendererMessages';

/** A chart on screen; `dispose` finalizes its vega view and stops following the container. */
export interface MountedChart {
  dispose(): void;
}

/** PNG exports are drawn at twice the on-screen size, sharp on high-density screens and in slides. */
const PNG_SCALE = 2;

/**
 * Draws `chart` into `area` (emptied first) with vega-embed: CSP-safe expression interpreter
 * (`ast: true`), vega-embed's own menu replaced by export buttons that post to the extension host
 * (shown only when `postMessage` exists), the theme under the spec's own config. Resolves once the
 * view has rendered; rejects when the spec cannot be drawn.
 */
export async function mountChart(
  area: HTMLElement,
  chart: ResultChart,
  theme: ChartTheme,
  postMessage: ((message: RendererMessage) => void) | undefined,
): Promise<MountedChart> {
  const target = document.createElement('div');
  target.className = 'chart';
  area.replaceChildren(target);
  const result = await embed(target, withTheme(chart.spec, theme) as VisualizationSpec, {
    ast: true,
    actions: false,
    renderer: 'svg',
    tooltip: { theme: theme.tooltip },
  });
  const resizeObserver = chart.spec.width === 'container' ? followContainerWidth(target, result.view) : undefined;
  if (postMessage) area.append(exportButtons(result.view, chart, postMessage));
  return {
    dispose() {
      resizeObserver?.disconnect();
      result.finalize();
    },
  };
}

/**
 * Keeps a `width: "container"` chart as wide as its container. Vega only re-measures on window
 * resize, but an output can change width without one (side bar, split editor, output scrolling).
 */
function followContainerWidth(container: HTMLElement, view: View): ResizeObserver {
  let width = container.clientWidth;
  const observer = new ResizeObserver(([entry]) => {
    const next = Math.floor(entry.contentRect.width);
    // A hidden output measures 0: keep the last width rather than collapse the chart.
    if (next <= 0 || next === width) return;
    width = next;
    view
      .signal('width', width)
      .runAsync()
      .catch(() => undefined);
  });
  observer.observe(container);
  return observer;
}

function button(label: string, title: string, onClick: () => Promise<void> | void, status: HTMLElement): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.title = title;
  element.addEventListener('click', async () => {
    status.textContent = '';
    try {
      await onClick();
    } catch (error) {
      status.textContent = `${label} failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  });
  return element;
}

/** "SVG", "PNG" and "Copy spec": the image or spec goes to the extension host, which saves or copies it. */
function exportButtons(view: View, chart: ResultChart, postMessage: (message: RendererMessage) => void): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'actions';
  const status = document.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const { fileName } = chart;
  bar.append(
    button(
      'SVG',
      'Save the chart as an SVG image',
      async () => postMessage({ type: 'export', format: 'svg', fileName, data: await view.toSVG() }),
      status,
    ),
    button(
      'PNG',
      'Save the chart as a PNG image',
      async () => postMessage({ type: 'export', format: 'png', fileName, data: await view.toImageURL('png', PNG_SCALE) }),
      status,
    ),
    button(
      'Copy spec',
      'Copy the Vega-Lite spec (with its data) to the clipboard',
      () => postMessage({ type: 'copySpec', spec: chart.spec }),
      status,
    ),
    status,
  );
  return bar;
}
