import { QuantityError, requirePositive } from '../quantities';
import { formatSignificant } from '../numberFormat';
import type { ScalingLaw } from '../laws/scalingLaw';
import { requireTrainingTokens, trainingTokensFor, type TrainingTokensRule } from './trainingTokens';

/**
 * Schaeffer et al. 2023 ("Are Emergent Abilities of Large Language Models a Mirage?", Sec. 2):
 * with per-token loss L falling smoothly with scale and a per-token chance p = e^(−L) of producing
 * the right token, exact match over an answer of ℓ tokens is p^ℓ = e^(−ℓ·L) — a sharp rise from a
 * smooth loss. Their stylised L has no floor; a fitted law's L does (its irreducible entropy E), so
 * `offset` says what part of the loss counts: p = e^(−(L − offset)), 0 (the paper's p = e^(−L), the
 * default) up to E (only the reducible loss counts, so p → 1 as N grows).
 */
export interface EmergenceSettings {
  /** ℓ: tokens in the answer, all of which must be right. */
  readonly answerTokens: number;
  /** Nats per token subtracted from L before p = e^(−(L − offset)); between 0 and the law's E. */
  readonly offset: number;
  readonly training: TrainingTokensRule;
}

/** One model size: its training, per-token loss and the metrics that follow from it. */
export interface EmergencePoint {
  readonly params: number;
  readonly tokens: number;
  /** Per-token loss L(N, D) under the law, nats/token. */
  readonly loss: number;
  /** p = e^(−(L − offset)): the chance of one right token. */
  readonly tokenSuccess: number;
  /** p^ℓ: the chance the whole answer is right. */
  readonly exactMatch: number;
  /**
   * ℓ·(1 − p): expected wrong tokens in the answer, the linear metric (token edit distance) that
   * Schaeffer et al. 2023 (Sec. 2) show changing smoothly where exact match jumps.
   */
  readonly wrongTokens: number;
}

/** Checks the settings against the law: a positive answer length and 0 ≤ offset ≤ E. */
export function requireEmergenceSettings(law: ScalingLaw, settings: EmergenceSettings): EmergenceSettings {
  requirePositive(settings.answerTokens, 'answer tokens');
  requireTrainingTokens(settings.training);
  const { offset } = settings;
  if (!(offset >= 0 && offset <= law.irreducibleLoss)) {
    throw new QuantityError(
      `offset must be between 0 and ${law.id}'s irreducible loss E = ${formatSignificant(law.irreducibleLoss, 4)} nats, got ${offset}: beyond E, p = e^(−(L − offset)) would pass 1 for large models`,
    );
  }
  return settings;
}

/**
 * The per-token loss of a model of `params` parameters trained by the settings' rule, and the
 * chance of an exact match it implies.
 *
 * @example emergencePoint(findPresetLaw('epoch')!, 1e12, { answerTokens: 20, offset: 0, training: { kind: 'optimal' } }).exactMatch // ≈ 4.7e-17: e^(−20·1.880)
 */
export function emergencePoint(law: ScalingLaw, params: number, settings: EmergenceSettings): EmergencePoint {
  const tokens = trainingTokensFor(law, params, settings.training);
  const loss = law.loss(params, tokens);
  const tokenSuccess = Math.exp(-(loss - settings.offset));
  return {
    params,
    tokens,
    loss,
    tokenSuccess,
    exactMatch: tokenSuccess ** settings.answerTokens,
    wrongTokens: settings.answerTokens * (1 - tokenSuccess),
  };
}

/**
 * The highest exact match any model size reaches under the rule: at N → ∞ the loss tends to E
 * (or to L(∞, D) for a fixed D), so p^ℓ tends to e^(−ℓ·(L∞ − offset)).
 *
 * @example exactMatchCeiling(findPresetLaw('epoch')!, { answerTokens: 20, offset: 0, training: { kind: 'optimal' } }) // e^(−20·1.817) ≈ 1.7e-16
 */
export function exactMatchCeiling(law: ScalingLaw, settings: EmergenceSettings): number {
  return emergencePoint(law, Number.POSITIVE_INFINITY, settings).exactMatch;
}
