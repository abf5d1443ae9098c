/**
 * Test helpers for chart specs: validation against the Vega-Lite JSON schema shipped in the
 * vega-lite package, and a headless render through the same CSP-safe path the renderer uses
 * (vega's AST + interpreter, no code generation).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import * as assert from 'node:assert/strict';
import vegaLiteSchema from 'vega-lite/vega-lite-schema.json';

let validator: ValidateFunction | undefined;

/**
 * Asserts that `spec` validates against the Vega-Lite schema. The schema is draft-07 (Ajv 8's
 * default); it uses union types and keywords Ajv's strict mode rejects, and formats ("uri",
 * "color-hex") Ajv does not know without ajv-formats, which the specs do not rely on.
 */
export function assertValidVegaLite(spec: unknown): void {
  // Compiling the 2 MB schema takes seconds: once per test run.
  validator ??= new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false }).compile(vegaLiteSchema as object);
  const valid = validator(spec);
  assert.ok(valid, `spec is not valid Vega-Lite: ${JSON.stringify(validator.errors?.slice(0, 5), null, 2)}`);
}

/** The view of a headless render, and the text of every label it drew. */
export interface HeadlessRender {
  readonly svg: string;
  readonly texts: string[];
  /** Rows of a named dataset after its transforms (e.g. a tooltip's formatted fields). */
  readonly data: (name: string) => Array<Record<string, unknown>>;
}

/**
 * Compiles and renders a Vega-Lite spec to SVG in Node with `ast: true` and vega-interpreter, while
 * `Function` and `eval` throw: a spec that would need code generation fails here as it would under
 * the webview's CSP. `width: "container"` falls back to vega's default width outside a page.
 */
export async function renderHeadless(spec: Record<string, unknown>): Promise<HeadlessRender> {
  // vega's Node build awaits an optional canvas import at top level, so it cannot be require()d.
  const { compile } = await import('vega-lite');
  const vega = await import('vega');
  const { expressionInterpreter } = await import('vega-interpreter');
  const vgSpec = compile(spec as never).spec;
  const saved = { Function: globalThis.Function, eval: globalThis.eval };
  const forbidden = () => {
    throw new Error('code generation is not allowed (CSP)');
  };
  globalThis.Function = forbidden as unknown as FunctionConstructor;
  globalThis.eval = forbidden;
  try {
    const view = new vega.View(vega.parse(vgSpec, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter } as never);
    const svg = await view.toSVG();
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    const data = (name: string) => view.data(name) as Array<Record<string, unknown>>;
    return { svg, texts, data };
  } finally {
    globalThis.Function = saved.Function;
    globalThis.eval = saved.eval;
  }
}

/** How each line of a rendered chart is drawn: its opacity and dash pattern as the SVG states them, in drawing order. */
export async function lineStyles(spec: Record<string, unknown>): Promise<Array<{ opacity?: string; dash?: string }>> {
  const { svg } = await renderHeadless(spec);
  // A leading space, so that fill-opacity and stroke-opacity are not read as opacity.
  const attribute = (path: string, name: string) => new RegExp(` ${name}="([^"]*)"`).exec(path)?.[1];
  const groups = [...svg.matchAll(/<g class="mark-line[^"]*"[^>]*>(.*?)<\/g>/g)].map((match) => match[1]);
  return groups.flatMap((group) =>
    [...group.matchAll(/<path[^>]*>/g)].map(([path]) => ({
      opacity: attribute(path, 'opacity'),
      dash: attribute(path, 'stroke-dasharray'),
    })),
  );
}

/**
 * Renders like {@link renderHeadless} and asserts that vega warned about nothing (an unknown field,
 * a scale that cannot show its data), and that something was drawn.
 */
export async function assertRendersCleanly(spec: Record<string, unknown>): Promise<HeadlessRender> {
  const warnings: unknown[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    const render = await renderHeadless(spec);
    assert.match(render.svg, /<path/);
    assert.deepEqual(warnings, []);
    return render;
  } finally {
    console.warn = warn;
  }
}

/** Every `data.values` array in a (layered) spec, outermost first. */
export function inlineDatasets(spec: unknown): Array<Array<Record<string, unknown>>> {
  const found: Array<Array<Record<string, unknown>>> = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { data, layer } = node as { data?: { values?: Array<Record<string, unknown>> }; layer?: unknown[] };
    if (data?.values) found.push(data.values);
    for (const child of layer ?? []) visit(child);
  };
  visit(spec);
  return found;
}

/** The rows of the first inline dataset whose rows all satisfy `isRow`. */
export function datasetWhere(spec: unknown, isRow: (row: Record<string, unknown>) => boolean): Array<Record<string, unknown>> {
  const rows = inlineDatasets(spec).find((values) => values.length > 0 && values.every(isRow));
  assert.ok(rows, 'no inline dataset matches');
  return rows;
}

/** Every encoding channel definition in a (layered) spec, with its channel name. */
export function channels(spec: unknown): Array<{ channel: string; definition: Record<string, unknown> }> {
  const found: Array<{ channel: string; definition: Record<string, unknown> }> = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { encoding, layer } = node as { encoding?: Record<string, Record<string, unknown>>; layer?: unknown[] };
    for (const [channel, definition] of Object.entries(encoding ?? {})) found.push({ channel, definition });
    for (const child of layer ?? []) visit(child);
  };
  visit(spec);
  return found;
}

/** Relative difference, for comparing floating-point results. */
export function relativeDifference(actual: number, expected: number): number {
  return Math.abs(actual / expected - 1);
}

/** The rows of the first inline dataset holding exactly `count` rows. */
export function datasetOfLength(spec: unknown, count: number): Array<Record<string, unknown>> {
  const rows = inlineDatasets(spec).find((values) => values.length === count);
  assert.ok(rows, `no inline dataset of ${count} rows`);
  return rows;
}
