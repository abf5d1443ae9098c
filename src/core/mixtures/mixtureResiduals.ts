import { pointLabel } from '../fit/fitPoints';
import { mixtureLoss, type MixtureLawConstants } from './mixtureLaw';
import type { MixtureRun } from './mixtureObjective';

/** How far one run on a data mixture lies from a fitted mixture law. */
export interface MixtureResidual {
  readonly run: MixtureRun;
  /** The run's label: its `source`, else "row <n>". */
  readonly source: string;
  /** L̂(N, D, h): the law's loss for the run. */
  readonly fitted: number;
  /** Observed − fitted: positive when the run did worse than the law predicts. */
  readonly residual: number;
}

/**
 * Each run's observed loss against the mixture law's, in the runs' order.
 *
 * @example mixtureResiduals(EXAMPLE_MIXTURE_LAW, [{ params: 1e9, tokens: 2e10, loss: 3, weights: [0.5, 0.3, 0.2] }])[0].source // 'row 1'
 */
export function mixtureResiduals(law: MixtureLawConstants, runs: readonly MixtureRun[]): MixtureResidual[] {
  return runs.map((run, index) => {
    const fitted = mixtureLoss(law, run.params, run.tokens, run.weights);
    return { run, source: pointLabel(run, index), fitted, residual: run.loss - fitted };
  });
}
