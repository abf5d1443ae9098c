/**
 * Styles of a result inside its shadow root. Colours come from the `--vscode-*` variables, which
 * inherit into the shadow tree, so the output follows the editor theme without re-rendering.
 */
export const OUTPUT_STYLES = `
:host { display: block; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
.title { font-weight: 600; margin: 0 0 6px; }
table { border-collapse: collapse; margin: 4px 0 10px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-style: italic; color: var(--vscode-descriptionForeground); padding-bottom: 2px; }
th, td { padding: 2px 14px 2px 0; text-align: left; border-bottom: 1px solid var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.35)); }
th { font-weight: 600; }
th.right, td.right { text-align: right; }
.notes { margin: 4px 0; padding-left: 18px; }
.chart-area { margin-top: 8px; }
details { margin-top: 6px; }
summary { cursor: pointer; color: var(--vscode-textLink-foreground); }
.chart { width: 100%; }
.chart-error { color: var(--vscode-errorForeground); }
.actions { display: flex; gap: 6px; align-items: center; margin-top: 4px; }
.actions button { font: inherit; font-size: 12px; padding: 2px 8px; border-radius: 2px; cursor: pointer;
  color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground);
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent)); }
.actions button:hover { background: var(--vscode-button-secondaryHoverBackground); }
.actions button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.actions .status { color: var(--vscode-errorForeground); font-size: 12px; }
`;
