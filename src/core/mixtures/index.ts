/**
 * Data-mixture scaling laws (Shukor et al. 2025, "Scaling Laws for Optimal Data Mixtures"): the
 * additive and joint laws L(N, D, h), fitting them to runs on several mixtures, and the best
 * mixture for a target at a given (N, D). Pure: no editor and no Node-only API.
 */
export * from './mixtureLaw';
export * from './mixtureWeights';
export { MIXTURE_HUBER_DELTA, type MixtureRun } from './mixtureObjective';
export * from './fitMixtureLaw';
export * from './optimalMixture';
export * from './syntheticMixtureRuns';
export * from './mixtureResiduals';
