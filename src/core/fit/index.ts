/**
 * Fitting scaling laws to one's own runs: Hoffmann et al.'s Approach 3 (Huber loss on log loss,
 * L-BFGS from a grid of starts), bootstrap intervals, the simpler power-law and Approach 1/2
 * regressions, and reading runs from CSV. Pure: no editor and no Node-only API.
 */
export * from './fitPoints';
export * from './csvRuns';
export * from './random';
export * from './huberObjective';
export * from './lbfgs';
export * from './fitChinchilla';
export * from './bootstrap';
export * from './chinchillaBootstrap';
export * from './powerLawFit';
export * from './approachFits';
export * from './allocationFit';
export * from './isoflopProfiles';
export * from './trainingCurves';
export * from './trainingCurveEnvelope';
export * from './allocationApproach';
export * from './syntheticRuns';
export * from './fitWorkerProtocol';
export * from './fitWorkerHandler';
