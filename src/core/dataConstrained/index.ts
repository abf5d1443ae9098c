/** Training on repeated data (Muennighoff et al. 2023, "Scaling Data-Constrained Language Models"). */
export * from './repetitionDecay';
export * from './effectiveTokens';
export * from './effectiveParams';
export * from './repetitionLoss';
export * from './constrainedAllocation';
export * from './epochSweep';
