import { QuantityError } from '../core/quantities';
import type { ScalingLaw } from '../core/laws/scalingLaw';

/**
 * A Vega-Lite chart with what was left out of it. Structurally the same as the result payload's
 * `ResultChart`, so the evaluator can put it in a payload as is (core does not import the language).
 */
export interface ChartSpec {
  /** A complete Vega-Lite spec with inline data, `width: "container"` and no colour config. */
  readonly spec: Record<string, unknown>;
  /** Points left out because a log axis cannot show them (≤ 0 or not finite). */
  readonly droppedPoints: number;
  /** Suggested file name, without extension, for SVG/PNG export. */
  readonly fileName: string;
}

/** A model drawn as a labelled point: total and active parameters (mixture-of-experts) and tokens. */
export interface ChartModel {
  readonly name: string;
  readonly params: number;
  /** Parameters used per token; defaults to `params`. Loss and compute use it. */
  readonly activeParams?: number;
  readonly tokens: number;
}

/** A closed interval [min, max] swept in log space. */
export type LogRange = readonly [min: number, max: number];

/** What the charts over a compute sweep take: frontier, tokens per parameter, law comparison. */
export interface ComputeSweepInput {
  readonly laws: readonly ScalingLaw[];
  /** Compute budgets swept, FLOP. */
  readonly compute: LogRange;
  /** Models drawn as labelled points (not on the law comparison). */
  readonly models?: readonly ChartModel[];
  /** Samples per law's line. */
  readonly points?: number;
}

/** The Vega-Lite version the specs are written for (the one the renderer bundles). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Plot height in pixels; the width follows the output container. */
export const CHART_HEIGHT = 320;

/**
 * The mark style of reference marks (rules of thumb, walls, the line joining isoFLOP optima, a
 * model's gap to the frontier): the renderer's theme gives it a muted colour. Specs name the
 * style rather than carry a colour, so they stay theme-free.
 */
export const REFERENCE_STYLE = 'reference';

/** Points per swept line by default: enough for smooth curves on a log axis. */
export const DEFAULT_SWEEP_POINTS = 64;

/** A layered chart as every builder returns it: title, container width and inline-data layers. */
export function layeredChart(title: string, subtitle: string, layers: readonly object[]): Record<string, unknown> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle },
    width: 'container',
    height: CHART_HEIGHT,
    layer: layers,
  };
}

/**
 * A file name safe on every platform, from readable parts.
 *
 * @example chartFileName('isoflop', 'besiroglu2024') // 'isoflop-besiroglu2024'
 */
export function chartFileName(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Throws a readable error when a chart is asked for without a law. */
export function requireLaws(laws: readonly ScalingLaw[]): void {
  if (laws.length === 0) throw new QuantityError('a chart needs at least one scaling law');
}

/** The subtitle naming the law(s) a chart shows. */
export function lawsSubtitle(laws: readonly ScalingLaw[]): string {
  return laws.length === 1 ? `Law: ${laws[0].name}` : `${laws.length} laws`;
}
