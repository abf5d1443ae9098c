import { LINE_LEGEND } from './chartEncodings';
import { layeredChart, REFERENCE_STYLE } from './chartSpec';

/**
 * Two quantities over one x axis, each on its own y scale: the left one's axis on the left, the
 * right one's on the right. Used where the point is the contrast between the two curves — a
 * smooth loss beside a sudden exact match, coverage beside −ln coverage — and two panels side by
 * side would halve a narrow output's width (vega-lite sizes concatenated views to the container
 * only per view).
 */
export function dualAxisChart(
  title: string,
  subtitle: readonly string[],
  left: readonly object[],
  right: readonly object[],
  overlays: readonly object[] = [],
): Record<string, unknown> {
  return {
    ...layeredChart(title, subtitle.join(' · '), [{ layer: left }, { layer: right }, ...overlays]),
    // One subtitle line per fact: these charts say more about their inputs than a line holds.
    title: { text: title, subtitle: [...subtitle] },
    resolve: { scale: { y: 'independent' } },
  };
}

/** A y channel moved to the right-hand axis. */
export function onRightAxis(channel: Record<string, unknown>): Record<string, unknown> {
  return { ...channel, axis: { ...(channel.axis as object), orient: 'right' } };
}

/** Rows' `series` field names each curve; one colour per curve, named in a legend below the plot. */
export const SERIES_COLOR = { color: { field: 'series', type: 'nominal', title: null, legend: LINE_LEGEND } } as const;

/**
 * A dashed vertical rule at one x value with a label at the top: where a curve crosses a level.
 * `row` holds the x field and a `label`; the label goes on the `side` of the rule with more room.
 */
export function markerRule(row: Record<string, unknown>, x: Record<string, unknown>, side: 'left' | 'right'): object {
  const text = side === 'right' ? { align: 'left', dx: 4 } : { align: 'right', dx: -4 };
  return {
    data: { values: [row] },
    encoding: { x },
    layer: [
      { mark: { type: 'rule', style: REFERENCE_STYLE, strokeDash: [4, 3] } },
      {
        mark: { type: 'text', style: REFERENCE_STYLE, baseline: 'top', dy: 4, ...text },
        encoding: { y: { value: 0 }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

/**
 * The side of a marker at `value` with more room on a log axis over [min, max].
 *
 * @example roomySide(5737, 1, 10000) // 'left': the marker sits in the right half
 */
export function roomySide(value: number, min: number, max: number): 'left' | 'right' {
  return Math.log(value / min) > Math.log(max / min) / 2 ? 'left' : 'right';
}
