import { evaluateLanguages } from '../evaluator/languageStatements';
import type { StatementForm } from '../statementForm';
import { count, plainNumber, together, whole } from './propertyTypes';

export const LANGUAGES: StatementForm = {
  keyword: 'languages',
  role: 'query',
  name: 'none',
  doc: 'The curse of multilinguality (Longpre et al. 2026, ATLAS): going from K to K′ languages at equal per-language loss takes N ∝ r^0.243, total data ∝ r^0.728 and compute ∝ r^0.97 (r = K′/K); or the exponents ϕ/α and 1 + ψ/β of your own α, β. With a chart over the number of languages.',
  syntax: 'languages from=K to=K′ [params=N tokens=D] [alpha=… beta=… [phi=0.11 psi=-0.04]]',
  example: 'languages from=8 to=32 params=7B tokens=1T',
  properties: {
    from: whole('languages the run is trained on now', 'a whole number like 8', 1),
    to: whole('languages to support at the same per-language loss', 'a whole number like 32', 1),
    params: count('parameters of the run with `from` languages, to scale', 'a count like 7B'),
    tokens: count('total training tokens of the run with `from` languages', 'a count like 1T'),
    alpha: plainNumber('α of your curse-of-multilinguality fit (with beta=): N ∝ r^(ϕ/α)', 'a number like 0.34'),
    beta: plainNumber('β of your fit (with alpha=): D_total ∝ r^(1+ψ/β)', 'a number like 0.28'),
    phi: plainNumber('ϕ, the exponent of K in the size term (ATLAS: 0.11)', 'a number like 0.11'),
    psi: plainNumber('ψ, the exponent of K in the data term (ATLAS: −0.04)', 'a number like -0.04'),
  },
  constraints: [together(['params', 'tokens'], 'params=7B tokens=1T'), together(['alpha', 'beta'], 'alpha=0.34 beta=0.28')],
  evaluate: (context) => evaluateLanguages(context),
};
