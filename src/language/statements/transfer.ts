import { evaluateTransfer } from '../evaluator/languageStatements';
import type { StatementForm } from '../statementForm';
import { LAW_PROPERTY, count, plainNumber } from './propertyTypes';

export const TRANSFER: StatementForm = {
  keyword: 'transfer',
  role: 'query',
  name: 'language',
  positionals: true,
  // `transfer TARGET …` always owns its table of languages.
  ownsBlock: (statement) => statement.positionals.length === 0,
  doc: "ATLAS's effective data for a target language (Longpre et al. 2026): D_eff = S_λ(D_t; U_t) + Σᵢ τᵢ·S_λ(Dᵢ; Uᵢ), each language's tokens discounted for repetition by S_λ and weighted by its transfer τ, from an indented table; with params=, the loss it buys under the active law.",
  syntax: 'transfer TARGET [params=N] [lambda=λ] [law=NAME], then indented lines: language, tokens, unique, tau',
  example: 'transfer catalan params=2B lambda=0.5',
  properties: {
    params: count('model size: the loss with D_eff, with the target alone, and counting every token as the target’s', 'a count like 2B'),
    lambda: plainNumber(
      'λ of S_λ: each epoch beyond the first is worth e^−λ of the one before (needed when a language repeats its data)',
      'a number like 0.5',
    ),
    law: LAW_PROPERTY,
  },
  evaluate: (context) => evaluateTransfer(context),
};
