/**
 * The JSON payload every cell result carries under {@link RESULT_MIME}. The kernel writes it, the
 * renderer draws it, and the Markdown/plain-text fallbacks are derived from it, so all three always
 * show the same numbers. Shared with the webview: types and pure helpers only.
 */

/** Mime type of a cell result; the notebook renderer is registered for it. */
export const RESULT_MIME = 'application/vnd.scaling-notebook.result+json';

/** Version of the payload shape, checked by the renderer before drawing. */
export const RESULT_PAYLOAD_VERSION = 1;

/** Column alignment of a table: numbers right, names left. */
export type ColumnAlign = 'left' | 'right';

/** A small table of already formatted cells (e.g. "70B", "5.88e23", "undertrained"). */
export interface ResultTable {
  readonly caption?: string;
  readonly columns: readonly string[];
  readonly align?: readonly ColumnAlign[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** A Vega-Lite chart with what was left out of it. */
export interface ResultChart {
  /** A complete Vega-Lite spec (validated against the vega-lite schema in the tests). */
  readonly spec: Record<string, unknown>;
  /** Points dropped because a log axis cannot show them (≤ 0 or not finite). */
  readonly droppedPoints: number;
  /** Suggested file name (without extension) for SVG/PNG export. */
  readonly fileName: string;
}

/** What a result can be: the statement that produced it (`optimal-mixture` for optimal mixture). */
export const RESULT_KINDS = [
  'law',
  'model',
  'budget',
  'data',
  'fit',
  'optimal',
  'optimal-mixture',
  'check',
  'compare',
  'returns',
  'plot',
  'coverage',
  'tournament',
  'emergence',
  'languages',
  'transfer',
] as const;

export type ResultKind = (typeof RESULT_KINDS)[number];

/** One statement's result. */
export interface ResultPayload {
  readonly version: typeof RESULT_PAYLOAD_VERSION;
  readonly kind: ResultKind;
  readonly title: string;
  /** 1-based line of the statement in its cell. */
  readonly line: number;
  readonly tables: readonly ResultTable[];
  /** Sentences under the tables: verdict explanations, caveats, what was filtered out. */
  readonly notes: readonly string[];
  readonly chart?: ResultChart;
  /** The raw numbers in plain units (parameters, tokens, FLOP), for scripts and the CLI's JSON. */
  readonly data: unknown;
}
