import type { PageColors } from './reportTheme';

/**
 * The report's stylesheet: one readable column, tables like the notebook's outputs, charts scaled to
 * the column, and on paper no background, no page break inside a result and links spelled out.
 */
export function reportStyles(page: PageColors): string {
  return `
:root { color-scheme: light dark; }
body { margin: 0 auto; max-width: 760px; padding: 24px 20px 48px; background: ${page.background}; color: ${page.foreground};
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: inherit; }
header { border-bottom: 1px solid ${page.rule}; margin-bottom: 16px; }
header h1 { font-size: 1.5em; margin: 0 0 4px; word-break: break-word; }
.summary, .muted { color: ${page.muted}; }
.summary.failed { font-weight: 600; }
.cell { margin: 18px 0 26px; }
pre { margin: 0 0 10px; padding: 8px 10px; overflow-x: auto; border: 1px solid ${page.rule}; border-radius: 4px;
  font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-word; }
.cell-label { font-size: 12px; color: ${page.muted}; margin: 0 0 2px; }
.errors { border-color: #e51400; }
.result { margin: 10px 0 16px; break-inside: avoid; }
.result h3 { font-size: 1em; margin: 0 0 6px; }
table { border-collapse: collapse; margin: 4px 0 10px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-style: italic; color: ${page.muted}; padding-bottom: 2px; }
th, td { padding: 2px 14px 2px 0; text-align: left; border-bottom: 1px solid ${page.rule}; }
th { font-weight: 600; }
.right { text-align: right; }
.notes { margin: 4px 0; padding-left: 18px; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart-error { color: #e51400; }
footer { margin-top: 32px; font-size: 12px; color: ${page.muted}; }
@media print {
  body { max-width: none; padding: 0; background: none; }
  pre { white-space: pre-wrap; }
  .cell, .result { break-inside: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 11px; }
}
`;
}
