import { MAX_SAMPLES, formatScientific } from '../../core';
import { evaluateCoverage } from '../evaluator/testTimeStatements';
import { DEFAULT_COVERAGE_SAMPLES } from '../evaluator/defaultRanges';
import type { StatementForm } from '../statementForm';
import { atMostOne, fraction, numbers, range } from './propertyTypes';

export const COVERAGE: StatementForm = {
  keyword: 'coverage',
  role: 'query',
  name: 'none',
  doc: 'Coverage from repeated sampling: the share of problems at least one of k samples solves — 1 − (1 − p)^k for one per-sample success rate p, 1 − B(a, b + k)/B(a, b) for rates spread as Beta(a, b) — with −ln coverage and its power law in k (slope −a for large k), the samples a target needs, and a chart.',
  syntax: 'coverage p=RATE | beta=A,B [samples=FROM..TO] [target=90%]',
  example: 'coverage beta=0.3,3 samples=1..10000 target=90%',
  properties: {
    p: fraction('one per-sample success rate, the same for every problem', 'a fraction like 0.05 or 5%'),
    beta: numbers(
      'shapes a, b of the Beta distribution of per-problem success rates; a sets the hard-problem tail p^(a−1), and −ln coverage falls as k^(−a)',
      'two numbers like 0.3,3',
      2,
    ),
    samples: range(
      `samples per problem swept (at most ${formatScientific(MAX_SAMPLES)})`,
      'a range of whole numbers like 1..10000',
      DEFAULT_COVERAGE_SAMPLES,
      true,
    ),
    target: fraction('a coverage to reach: the fewest samples per problem that get there', 'a percentage like 90%'),
  },
  constraints: [atMostOne(['p', 'beta'], 'p is one rate for every problem; beta spreads the rates over the problems')],
  evaluate: (context) => evaluateCoverage(context),
};
