import {
  ATLAS_CURSE_EXPONENTS,
  ATLAS_ISO_LOSS_EXPONENTS,
  atlasEffectiveData,
  formatSignificant,
  isoLossExponents,
  languageScaling,
  LanguageTableError,
  parseLanguageTable,
  type IsoLossExponents,
} from '../../core';
import { languageScalingChart } from '../../core/charts';
import { errorAt } from '../diagnostics';
import { languagesPayload, transferPayload } from '../output/multilingualPayload';
import type { ResultPayload } from '../output/resultPayload';
import type { EvaluationContext } from './evaluationContext';
import { StatementValues, atSpan } from './statementValues';

/** Throws unless the statement has no name or positional: everything it takes is a property. */
function requirePropertiesOnly(context: EvaluationContext, example: string): void {
  const stray = context.statement.name ?? context.statement.positionals[0];
  if (stray) throw errorAt(stray.span, 'syntax', `"${context.statement.keyword}" takes only properties`, `write: ${example}`);
}

/** The iso-loss exponents: from α and β (with ϕ, ψ) when given, else ATLAS's published ones. */
function isoLossExponentsOf(values: StatementValues): { exponents: IsoLossExponents; note: string } {
  const given = (['alpha', 'beta', 'phi', 'psi'] as const).filter((key) => values.has(key));
  if (given.length === 0) {
    return {
      exponents: ATLAS_ISO_LOSS_EXPONENTS,
      note: "ATLAS's published iso-loss scaling (Longpre et al. 2026, ICLR 2026): N ∝ r^0.243, D_total ∝ r^0.728, so C ∝ r^0.971 (the paper's r^0.97); doubling the languages takes 1.18× the parameters and 1.66× the data.",
    };
  }
  values.require('alpha', '0.34');
  values.require('beta', '0.28');
  const alpha = values.number('alpha')!;
  const beta = values.number('beta')!;
  const phi = values.number('phi') ?? ATLAS_CURSE_EXPONENTS.phi;
  const psi = values.number('psi') ?? ATLAS_CURSE_EXPONENTS.psi;
  const exponents = atSpan(values.property('alpha')!.value.span, () => isoLossExponents(alpha, beta, { phi, psi }));
  return {
    exponents,
    note: `From the curse-of-multilinguality law L = L∞ + A·K^ϕ/N^α + B·K^ψ/D_t^β (Longpre et al. 2026) with α = ${alpha}, β = ${beta}, ϕ = ${phi}, ψ = ${psi}: N ∝ r^(ϕ/α), D_total ∝ r^(1+ψ/β).`,
  };
}

/**
 * `languages from=K to=K′ [params=N tokens=D] [alpha=… beta=… [phi=… psi=…]]`: what adding
 * languages takes at equal per-language loss, with a chart over the number of languages.
 */
export function evaluateLanguages(context: EvaluationContext): ResultPayload {
  const { statement } = context;
  requirePropertiesOnly(context, 'languages from=8 to=32');
  const values = new StatementValues(statement);
  const count = (key: 'from' | 'to', example: string) => {
    values.require(key, example);
    const languages = values.number(key)!;
    if (!Number.isInteger(languages) || languages < 1) throw errorAt(values.property(key)!.value.span, 'invalid-value', `${key} must be a whole number of languages ≥ 1, got ${languages}`);
    return languages;
  };
  const from = count('from', '8');
  const to = count('to', '32');
  const { exponents, note } = isoLossExponentsOf(values);
  const scaling = languageScaling(from, to, exponents);
  if (values.has('params') !== values.has('tokens')) {
    throw errorAt(statement.keywordSpan, 'missing-property', 'a run with fewer languages needs both params=… and tokens=…', 'add params=7B tokens=1T, or neither');
  }
  const base = values.has('params') ? { params: values.positive('params', 'params')!, tokens: values.positive('tokens', 'tokens')! } : undefined;
  const meaning = `ϕ > 0: languages compete for the model's capacity, so more of them need a bigger model; ψ < 0: they help each other, so each needs ${formatSignificant(scaling.tokensPerLanguage * 100, 3)}% of its own data at ${to} languages.`;
  return languagesPayload(scaling, base, languageScalingChart({ fromLanguages: from, toLanguages: to, exponents }), [note, meaning], statement.span.line + 1);
}

/**
 * `transfer TARGET [params=N] [lambda=λ] [law=NAME]` with an indented table `language, tokens,
 * unique, tau`: ATLAS's effective data for the target language, and the loss it buys.
 */
export function evaluateTransfer(context: EvaluationContext): ResultPayload {
  const { statement, scope } = context;
  const target = statement.name;
  if (!target || statement.positionals.length > 0) {
    throw errorAt(target?.span ?? statement.keywordSpan, 'syntax', '"transfer" needs the target language and a table of languages under it', 'write: transfer catalan params=2B, then indented lines: language, tokens, unique, tau');
  }
  const block = statement.block;
  if (!block) throw errorAt(statement.span, 'syntax', `"transfer ${target.name}" needs a table of languages`, 'add indented lines under it: language, tokens, unique, tau — then one line per language');
  const values = new StatementValues(statement);
  const lambda = values.positive('lambda', 'λ');
  let table;
  try {
    table = parseLanguageTable(block.lines.join('\n'), target.name);
  } catch (error) {
    if (!(error instanceof LanguageTableError)) throw error;
    const text = block.lines[error.line - 1] ?? '';
    const start = text.length - text.trimStart().length;
    throw errorAt({ line: block.firstLine + error.line - 1, start, end: Math.max(start + 1, text.length) }, 'data-error', error.message);
  }
  const data = atSpan(statement.span, () => atlasEffectiveData(table.target, table.sources, lambda));
  const lawNode = values.names('law');
  if (lawNode && lawNode.length !== 1) throw errorAt(values.property('law')!.value.span, 'invalid-value', 'law= takes one law');
  const law = lawNode ? scope.lawNamed(lawNode[0]) : scope.law;
  const params = values.positive('params', 'params');
  const losses =
    params === undefined
      ? undefined
      : {
          law: law.id,
          params,
          withTransfer: law.loss(params, data.total),
          targetOnly: law.loss(params, data.terms[0].saturated),
          allTokens: law.loss(params, data.terms.reduce((sum, term) => sum + term.tokens, 0)),
        };
  return transferPayload(target.name, data, lambda, losses, statement.span.line + 1);
}
