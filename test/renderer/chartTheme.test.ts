import * as assert from 'node:assert/strict';
import { REFERENCE_STYLE } from '../../src/charts';
import { chartTheme, themeKindOf, withTheme } from '../../src/renderer/chartTheme';

/** A CSS-variable lookup over a fixed set of variables, '' for the rest (as getPropertyValue). */
function variables(values: Record<string, string>): (name: string) => string {
  return (name) => values[name] ?? '';
}

type Config = {
  background: string;
  axis: { labelColor: string; gridColor: string; domainColor: string; gridOpacity: number; labelFontSize: number };
  range: { category: string[] };
  line: { strokeWidth: number };
  style: Record<string, { color: string }>;
};

describe('renderer/chartTheme', () => {
  it('reads the kind from data-vscode-theme-kind, light when unknown', () => {
    assert.equal(themeKindOf('vscode-dark'), 'dark');
    assert.equal(themeKindOf('vscode-high-contrast'), 'high-contrast');
    assert.equal(themeKindOf('vscode-high-contrast-light'), 'high-contrast-light');
    assert.equal(themeKindOf(undefined), 'light');
  });

  it("takes text, grid, series and background colours from the editor's variables", () => {
    const theme = chartTheme(
      variables({
        '--vscode-editor-foreground': '#d4d4d4',
        '--vscode-descriptionForeground': ' #9d9d9d ',
        '--vscode-editorWidget-border': '#454545',
        '--vscode-charts-blue': '#4fc1ff',
        '--vscode-notebook-outputContainerBackgroundColor': '#1e1e1e',
        '--vscode-font-size': '14px',
      }),
      'vscode-dark',
    );
    const config = theme.config as Config;
    assert.equal(theme.tooltip, 'dark');
    assert.equal(config.background, '#1e1e1e');
    assert.equal(config.axis.labelColor, '#d4d4d4');
    assert.equal(config.axis.gridColor, '#454545');
    assert.equal(config.axis.domainColor, '#9d9d9d');
    assert.equal(config.axis.labelFontSize, 12);
    assert.equal(config.range.category[0], '#4fc1ff');
    assert.equal(config.style[REFERENCE_STYLE].color, '#9d9d9d');
  });

  it("falls back to VS Code's default colours for the kind when a variable is missing", () => {
    const light = chartTheme(variables({}), 'vscode-light').config as Config;
    const dark = chartTheme(variables({}), 'vscode-dark').config as Config;
    assert.equal(light.background, 'transparent');
    assert.notEqual(light.axis.labelColor, dark.axis.labelColor);
    assert.notDeepEqual(light.range.category, dark.range.category);
    assert.equal(new Set(dark.range.category).size, 6);
  });

  it('draws thicker lines, stronger grids and contrast borders in high contrast', () => {
    const normal = chartTheme(variables({}), 'vscode-dark').config as Config;
    const contrast = chartTheme(variables({ '--vscode-contrastBorder': '#6fc3df' }), 'vscode-high-contrast').config as Config;
    assert.ok(contrast.line.strokeWidth > normal.line.strokeWidth);
    assert.ok(contrast.axis.gridOpacity > normal.axis.gridOpacity);
    assert.equal(contrast.axis.domainColor, '#6fc3df');
    assert.equal(chartTheme(variables({}), 'vscode-high-contrast-light').tooltip, 'light');
  });

  it("puts the theme under the spec's own config, never over it", () => {
    const theme = chartTheme(variables({ '--vscode-editor-foreground': '#111111' }), 'vscode-light');
    const spec = { mark: 'line', config: { background: '#ffffee', axis: { labelColor: 'red' } } };
    const themed = withTheme(spec, theme) as { mark: string; config: Config };
    assert.equal(themed.mark, 'line');
    assert.equal(themed.config.background, '#ffffee');
    assert.equal(themed.config.axis.labelColor, 'red');
    assert.equal(themed.config.axis.gridColor, (theme.config as Config).axis.gridColor);
    assert.deepEqual(spec.config, { background: '#ffffee', axis: { labelColor: 'red' } }, 'the spec itself is not changed');
    assert.equal((withTheme({ mark: 'line' }, theme) as { config: Config }).config.axis.labelColor, '#111111');
  });
});
