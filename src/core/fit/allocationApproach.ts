import type { AllocationBootstrapOptions } from './allocationFit';
import { FitDataError, type FitPoint } from './fitPoints';
import { fitIsoflopProfiles, type IsoflopFit } from './isoflopProfiles';
import { fitTrainingCurveEnvelope, type EnvelopeFit } from './trainingCurveEnvelope';
import type { TrainingCurve } from './trainingCurves';

/** A data set as Approaches 1 and 2 read it: its finished runs, and its training curves when it has them. */
export interface AllocationData {
  /** How errors name it: the data set's name in a notebook, the file's path in the CLI. */
  readonly name: string;
  readonly points: readonly FitPoint[];
  readonly curves?: readonly TrainingCurve[];
}

/**
 * Hoffmann et al. 2022's Approach 2 (isoFLOP profiles) or 1 (the envelope of training curves) on a
 * data set, with a bootstrap when asked: what `fit DATA approach=…` and the CLI's `fit --approach` run.
 *
 * @example fitAllocationApproach('isoflop', { name: 'sweep', points: runs }).params.exponent // a
 */
export function fitAllocationApproach(
  approach: 'isoflop' | 'envelope',
  data: AllocationData,
  bootstrap?: AllocationBootstrapOptions,
): IsoflopFit | EnvelopeFit {
  const options = bootstrap ? { bootstrap } : {};
  if (approach === 'isoflop') return fitIsoflopProfiles(data.points, options);
  if (!data.curves) {
    throw new FitDataError(
      `${data.name} holds one row per finished run, and Approach 1 needs training curves (one row per evaluation: run, parameters, ` +
        `tokens or step, loss; CSV or JSON Lines)`,
    );
  }
  return fitTrainingCurveEnvelope(data.curves, options);
}
