/**
 * Inference-aware sizing (Sardana et al. 2023, "Beyond Chinchilla-Optimal: Accounting for Inference
 * in Language Model Scaling Laws"): the model that reaches a loss with the least training plus
 * inference FLOPs, beside the Chinchilla-optimal one.
 */
export * from './servingPlan';
export * from './lossTarget';
export * from './inferenceAwareOptimum';
export * from './servingCostCurve';
export * from './servingCost';
