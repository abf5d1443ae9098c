/**
 * The notebook renderer for Scaling Notebooks results (RESULT_MIME), bundled as ESM into
 * dist/renderer.js and loaded by VS Code into the output webview.
 */
import { chartTheme, type ChartTheme } from './chartTheme';
import { renderOutput, type RenderedOutput } from './outputView';
import type { ActivationFunction } from './rendererApi';
import type { RendererMessage } from '../rendererProtocol/rendererMessages';

/** The theme the editor shows now, from the webview's CSS variables and body attributes. */
function currentTheme(): ChartTheme {
  const style = getComputedStyle(document.body);
  return chartTheme((name) => style.getPropertyValue(name), document.body.dataset.vscodeThemeKind);
}

/**
 * Calls `onChange` when the editor theme changes: VS Code updates the body's class and
 * `data-vscode-theme-kind`, and the CSS variables on the root element's style.
 */
function watchTheme(onChange: (theme: ChartTheme) => void): void {
  let shown = JSON.stringify(currentTheme());
  const observer = new MutationObserver(() => {
    const theme = currentTheme();
    const serialized = JSON.stringify(theme);
    if (serialized === shown) return;
    shown = serialized;
    onChange(theme);
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'style', 'data-vscode-theme-kind'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style'] });
}

export const activate: ActivationFunction = (context) => {
  // One entry per output id, so re-rendering or disposing an output finalizes its vega view.
  const outputs = new Map<string, RenderedOutput>();
  let theme = currentTheme();
  watchTheme((next) => {
    theme = next;
    for (const output of outputs.values()) output.retheme(theme);
  });
  const { postMessage } = context;
  const post = postMessage ? (message: RendererMessage) => postMessage(message) : undefined;

  const dispose = (id: string) => {
    outputs.get(id)?.dispose();
    outputs.delete(id);
  };
  return {
    renderOutputItem(outputItem, element) {
      dispose(outputItem.id);
      outputs.set(outputItem.id, renderOutput(element, outputItem, theme, post));
    },
    disposeOutputItem(id) {
      for (const key of id === undefined ? [...outputs.keys()] : [id]) dispose(key);
    },
  };
};
