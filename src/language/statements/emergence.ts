import { evaluateEmergence } from '../evaluator/emergenceStatement';
import type { StatementForm } from '../statementForm';
import { LAW_PROPERTY, atMostOne, count, fraction, plainNumber, range } from './propertyTypes';

export const EMERGENCE: StatementForm = {
  keyword: 'emergence',
  role: 'query',
  name: 'none',
  doc: 'Emergence as a metric artefact (Schaeffer et al. 2023): the per-token loss L falls smoothly with N while exact match over an ℓ-token answer, p^ℓ with p = e^(−(L − offset)), sits near 0 and then jumps. Table along N, where exact match reaches 1%, 10%, the threshold and 90%, and a paired chart.',
  syntax: 'emergence answer=ℓ [params=FROM..TO] [tokens=D | ratio=D/N] [offset=0|E] [threshold=50%] [law=NAME]',
  example: 'emergence answer=20 params=1e8..1e14 offset=E',
  properties: {
    answer: plainNumber('ℓ: tokens in the answer, every one of which must be right', 'a number like 20'),
    params: range('model sizes swept (default 1e8..1e14)', 'a range like 1e8..1e14'),
    tokens: count("train every size on this many tokens (default: the law's compute-optimal D for each N)", 'a count like 300B'),
    ratio: plainNumber('train every size on this many tokens per parameter instead', 'a number like 20'),
    offset: plainNumber(
      "nats taken off L before p = e^(−(L − offset)): 0, the paper's stylised p = e^(−L), is the default; E, the law's irreducible loss, counts only the reducible loss",
      'a number like 0, or E',
    ),
    threshold: fraction('the exact-match level whose crossing is reported and marked', 'a percentage like 50%'),
    law: LAW_PROPERTY,
  },
  constraints: [atMostOne(['tokens', 'ratio'], 'tokens= trains every size on the same data, ratio= scales the data with the size')],
  evaluate: (context) => evaluateEmergence(context),
};
