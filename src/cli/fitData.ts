import { QuantityError } from '../core';
import {
  finalEvaluations,
  FitDataError,
  looksLikeTrainingCurves,
  parseRunsCsv,
  parseTrainingCurves,
  type FitPoint,
  type RunColumn,
  type TrainingCurve,
} from '../core/fit';

/** What `fit FILE` fits: one run per row, or training curves and each run's last evaluation as its run. */
export interface FitData {
  readonly points: FitPoint[];
  /** The curves, when the file holds one row per evaluation (JSON Lines or long-format CSV). */
  readonly curves?: readonly TrainingCurve[];
  /** The header used for each column of a table of runs; empty for training curves. */
  readonly columns: Readonly<Partial<Record<RunColumn, string>>>;
  /** One line saying where each quantity came from. */
  readonly summary: string;
}

/**
 * The runs in a file, read as the notebook's `data NAME from "FILE"` reads them (curveData.ts):
 * training curves give every approach each run's final evaluation, and Approach 1 the curves.
 * A data error names the file first, since the CLI may be given several in a script.
 */
export function readFitData(file: string, text: string, columns: Partial<Record<RunColumn, string>>, tokensPerStep?: number): FitData {
  try {
    if (looksLikeTrainingCurves(text)) {
      const parsed = parseTrainingCurves(text, tokensPerStep !== undefined ? { tokensPerStep } : {});
      const summary = `${parsed.summary}; each run's last evaluation is its run`;
      return { points: finalEvaluations(parsed.curves), curves: parsed.curves, columns: {}, summary };
    }
    const runs = parseRunsCsv(text, { columns });
    return { points: runs.points, columns: runs.columns, summary: runs.summary };
  } catch (error) {
    if (error instanceof QuantityError) throw new FitDataError(`${file}: ${error.message}`);
    throw error;
  }
}
