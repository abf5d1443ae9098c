import { chartTheme, type ChartTheme } from '../renderer/chartTheme';

/** A report's colour scheme: light by default (paper, GitHub's light mode), dark on request. */
export type ReportThemeName = 'light' | 'dark';

export const REPORT_THEMES: readonly ReportThemeName[] = ['light', 'dark'];

/** The page's colours, taken from the chart theme so text, rules and plots agree. */
export interface PageColors {
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly rule: string;
}

export interface ReportTheme {
  readonly name: ReportThemeName;
  readonly chart: ChartTheme;
  readonly page: PageColors;
}

/**
 * Editor backgrounds of VS Code's default themes, Light Modern and Dark Modern
 * (extensions/theme-defaults/themes/{light,dark}_modern.json, `editor.background`). Charts get an
 * opaque background so an SVG file shows the same on any page, e.g. GitHub in either mode.
 */
const PAGE_BACKGROUND: Readonly<Record<ReportThemeName, string>> = { light: '#ffffff', dark: '#1f1f1f' };

interface ThemeColors {
  readonly background: string;
  readonly axis: { readonly labelColor: string; readonly gridColor: string; readonly gridOpacity: number };
  readonly title: { readonly subtitleColor: string };
}

/**
 * The renderer's own chart theme as the editor draws it with no `--vscode-*` colours but the
 * background (VS Code's defaults for the theme kind), so report charts match the notebook's.
 */
export function reportTheme(name: ReportThemeName): ReportTheme {
  const chart = chartTheme((variable) => (variable === '--vscode-editor-background' ? PAGE_BACKGROUND[name] : ''), `vscode-${name}`);
  const colors = chart.config as unknown as ThemeColors;
  return {
    name,
    chart,
    page: {
      background: colors.background,
      foreground: colors.axis.labelColor,
      muted: colors.title.subtitleColor,
      // Rules as faint as the charts' grid lines.
      rule: `color-mix(in srgb, ${colors.axis.gridColor} ${Math.round(colors.axis.gridOpacity * 100)}%, transparent)`,
    },
  };
}
