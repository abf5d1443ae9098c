/**
 * The JSON payload every cell result carries under {@link RESULT_MIME}. The kernel writes it, the
 * renderer draws it, and the Markdown/plain-text fallbacks are derived from it, so all three always
 * show the same numbers. Shared with the webview: types and pure helpers only.
 */
import type { ResultDataByKind } from './resultData';

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
] as const satisfies ReadonlyArray<keyof ResultDataByKind>;

export type ResultKind = (typeof RESULT_KINDS)[number];

/** Everything a result shows besides its data: what the renderer and the text fallbacks draw. */
export interface PayloadFrame<K extends ResultKind = ResultKind> {
  readonly version: typeof RESULT_PAYLOAD_VERSION;
  readonly kind: K;
  readonly title: string;
  /** 1-based line of the statement in its cell. */
  readonly line: number;
  readonly tables: readonly ResultTable[];
  /** Sentences under the tables: verdict explanations, caveats, what was filtered out. */
  readonly notes: readonly string[];
  readonly chart?: ResultChart;
}

/**
 * One statement's result, a union over its kind: `data` holds the raw numbers in plain units
 * (parameters, tokens, FLOP, dollars) for scripts and the CLI's JSON, in the shape of its kind
 * ({@link ResultDataByKind}). `ResultPayload<'check'>` is a check's.
 */
export type ResultPayload<K extends ResultKind = ResultKind> = {
  [P in K]: PayloadFrame<P> & { readonly data: ResultDataByKind[P] };
}[K];

/** A payload of kind K whose data has the one shape D of that kind's shapes: what a builder that knows it returns. */
export type PayloadWith<K extends ResultKind, D extends ResultDataByKind[K]> = PayloadFrame<K> & { readonly data: D };
