import type { ScalingLaw } from '../core/laws/scalingLaw';
import type { ChartSpec } from './chartSpec';
import { describeValidity, extrapolationDecades, formatDecades, type QueryPoint } from '../core/laws/validity';

/**
 * Whether a point of a law's line lies within the runs the law was fitted on (see laws/validity.ts):
 * the `range` field that fittedRangeDash and fittedRangeOpacity mark.
 */
export type FittedRange = 'within the fitted runs' | 'extrapolated' | 'fitting range unknown';

/**
 * A row marked by range. `segment` numbers the stretches of one line that lie on one side of the range,
 * so a line that leaves the range at both ends (an isoFLOP valley) is not drawn joined across the middle.
 */
export type RangeMarked<Row> = Row & { readonly range: FittedRange; readonly segment: number };

/** One law's line, its rows marked by range, and how far beyond the law's data it reaches. */
export interface MarkedSeries<Row> {
  readonly rows: Array<RangeMarked<Row>>;
  /** Decades beyond the law's data at the row that lies furthest out; 0 when every row is inside. */
  readonly decades: number;
}

/** Where a mark stands relative to `law`'s data: inside or beyond, and by how many decades (0 inside). */
export function fittedRangeOf(law: ScalingLaw, points: readonly QueryPoint[]): { range: FittedRange; decades: number } {
  const decades = Math.max(0, ...points.map((point) => extrapolationDecades(law.validity, point)));
  return { range: !law.validity ? 'fitting range unknown' : decades > 0 ? 'extrapolated' : 'within the fitted runs', decades };
}

/**
 * Marks each row of one line of `law` inside or beyond the law's data, at the point(s) the row stands
 * for (a row may stand for several, e.g. a decade of compute from C to 10·C). Where the range changes,
 * the row after the change is repeated under the earlier range too, so the solid and dashed (or
 * faded) parts of the line meet, and a new segment begins.
 */
export function markSeries<Row extends object>(
  law: ScalingLaw,
  rows: readonly Row[],
  pointsOf: (row: Row) => readonly QueryPoint[],
): MarkedSeries<Row> {
  const marked = rows.map((row) => ({ row, ...fittedRangeOf(law, pointsOf(row)) }));
  let segment = 0;
  const joined = marked.flatMap(({ row, range }, index): Array<RangeMarked<Row>> => {
    const before = marked[index - 1];
    if (!before || before.range === range) return [{ ...row, range, segment }];
    segment += 1;
    return [
      { ...row, range: before.range, segment: segment - 1 },
      { ...row, range, segment },
    ];
  });
  return { rows: joined, decades: Math.max(0, ...marked.map(({ decades }) => decades)) };
}

/** A chart and the notes under it saying how far its lines reach beyond their laws' data, from one sweep. */
export interface MarkedChart {
  readonly chart: ChartSpec;
  readonly rangeNotes: string[];
}

/**
 * The note under a chart that marks where `law` extrapolates: how far its lines reach beyond its
 * data, and that data's range and source. Empty when they stay inside, or the law's range is unknown.
 *
 * @example rangeCaption(epoch, 2, 'its curves are faded there') // ['besiroglu2024 extrapolates up to 2 decades beyond …']
 */
export function rangeCaption(law: ScalingLaw, decades: number, marking: string): string[] {
  if (!law.validity || !(decades > 0)) return [];
  return [
    `${law.id} extrapolates up to ${formatDecades(decades)} beyond the data it was fitted on, ` +
      `${describeValidity(law.validity)}: ${marking}.`,
  ];
}
