import type { TopLevelSpec } from 'vega-lite';
import type { ResultChart } from '../language/output/resultPayload';
import { withTheme, type ChartTheme } from '../renderer/chartTheme';

/**
 * Width of a report's plots in pixels. Specs say `width: "container"` (the editor's output width);
 * a report has no container, so it gets the width of a typical notebook output at 100% zoom, which
 * also fits an A4 page in portrait at the stylesheet's margins.
 */
export const REPORT_CHART_WIDTH = 640;

/**
 * The spec as a report draws it: a fixed width where it follows its container (only the top level
 * does; see src/charts), and no ARIA label on every mark item. The report labels each chart as one
 * image by its title; per-item labels would have a screen reader read out hundreds of points, and
 * they double the SVG's size and the time to write it (a fitted ladder: 951 KB against 471 KB).
 */
function reportSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const config = typeof spec.config === 'object' && spec.config !== null ? spec.config : {};
  return { ...spec, ...(spec.width === 'container' ? { width: REPORT_CHART_WIDTH } : {}), config: { ...config, aria: false } };
}

/**
 * Draws a chart to an SVG string with Vega's headless rendering: Vega-Lite compiles the themed spec,
 * a `vega.View` with no renderer runs the dataflow, and `toSVG` writes the scenegraph. No canvas, DOM
 * or network: the specs carry their data inline. Expressions run in Vega's interpreter (`ast: true`),
 * as in the renderer, so the extension host never needs `eval`. Text widths are Vega's estimate, the
 * same in Node and in the web extension host.
 */
export async function chartToSvg(chart: ResultChart, theme: ChartTheme): Promise<string> {
  // Imported when the first chart is drawn: vega's Node build awaits an optional canvas import at top
  // level, so it cannot be require()d, and commands that draw nothing never pay for loading it.
  const [{ parse, View }, { compile }, { expressionInterpreter }] = await Promise.all([
    import('vega'),
    import('vega-lite'),
    import('vega-interpreter'),
  ]);
  const vegaSpec = compile(withTheme(reportSpec(chart.spec), theme) as unknown as TopLevelSpec).spec;
  const view = new View(parse(vegaSpec, undefined, { ast: true }), {
    renderer: 'none',
    expr: expressionInterpreter,
  } as ConstructorParameters<typeof View>[1]);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
