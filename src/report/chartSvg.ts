import type { TopLevelSpec } from 'vega-lite';
import type { ResultChart } from '../language/output/resultPayload';
import { withTheme, type ChartTheme } from '../renderer/chartTheme';

/**
 * Width of a report's plots in pixels. Specs say `width: "container"` (the editor's output width);
 * a report has no container, so it gets the width of a typical notebook output at 100% zoom, which
 * also fits an A4 page in portrait at the stylesheet's margins.
 */
export const REPORT_CHART_WIDTH = 640;

/** The spec with a fixed width where it follows its container (only the top level does; see core/charts). */
function withFixedWidth(spec: Record<string, unknown>): Record<string, unknown> {
  return spec.width === 'container' ? { ...spec, width: REPORT_CHART_WIDTH } : spec;
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
  const [{ parse, View }, { compile }, { expressionInterpreter }] = await Promise.all([import('vega'), import('vega-lite'), import('vega-interpreter')]);
  const vegaSpec = compile(withTheme(withFixedWidth(chart.spec), theme) as unknown as TopLevelSpec).spec;
  const view = new View(parse(vegaSpec, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter } as ConstructorParameters<typeof View>[1]);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
