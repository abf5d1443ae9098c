import {
  formatCount,
  formatRatio,
  formatScientific,
  formatSignificant,
  type CurseExponents,
  type EffectiveData,
  type LanguageScaling,
} from '../../core';
import { languageScalingChart } from '../../charts';
import type { TransferLosses } from './resultData';
import { RESULT_PAYLOAD_VERSION, type ResultPayload, type ResultTable } from './resultPayload';
import { formatLoss } from '../../core/numberFormat';

/** A factor as the chart labels it: ×1.4. */
function formatFactor(factor: number): string {
  return `×${formatSignificant(factor, 3)}`;
}

/** A run with K languages as the languages table shows it: parameters, total tokens, tokens per language, and 6·N·D FLOP. */
export interface LanguageRun {
  readonly params: number;
  readonly tokens: number;
  readonly tokensPerLanguage: number;
  readonly compute: number;
}

/** The run with fewer languages, when one was given, and the run at equal loss with more, computed by the evaluator. */
export interface ScaledRuns {
  readonly base: LanguageRun;
  readonly scaled: LanguageRun;
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

/** Where the exponents come from, what ϕ and ψ mean at K′ languages, and the warnings about them. */
function languagesNotes(scaling: LanguageScaling, fit: CurseFit | undefined, warnings: readonly string[]): string[] {
  const source = fit
    ? `From the curse-of-multilinguality law L = L∞ + A·K^ϕ/N^α + B·K^ψ/D_t^β (Longpre et al. 2026) with α = ${fit.alpha}, β = ${fit.beta}, ϕ = ${fit.phi}, ψ = ${fit.psi}: N ∝ r^(ϕ/α), D_total ∝ r^(1+ψ/β).`
    : "ATLAS's published iso-loss scaling (Longpre et al. 2026, ICLR 2026): N ∝ r^0.243, D_total ∝ r^0.728, so C ∝ r^0.971 (the paper's r^0.97); doubling the languages takes 1.18× the parameters and 1.66× the data.";
  const meaning = `ϕ > 0: languages compete for the model's capacity, so more of them need a bigger model; ψ < 0: they help each other, so each needs ${formatSignificant(scaling.tokensPerLanguage * 100, 3)}% of its own data at ${languageCount(scaling.toLanguages)}.`;
  return [source, meaning, ...warnings];
}

/**
 * The curse of multilinguality at equal loss: each factor with its exponent, the run it leads to
 * when a base run was given, and the factors charted over the number of languages. `warnings` say
 * when a user's fit pairs ATLAS's ϕ and ψ with other exponents.
 */
export function languagesPayload(
  scaling: LanguageScaling,
  runs: ScaledRuns | undefined,
  fit: CurseFit | undefined,
  warnings: readonly string[],
  line: number,
): ResultPayload<'languages'> {
  const { fromLanguages: from, toLanguages: to, exponents } = scaling;
  const quantities: Array<[string, string, number, (value: number) => string, keyof LanguageRun]> = [
    ['parameters N', `r^${formatSignificant(exponents.params)}`, scaling.params, formatCount, 'params'],
    ['total tokens D', `r^${formatSignificant(exponents.totalTokens)}`, scaling.totalTokens, formatCount, 'tokens'],
    [
      'tokens per language D/K',
      `r^${formatSignificant(exponents.totalTokens - 1)}`,
      scaling.tokensPerLanguage,
      formatCount,
      'tokensPerLanguage',
    ],
    ['compute C = 6·N·D', `r^${formatSignificant(exponents.params + exponents.totalTokens)}`, scaling.compute, formatScientific, 'compute'],
  ];
  const columns = ['quantity', 'grows as', 'factor', ...(runs ? [languageCount(from), languageCount(to)] : [])];
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'languages',
    title: `From ${from} to ${languageCount(to)} at equal loss (r = ${formatRatio(scaling.ratio)})`,
    line,
    tables: [
      {
        columns,
        align: columns.map((_, i) => (i === 0 ? 'left' : 'right')),
        rows: quantities.map(([name, law, factor, format, key]) => [
          name,
          law,
          formatFactor(factor),
          ...(runs ? [format(runs.base[key]), format(runs.scaled[key])] : []),
        ]),
      },
    ],
    notes: languagesNotes(scaling, fit, warnings),
    chart: languageScalingChart({ fromLanguages: from, toLanguages: to, exponents }),
    data: {
      ...scaling,
      ...(runs
        ? {
            base: { params: runs.base.params, tokens: runs.base.tokens },
            scaled: { params: runs.scaled.params, tokens: runs.scaled.tokens },
          }
        : {}),
      warnings,
    },
  };
}

/** The target's loss three ways, when a model size was given, with the tokens "every token" counts (Σ D over the languages). */
export interface TransferLossAnswer {
  readonly losses: TransferLosses;
  readonly everyToken: number;
}

/** ATLAS's effective data: each language's share, then the loss it buys when a model size was given. */
export function transferPayload(
  target: string,
  data: EffectiveData,
  lambda: number | undefined,
  answer: TransferLossAnswer | undefined,
  line: number,
): ResultPayload<'transfer'> {
  const losses = answer?.losses;
  const lossTables: ResultTable[] = answer
    ? [
        {
          caption: `Predicted loss on ${target} for N = ${formatCount(answer.losses.params)} under ${answer.losses.law}`,
          columns: ['data counted', 'D', 'loss'],
          align: ['left', 'right', 'right'],
          rows: [
            [`${target} alone`, formatCount(data.terms[0].saturated), formatLoss(answer.losses.targetOnly)],
            ['with transfer (D_eff)', formatCount(data.total), formatLoss(answer.losses.withTransfer)],
            ['every token as if it were the target’s', formatCount(answer.everyToken), formatLoss(answer.losses.allTokens)],
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
