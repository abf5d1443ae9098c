/**
 * Multilingual scaling (Longpre et al. 2026, "ATLAS: Adaptive Transfer Scaling Laws for
 * Multilingual Pretraining", ICLR 2026): repetition-aware effective data with cross-lingual
 * transfer, and the curse of multilinguality with its iso-loss scaling. Pure.
 */
export * from './repetitionSaturation';
export * from './effectiveData';
export * from './curseOfMultilinguality';
export * from './mixedExponentsWarning';
export * from './languageTable';
