import type { Tooltip } from './chartEncodings';

/** Size of the invisible points that carry a line's tooltips (vega's area in px², ≈ 9 px across). */
const HOVER_POINT_SIZE = 60;

/**
 * A line per series with a tooltip at every sample. A line mark's own tooltip would show its first
 * point wherever it is hovered, so the tooltip sits on invisible points (SVG still hit-tests them).
 */
export function lineLayer(rows: readonly object[], encoding: Record<string, unknown>, tooltip: Tooltip, transform: readonly object[] = []): object {
  return {
    data: { values: rows },
    transform: [...transform, ...tooltip.transform],
    encoding,
    layer: [
      { mark: { type: 'line' } },
      { mark: { type: 'point', opacity: 0, size: HOVER_POINT_SIZE }, encoding: { tooltip: tooltip.tooltip } },
    ],
  };
}

/** Filled points labelled with their `model` name to the right, with a tooltip. */
export function labelledPointsLayer(rows: readonly object[], encoding: Record<string, unknown>, tooltip: Tooltip): object {
  return {
    data: { values: rows },
    transform: tooltip.transform,
    encoding,
    layer: [
      { mark: { type: 'point', filled: true, size: 70 }, encoding: { tooltip: tooltip.tooltip } },
      { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7 }, encoding: { text: { field: 'model', type: 'nominal' } } },
    ],
  };
}
