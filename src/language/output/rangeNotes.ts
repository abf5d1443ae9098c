import { computeOptimalAllocation, formatScientific, logSpace, type ScalingLaw } from '../../core';

/** Budgets tried along a sweep to find where a law's optimum leaves its fitting range: 4 per decade. */
const BUDGETS_PER_DECADE = 4;

/**
 * Where each law's compute-optimal line lies within the runs it was fitted on, in words: the chart
 * dashes (or fades) the rest. Laws without a known range, or inside it over the whole sweep, say nothing.
 */
export function rangeNotes(laws: readonly ScalingLaw[], compute: readonly [number, number]): string[] {
  const count = Math.max(2, Math.ceil(Math.log10(compute[1] / compute[0]) * BUDGETS_PER_DECADE) + 1);
  const budgets = logSpace(compute[0], compute[1], count);
  return laws.flatMap((law) => {
    if (!law.validity) return [];
    const inside = budgets.filter((budget) => computeOptimalAllocation(law, budget).extrapolation.length === 0);
    if (inside.length === budgets.length) return [];
    const where =
      inside.length === 0
        ? 'extrapolates over the whole range'
        : `is within the runs it was fitted on only from about ${formatScientific(inside[0])} to ${formatScientific(inside.at(-1)!)} FLOP`;
    return [`${law.id} ${where} (${law.validity.source}); its line is dashed or faded elsewhere.`];
  });
}
