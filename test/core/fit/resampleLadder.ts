import { syntheticRuns } from '../../../src/core/fit';
import { findPresetLaw } from '../../../src/core/laws/presets';
import type { ChinchillaConstants } from '../../../src/core/laws/scalingLaw';
import { logSpace } from '../../../src/core/sweeps';

/**
 * The ladder whose bootstrap resamples test/core/fit/resampleOptima.test.ts compares with scipy:
 * Epoch's constants, 6 budgets × 12 sizes, 2% noise on log loss (noisier than the benchmark's 1%,
 * so resample optima lie well away from the full-data one), and the first 8 resamples of seed 1.
 */
export const RESAMPLE_TEST_LADDER = {
  points: syntheticRuns(findPresetLaw('epoch')!.constants as unknown as ChinchillaConstants, {
    computeBudgets: logSpace(1e18, 1e21, 6),
    modelSizes: logSpace(1e7, 1e10, 12),
    logLossNoise: 0.02,
    seed: 5,
  }),
  samples: 8,
  seed: 1,
};
