import { REFERENCE_STYLE } from '../charts/chartSpec';

/** The editor theme's kind, from `document.body.dataset.vscodeThemeKind` ("vscode-dark", …). */
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** Reads a CSS custom property (`--vscode-foreground`); '' when it is not set. */
export type CssVariableLookup = (name: string) => string;

/** A chart theme: the Vega-Lite config to put under a spec's own, and the tooltip's look. */
export interface ChartTheme {
  readonly kind: ThemeKind;
  readonly config: Record<string, unknown>;
  readonly tooltip: 'light' | 'dark';
}

/**
 * VS Code's default `charts.*` colours, used when the webview does not define the variables. Order:
 * blue and orange first, the pair colour-blind readers tell apart best.
 */
const CHART_COLOR_NAMES = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'] as const;
const DEFAULT_CHART_COLORS: Readonly<Record<'light' | 'dark', readonly string[]>> = {
  light: ['#1a85ff', '#d18616', '#388a34', '#652d90', '#e51400', '#bf8803'],
  dark: ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'],
};
const DEFAULT_FOREGROUND: Readonly<Record<ThemeKind, string>> = {
  light: '#3b3b3b',
  dark: '#cccccc',
  'high-contrast': '#ffffff',
  'high-contrast-light': '#292929',
};

/**
 * Reads the kind from the body's `data-vscode-theme-kind`; light when absent or unknown.
 *
 * @example themeKindOf('vscode-high-contrast') // 'high-contrast'
 */
export function themeKindOf(attribute: string | undefined): ThemeKind {
  switch (attribute) {
    case 'vscode-dark':
      return 'dark';
    case 'vscode-high-contrast':
      return 'high-contrast';
    case 'vscode-high-contrast-light':
      return 'high-contrast-light';
    default:
      return 'light';
  }
}

/**
 * The chart theme for the editor's current colours: text, grid and series colours from the
 * `--vscode-*` variables (falling back to VS Code's defaults for the kind), the output's background
 * (so exported images look as shown), thicker lines and stronger grid lines in high contrast.
 *
 * @example chartTheme((name) => getComputedStyle(document.body).getPropertyValue(name).trim(), document.body.dataset.vscodeThemeKind)
 */
export function chartTheme(cssVariable: CssVariableLookup, themeKindAttribute: string | undefined): ChartTheme {
  const kind = themeKindOf(themeKindAttribute);
  const highContrast = kind === 'high-contrast' || kind === 'high-contrast-light';
  const darkBackground = kind === 'dark' || kind === 'high-contrast';
  const first = (...names: string[]) => names.map((name) => cssVariable(name).trim()).find((value) => value !== '');

  const foreground = first('--vscode-editor-foreground', '--vscode-foreground') ?? DEFAULT_FOREGROUND[kind];
  const muted = first('--vscode-descriptionForeground') ?? foreground;
  const border = (highContrast ? first('--vscode-contrastBorder') : undefined) ?? muted;
  const grid = first('--vscode-editorWidget-border', '--vscode-panel-border') ?? muted;
  const defaults = DEFAULT_CHART_COLORS[darkBackground ? 'dark' : 'light'];
  const palette = CHART_COLOR_NAMES.map((name, index) => first(`--vscode-charts-${name}`) ?? defaults[index]);
  const font = first('--vscode-font-family') ?? 'sans-serif';
  const fontSize = Number.parseFloat(first('--vscode-font-size') ?? '') || 13;
  const text = { labelFont: font, titleFont: font, labelColor: foreground, titleColor: foreground };

  return {
    kind,
    tooltip: darkBackground ? 'dark' : 'light',
    config: {
      background: first('--vscode-notebook-outputContainerBackgroundColor', '--vscode-editor-background') ?? 'transparent',
      font,
      view: { stroke: grid },
      title: { color: foreground, subtitleColor: muted, fontSize: fontSize + 1, subtitleFontSize: fontSize - 1, anchor: 'start' },
      axis: {
        ...text,
        domainColor: border,
        tickColor: border,
        gridColor: grid,
        gridOpacity: highContrast ? 0.8 : 0.4,
        labelFontSize: fontSize - 2,
        titleFontSize: fontSize - 1,
        titleFontWeight: 'normal',
      },
      legend: { ...text, labelFontSize: fontSize - 2, titleFontSize: fontSize - 1 },
      range: { category: palette },
      mark: { color: palette[0] },
      line: { strokeWidth: highContrast ? 3 : 2 },
      text: { color: foreground, fontSize: fontSize - 2 },
      style: { [REFERENCE_STYLE]: { color: muted, stroke: muted, opacity: highContrast ? 1 : 0.8 } },
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `base` overlaid with `own`: nested objects merge, anything `own` sets wins. */
function mergeUnder(base: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) {
    const under = merged[key];
    merged[key] = isPlainObject(under) && isPlainObject(value) ? mergeUnder(under, value) : value;
  }
  return merged;
}

/**
 * The spec with the theme's config underneath its own: the theme fills only what the spec's config
 * leaves unset, so a spec's own colours, fonts or background are never overridden.
 *
 * @example withTheme({ mark: 'line', config: { background: 'white' } }, theme).config.background // 'white'
 */
export function withTheme(spec: Record<string, unknown>, theme: ChartTheme): Record<string, unknown> {
  return { ...spec, config: mergeUnder(theme.config, isPlainObject(spec.config) ? spec.config : {}) };
}
