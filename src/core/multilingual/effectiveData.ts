import { QuantityError, requirePositive } from '../quantities';
import { saturatedTokens } from './repetitionSaturation';

/** One language's training data: tokens seen and unique tokens available. */
export interface LanguageData {
  readonly name: string;
  /** Tokens of this language the run trains on (D). */
  readonly tokens: number;
  /** Unique tokens available (U); training on more repeats them. Default: as many as `tokens`. */
  readonly unique?: number;
}

/** Another language's data with its transfer weight to the target. */
export interface TransferSource extends LanguageData {
  /**
   * τ: what a token of this language is worth to the target language, measured by the user
   * (ATLAS's transfer matrix, Longpre et al. 2026); negative for interference.
   */
  readonly transfer: number;
}

/** A corpus's share of the effective data. */
export interface EffectiveDataTerm {
  readonly name: string;
  readonly tokens: number;
  readonly unique: number;
  /** D/U: passes over the unique data. */
  readonly epochs: number;
  /** S_λ(D; U): what the tokens are worth once repetition is discounted. */
  readonly saturated: number;
  /** τ; 1 for the target. */
  readonly transfer: number;
  /** τ·S_λ(D; U). */
  readonly contribution: number;
}

/** D_eff and where it comes from, the target first. */
export interface EffectiveData {
  readonly terms: readonly EffectiveDataTerm[];
  readonly total: number;
}

/**
 * ATLAS's effective data for a target language (Longpre et al. 2026, "ATLAS", ICLR 2026):
 * D_eff = S_λ(D_t; U_t) + Σᵢ τᵢ·S_λ(Dᵢ; Uᵢ) + τ_other·S_λ(D_other; U_other), which replaces D in
 * L = E + A/N^α + B/D_eff^β. `sources` lists the transfer languages and, when wanted, the pooled
 * other languages as one more source. `lambda` is needed only when some corpus repeats its data.
 *
 * @example atlasEffectiveData({ name: 'ca', tokens: 10e9 }, [{ name: 'es', tokens: 100e9, transfer: 0.3 }]).total // 1e10 + 0.3 × 1e11 = 4e10
 */
export function atlasEffectiveData(target: LanguageData, sources: readonly TransferSource[], lambda?: number): EffectiveData {
  const term = (corpus: LanguageData, transfer: number): EffectiveDataTerm => {
    const tokens = requirePositive(corpus.tokens, `tokens of ${corpus.name}`);
    const unique = corpus.unique === undefined ? tokens : requirePositive(corpus.unique, `unique tokens of ${corpus.name}`);
    if (!Number.isFinite(transfer))
      throw new QuantityError(`the transfer weight τ of ${corpus.name} must be a finite number, got ${transfer}`);
    if (tokens > unique && lambda === undefined) {
      throw new QuantityError(
        `${corpus.name} repeats its unique data (${tokens / unique} epochs): give λ, how fast repeated tokens lose their worth`,
      );
    }
    const saturated = tokens > unique ? saturatedTokens(tokens, unique, lambda!) : tokens;
    return { name: corpus.name, tokens, unique, epochs: tokens / unique, saturated, transfer, contribution: transfer * saturated };
  };
  const terms = [term(target, 1), ...sources.map((source) => term(source, source.transfer))];
  const total = terms.reduce((sum, entry) => sum + entry.contribution, 0);
  if (!(total > 0))
    throw new QuantityError(
      `the effective data comes to ${total} tokens: negative transfer outweighs the target's own data, so the law cannot be applied`,
    );
  return { terms, total };
}
