import { formatScientific, type FrontierWithinFit } from '../../core';

/**
 * Where each law's compute-optimal line lies within the runs it was fitted on (core's
 * frontiersWithinFit), in words: the chart dashes (or fades) the rest. Laws inside it over the
 * whole sweep say nothing.
 */
export function rangeNotes(frontiers: readonly FrontierWithinFit[]): string[] {
  return frontiers.flatMap(({ law, validity, budgets, inside }) => {
    if (inside.length === budgets.length) return [];
    const where =
      inside.length === 0
        ? 'extrapolates over the whole range'
        : `is within the runs it was fitted on only from about ${formatScientific(inside[0])} to ${formatScientific(inside.at(-1)!)} FLOP`;
    return [`${law.id} ${where} (${validity.source}); its line is dashed or faded elsewhere.`];
  });
}
