import { QuantityError, requirePositive } from '../quantities';

/**
 * The curse of multilinguality as ATLAS fits it (Longpre et al. 2026, "ATLAS: Adaptive Transfer
 * Scaling Laws for Multilingual Pretraining", ICLR 2026): with K languages, each language's loss is
 *
 *   L = L∞ + A·K^ϕ/N^α + B·K^ψ/D_t^β,
 *
 * D_t the tokens per language. ϕ > 0: capacity is shared, so more languages need a bigger model;
 * ψ < 0: languages help each other, so each needs a little less data of its own.
 */
export interface CurseLaw {
  readonly lossFloor: number;
  readonly A: number;
  readonly B: number;
  readonly alpha: number;
  readonly beta: number;
  readonly phi: number;
  readonly psi: number;
}

/** ϕ and ψ, the exponents of K in the law. */
export interface CurseExponents {
  readonly phi: number;
  readonly psi: number;
}

/** ATLAS's published ϕ = 0.11 and ψ = −0.04 (Longpre et al. 2026, the curse-of-multilinguality fit). */
export const ATLAS_CURSE_EXPONENTS: CurseExponents = { phi: 0.11, psi: -0.04 };

/** How N and the total tokens grow with the number of languages at equal loss: N ∝ r^params, D_total ∝ r^totalTokens. */
export interface IsoLossExponents {
  readonly params: number;
  readonly totalTokens: number;
}

/**
 * ATLAS's published iso-loss scaling: going from K to r·K languages at equal loss takes
 * N ∝ r^0.243 and D_total ∝ r^0.728 (Longpre et al. 2026; doubling the languages needs 1.18× the
 * parameters and 1.66× the data). Compute C = 6·N·D then grows as r^(0.243 + 0.728) = r^0.971, the
 * paper's C ∝ r^0.97.
 */
export const ATLAS_ISO_LOSS_EXPONENTS: IsoLossExponents = { params: 0.243, totalTokens: 0.728 };

/**
 * Per-language loss of N parameters trained on D_t tokens of each of K languages.
 *
 * @example multilingualLoss({ lossFloor: 1.7, A: 400, B: 400, alpha: 0.34, beta: 0.28, ...ATLAS_CURSE_EXPONENTS }, 8, 7e9, 100e9)
 */
export function multilingualLoss(law: CurseLaw, languages: number, params: number, tokensPerLanguage: number): number {
  requirePositive(languages, 'number of languages');
  requirePositive(params, 'parameters');
  requirePositive(tokensPerLanguage, 'tokens per language');
  return (
    law.lossFloor + (law.A * languages ** law.phi) / params ** law.alpha + (law.B * languages ** law.psi) / tokensPerLanguage ** law.beta
  );
}

/**
 * The iso-loss exponents implied by the law with exponents α and β: keeping A·K^ϕ/N^α fixed needs
 * N ∝ K^(ϕ/α); keeping B·K^ψ/D_t^β fixed needs D_t ∝ K^(ψ/β), so D_total = K·D_t ∝ K^(1+ψ/β).
 *
 * @example isoLossExponents(0.34, 0.28) // { params: 0.11/0.34 ≈ 0.324, totalTokens: 1 − 0.04/0.28 ≈ 0.857 }
 */
export function isoLossExponents(alpha: number, beta: number, exponents: CurseExponents = ATLAS_CURSE_EXPONENTS): IsoLossExponents {
  requirePositive(alpha, 'α');
  requirePositive(beta, 'β');
  return { params: exponents.phi / alpha, totalTokens: 1 + exponents.psi / beta };
}

/** What r times as many languages take at equal loss, as factors on the run with fewer. */
export interface IsoLossFactors {
  /** N′/N = r^(ϕ/α). */
  readonly params: number;
  /** D_total′/D_total = r^(1+ψ/β). */
  readonly totalTokens: number;
  /** D_t′/D_t = r^(ψ/β): each language's own data. */
  readonly tokensPerLanguage: number;
  /** C′/C = r^(1+ϕ/α+ψ/β), since C = 6·N·D_total. */
  readonly compute: number;
}

/**
 * The factors for r = K′/K times as many languages (any r > 0; below 1, fewer languages).
 *
 * @example isoLossFactors(2).params // 2^0.243 ≈ 1.18
 */
export function isoLossFactors(ratio: number, exponents: IsoLossExponents = ATLAS_ISO_LOSS_EXPONENTS): IsoLossFactors {
  requirePositive(ratio, 'ratio of languages');
  return {
    params: ratio ** exponents.params,
    totalTokens: ratio ** exponents.totalTokens,
    tokensPerLanguage: ratio ** (exponents.totalTokens - 1),
    compute: ratio ** (exponents.params + exponents.totalTokens),
  };
}

/** What going from K to K′ languages takes at equal loss. */
export interface LanguageScaling extends IsoLossFactors {
  readonly fromLanguages: number;
  readonly toLanguages: number;
  /** r = K′/K. */
  readonly ratio: number;
  readonly exponents: IsoLossExponents;
}

/**
 * The model, data and compute that keep the per-language loss unchanged when the number of languages
 * goes from `fromLanguages` to `toLanguages` (Longpre et al. 2026), by default with ATLAS's
 * published exponents.
 *
 * @example languageScaling(8, 32).params // 4^0.243 ≈ 1.4006
 */
export function languageScaling(
  fromLanguages: number,
  toLanguages: number,
  exponents: IsoLossExponents = ATLAS_ISO_LOSS_EXPONENTS,
): LanguageScaling {
  for (const [value, what] of [
    [fromLanguages, 'languages to start from'],
    [toLanguages, 'languages to go to'],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new QuantityError(`the number of ${what} must be a whole number ≥ 1, got ${value}`);
  }
  const ratio = toLanguages / fromLanguages;
  return { fromLanguages, toLanguages, ratio, ...isoLossFactors(ratio, exponents), exponents };
}
