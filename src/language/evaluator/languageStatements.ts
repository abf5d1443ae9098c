import {
  ATLAS_CURSE_EXPONENTS,
  ATLAS_ISO_LOSS_EXPONENTS,
  atlasEffectiveData,
  isoLossExponents,
  languageScaling,
  LanguageTableError,
  mixedExponentsWarning,
  parseLanguageTable,
  trainingCompute,
  type LanguageScaling,
} from '../../core';
import { errorAt } from '../diagnostics';
import { languagesPayload, transferPayload, type CurseFit, type LanguageRun, type ScaledRuns } from '../output/multilingualPayload';
import type { ResultPayload } from '../output/resultPayload';
import type { EvaluationContext } from './evaluationContext';
import { lawFor } from './queries';
import { StatementValues, atSpan } from './statementValues';

/** Throws unless the statement has no name or positional: everything it takes is a property. */
function requirePropertiesOnly(context: EvaluationContext, example: string): void {
  const stray = context.statement.name ?? context.statement.positionals[0];
  if (stray) throw errorAt(stray.span, 'syntax', `"${context.statement.keyword}" takes only properties`, `write: ${example}`);
}

/** The user's own curse-of-multilinguality exponents, when α and β (and perhaps ϕ, ψ) are given. */
function curseFitOf(values: StatementValues): CurseFit | undefined {
  if (!(['alpha', 'beta', 'phi', 'psi'] as const).some((key) => values.has(key))) return undefined;
  values.require('alpha', '0.34');
  values.require('beta', '0.28');
  return {
    alpha: values.number('alpha')!,
    beta: values.number('beta')!,
    phi: values.number('phi') ?? ATLAS_CURSE_EXPONENTS.phi,
    psi: values.number('psi') ?? ATLAS_CURSE_EXPONENTS.psi,
  };
}

/** A run of N parameters on D tokens over K languages, and the run at equal loss over K′ (each quantity times its factor). */
function scaledRuns(scaling: LanguageScaling, params: number, tokens: number): ScaledRuns {
  const base: LanguageRun = { params, tokens, tokensPerLanguage: tokens / scaling.fromLanguages, compute: trainingCompute(params, tokens) };
  return {
    base,
    scaled: {
      params: base.params * scaling.params,
      tokens: base.tokens * scaling.totalTokens,
      tokensPerLanguage: base.tokensPerLanguage * scaling.tokensPerLanguage,
      compute: base.compute * scaling.compute,
    },
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
    return values.number(key)!;
  };
  const from = count('from', '8');
  const to = count('to', '32');
  const fit = curseFitOf(values);
  const exponents = fit
    ? atSpan(values.property('alpha')!.value.span, () => isoLossExponents(fit.alpha, fit.beta, fit))
    : ATLAS_ISO_LOSS_EXPONENTS;
  const scaling = languageScaling(from, to, exponents);
  const runs = values.has('params')
    ? scaledRuns(scaling, values.positive('params', 'params')!, values.positive('tokens', 'tokens')!)
    : undefined;
  // ATLAS's ϕ and ψ paired with other exponents, when that changes the answer.
  const mixed = fit && mixedExponentsWarning(fit);
  return languagesPayload(scaling, runs, fit, mixed ? [mixed] : [], statement.span.line + 1);
}

/**
 * `transfer TARGET [params=N] [lambda=λ] [law=NAME]` with an indented table `language, tokens,
 * unique, tau`: ATLAS's effective data for the target language, and the loss it buys.
 */
export function evaluateTransfer(context: EvaluationContext): ResultPayload {
  const { statement, scope } = context;
  const target = statement.name;
  if (!target || statement.positionals.length > 0) {
    throw errorAt(
      target?.span ?? statement.keywordSpan,
      'syntax',
      '"transfer" needs the target language and a table of languages under it',
      'write: transfer catalan params=2B, then indented lines: language, tokens, unique, tau',
    );
  }
  const block = statement.block;
  if (!block)
    throw errorAt(
      statement.span,
      'syntax',
      `"transfer ${target.name}" needs a table of languages`,
      'add indented lines under it: language, tokens, unique, tau — then one line per language',
    );
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
  const law = lawFor(values, scope);
  const params = values.positive('params', 'params');
  const everyToken = data.terms.reduce((sum, term) => sum + term.tokens, 0);
  const losses =
    params === undefined
      ? undefined
      : {
          law: law.id,
          params,
          withTransfer: law.loss(params, data.total),
          targetOnly: law.loss(params, data.terms[0].saturated),
          allTokens: law.loss(params, everyToken),
        };
  return transferPayload(target.name, data, lambda, losses && { losses, everyToken }, statement.span.line + 1);
}
