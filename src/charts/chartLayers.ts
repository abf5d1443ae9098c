import type { Tooltip } from './chartEncodings';

/** Size of the invisible points that carry a line's tooltips (vega's area in px², ≈ 9 px across). */
const HOVER_POINT_SIZE = 60;

/**
 * A line per series with a tooltip at every sample. A line mark's own tooltip would show its first
 * point wherever it is hovered, so the tooltip sits on invisible points (SVG still hit-tests them).
 */
export function lineLayer(
  rows: readonly object[],
  encoding: Record<string, unknown>,
  tooltip: Tooltip,
  transform: readonly object[] = [],
): object {
  return {
    data: { values: rows },
    transform: [...transform, ...tooltip.transform],
    encoding,
    layer: [
      { mark: { type: 'line' } },
      // Opacity as an encoding: the line's own (fittedRangeOpacity) would override a mark property and show the points.
      { mark: { type: 'point', size: HOVER_POINT_SIZE }, encoding: { opacity: { value: 0 }, tooltip: tooltip.tooltip } },
    ],
  };
}

/**
 * Filled points with a tooltip, and a name label to the right of each of `labels` (rows with a
 * `model` field). Labels are given separately so a model drawn under several laws, at one compute
 * and several losses, is named once instead of once per law.
 */
export function labelledPointsLayer(
  points: readonly object[],
  labels: readonly object[],
  position: Record<string, unknown>,
  tooltip: Tooltip,
  pointEncoding: Record<string, unknown> = {},
): object {
  return {
    encoding: position,
    layer: [
      {
        data: { values: points },
        transform: tooltip.transform,
        mark: { type: 'point', filled: true, size: 70 },
        encoding: { ...pointEncoding, tooltip: tooltip.tooltip },
      },
      {
        data: { values: labels },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7 },
        encoding: { text: { field: 'model', type: 'nominal' } },
      },
    ],
  };
}
