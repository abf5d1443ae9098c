import type { CellEvaluation } from '../language/evaluator/evaluateNotebook';

/** A cell whose shown output is stale: its new evaluation, and whether it waits for a fit typing does not start. */
export interface LiveRerun {
  readonly index: number;
  readonly evaluation: CellEvaluation;
  readonly refitNote: boolean;
}

/** True when part of the cell waits for a fit that has not been computed. */
function waitsForFit(evaluation: CellEvaluation): boolean {
  return evaluation.pending.fits.length > 0 || evaluation.diagnostics.some((diagnostic) => diagnostic.code === 'pending');
}

/**
 * The cells below `firstEdited` (every cell for -1) that have run and whose evaluation is no longer
 * the one their output shows. The incremental evaluator returns the very same evaluation for a cell
 * that nothing it uses changed, so identity tells which cells an edit affects.
 */
export function liveReruns(
  evaluations: readonly CellEvaluation[],
  shownAt: (index: number) => CellEvaluation | undefined,
  firstEdited: number,
): LiveRerun[] {
  const reruns: LiveRerun[] = [];
  for (let index = firstEdited + 1; index < evaluations.length; index++) {
    const shown = shownAt(index);
    const evaluation = evaluations[index];
    if (shown && shown !== evaluation) reruns.push({ index, evaluation, refitNote: waitsForFit(evaluation) });
  }
  return reruns;
}
