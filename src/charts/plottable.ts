/** Rows that can be drawn on log axes, and how many could not. */
export interface PlottableRows<Row> {
  readonly rows: Row[];
  readonly dropped: number;
}

/**
 * True for a value a log axis can show: finite and greater than zero.
 *
 * @example isLogPlottable(0) // false
 */
export function isLogPlottable(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * Keeps the rows whose `fields` are all finite and positive. Vega drops such points silently on a
 * log scale (or draws a broken line), so they are removed here and counted for the text fallback.
 *
 * @example keepLogPlottable([{ x: 1 }, { x: 0 }, { x: NaN }], ['x']) // { rows: [{ x: 1 }], dropped: 2 }
 */
export function keepLogPlottable<Row>(rows: readonly Row[], fields: readonly (keyof Row)[]): PlottableRows<Row> {
  const kept = rows.filter((row) => fields.every((field) => isLogPlottable(row[field])));
  return { rows: kept, dropped: rows.length - kept.length };
}

/**
 * The sentence the text fallback shows when a chart left points out; undefined when none were.
 *
 * @example droppedPointsNote(2) // '2 points were left out of the chart: a log axis cannot show values ≤ 0 or not finite.'
 */
export function droppedPointsNote(droppedPoints: number): string | undefined {
  if (droppedPoints <= 0) return undefined;
  const points = droppedPoints === 1 ? '1 point was' : `${droppedPoints} points were`;
  return `${points} left out of the chart: a log axis cannot show values ≤ 0 or not finite.`;
}
