import {
  formatCount,
  formatRatio,
  formatScientific,
  formatSignificant,
  mixedExponentsWarning,
  type CurseExponents,
  type EffectiveData,
  type LanguageScaling,
} from '../../core';
import { languageScalingChart } from '../../charts';
import { RESULT_PAYLOAD_VERSION, type ResultPayload, type ResultTable } from './resultPayload';
import { formatLoss } from '../../core/numberFormat';

/** A factor as the chart labels it: ×1.4. */
function formatFactor(factor: number): string {
  return `×${formatSignificant(factor, 3)}`;
}

/** The run with fewer languages, when one was given: parameters and total tokens. */
export interface BaseRun {
  readonly params: number;
  readonly tokens: number;
}

/** The exponents of a user's own curse-of-multilinguality fit, when the iso-loss scaling comes from it. */
export interface CurseFit extends CurseExponents {
  readonly alpha: number;
  readonly beta: number;
}

/** `1 language`, `2 languages`. */
export function languageCount(count: number): string {
  return `${count} ${count === 1 ? 'language' : 'languages'}`;
}

/** Where the exponents come from, and what ϕ and ψ mean at K′ languages. */
function languagesNotes(scaling: LanguageScaling, fit: CurseFit | undefined): string[] {
  const source = fit
    ? `From the curse-of-multilinguality law L = L∞ + A·K^ϕ/N^α + B·K^ψ/D_t^β (Longpre et al. 2026) with α = ${fit.alpha}, β = ${fit.beta}, ϕ = ${fit.phi}, ψ = ${fit.psi}: N ∝ r^(ϕ/α), D_total ∝ r^(1+ψ/β).`
    : "ATLAS's published iso-loss scaling (Longpre et al. 2026, ICLR 2026): N ∝ r^0.243, D_total ∝ r^0.728, so C ∝ r^0.971 (the paper's r^0.97); doubling the languages takes 1.18× the parameters and 1.66× the data.";
  const meaning = `ϕ > 0: languages compete for the model's capacity, so more of them need a bigger model; ψ < 0: they help each other, so each needs ${formatSignificant(scaling.tokensPerLanguage * 100, 3)}% of its own data at ${languageCount(scaling.toLanguages)}.`;
  return [source, meaning, ...languagesWarnings(fit)];
}

/** ATLAS's ϕ and ψ paired with other exponents, when that changes the answer. */
function languagesWarnings(fit: CurseFit | undefined): string[] {
  const mixed = fit && mixedExponentsWarning(fit);
  return mixed ? [mixed] : [];
}

/**
 * The curse of multilinguality at equal loss: each factor with its exponent, the run it leads to
 * when a base run was given, and the factors charted over the number of languages.
 */
export function languagesPayload(
  scaling: LanguageScaling,
  base: BaseRun | undefined,
  fit: CurseFit | undefined,
  line: number,
): ResultPayload {
  const { fromLanguages: from, toLanguages: to, exponents } = scaling;
  const quantities: Array<[string, string, number, (value: number) => string, number | undefined]> = [
    ['parameters N', `r^${formatSignificant(exponents.params)}`, scaling.params, formatCount, base?.params],
    ['total tokens D', `r^${formatSignificant(exponents.totalTokens)}`, scaling.totalTokens, formatCount, base?.tokens],
    [
      'tokens per language D/K',
      `r^${formatSignificant(exponents.totalTokens - 1)}`,
      scaling.tokensPerLanguage,
      formatCount,
      base && base.tokens / from,
    ],
    [
      'compute C = 6·N·D',
      `r^${formatSignificant(exponents.params + exponents.totalTokens)}`,
      scaling.compute,
      formatScientific,
      base && 6 * base.params * base.tokens,
    ],
  ];
  const columns = ['quantity', 'grows as', 'factor', ...(base ? [languageCount(from), languageCount(to)] : [])];
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'languages',
    title: `From ${from} to ${languageCount(to)} at equal loss (r = ${formatRatio(scaling.ratio)})`,
    line,
    tables: [
      {
        columns,
        align: columns.map((_, i) => (i === 0 ? 'left' : 'right')),
        rows: quantities.map(([name, law, factor, format, before]) => [
          name,
          law,
          formatFactor(factor),
          ...(before !== undefined ? [format(before), format(before * factor)] : []),
        ]),
      },
    ],
    notes: languagesNotes(scaling, fit),
    chart: languageScalingChart({ fromLanguages: from, toLanguages: to, exponents }),
    data: {
      ...scaling,
      ...(base ? { base, scaled: { params: base.params * scaling.params, tokens: base.tokens * scaling.totalTokens } } : {}),
      warnings: languagesWarnings(fit),
    },
  };
}

/** The loss of the target language three ways, when a model size was given. */
export interface TransferLosses {
  readonly law: string;
  readonly params: number;
  /** With D_eff, with the target's own (repetition-discounted) data only, and with every token counted as the target's. */
  readonly withTransfer: number;
  readonly targetOnly: number;
  readonly allTokens: number;
}

/** ATLAS's effective data: each language's share, then the loss it buys when a model size was given. */
export function transferPayload(
  target: string,
  data: EffectiveData,
  lambda: number | undefined,
  losses: TransferLosses | undefined,
  line: number,
): ResultPayload {
  const lossTables: ResultTable[] = losses
    ? [
        {
          caption: `Predicted loss on ${target} for N = ${formatCount(losses.params)} under ${losses.law}`,
          columns: ['data counted', 'D', 'loss'],
          align: ['left', 'right', 'right'],
          rows: [
            [`${target} alone`, formatCount(data.terms[0].saturated), formatLoss(losses.targetOnly)],
            ['with transfer (D_eff)', formatCount(data.total), formatLoss(losses.withTransfer)],
            [
              'every token as if it were the target’s',
              formatCount(data.terms.reduce((sum, term) => sum + term.tokens, 0)),
              formatLoss(losses.allTokens),
            ],
          ],
        },
      ]
    : [];
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'transfer',
    title: `Effective data for ${target}: ${formatCount(data.total)} tokens`,
    line,
    tables: [
      {
        caption: 'D_eff = S_λ(D_t; U_t) + Σᵢ τᵢ·S_λ(Dᵢ; Uᵢ)',
        columns: ['language', 'D', 'U', 'epochs', 'S_λ(D; U)', 'τ', 'τ·S_λ'],
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
        rows: [
          ...data.terms.map((term) => [
            term.name,
            formatCount(term.tokens),
            formatCount(term.unique),
            formatRatio(term.epochs),
            formatCount(term.saturated),
            formatRatio(term.transfer),
            formatCount(term.contribution),
          ]),
          ['D_eff', '', '', '', '', '', formatCount(data.total)],
        ],
      },
      ...lossTables,
    ],
    notes: [
      `ATLAS (Longpre et al. 2026, ICLR 2026): each language's tokens count through S_λ, which discounts repeated epochs${lambda !== undefined ? ` (λ = ${lambda}: each extra epoch is worth e^−λ ≈ ${formatSignificant(Math.exp(-lambda), 3)} of the one before)` : ''}, times its transfer weight τ to the target; D_eff replaces D in L = E + A/N^α + B/D^β.`,
    ],
    data: { target, ...data, ...(lambda !== undefined ? { lambda } : {}), ...(losses ? { losses } : {}) },
  };
}
