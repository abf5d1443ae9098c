/** The scaling-law core: pure math and data, no editor and no Node-only API. */
export * from './quantities';
export * from './laws/scalingLaw';
export * from './laws/chinchillaLaw';
export * from './laws/kaplanLaw';
export * from './laws/presets';
export * from './compute';
export * from './allocation';
export * from './verdict';
export * from './hardware';
export * from './catalog';
export * from './sweeps';
export * from './diminishingReturns';
export * from './fit';
export * from './inference';
export * from './dataConstrained';
export * from './testTime';
export * from './emergence';
