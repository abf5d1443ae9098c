import { findPresetLaw } from '../../../src/core';
import { formatRunsCsv, syntheticRuns } from '../../../src/core/fit';

/** A small ladder of runs drawn from Epoch's law with 1% noise; two seeds give two files with different fits. */
export function ladderCsv(seed: number): string {
  return formatRunsCsv(
    syntheticRuns(findPresetLaw('epoch')!.constants as never, {
      computeBudgets: [1e18, 1e19, 1e20],
      modelSizes: [2e7, 5e7, 1e8, 2e8, 5e8, 1e9],
      tokensPerParam: { min: 2, max: 500 },
      logLossNoise: 0.01,
      seed,
    }),
  );
}
