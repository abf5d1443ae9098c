import {
  MAX_SAMPLES,
  QuantityError,
  bestTournament,
  formatCount,
  requireBetaShape,
  requireCompareRate,
  requireGenerateRate,
  requireSuccessRate,
  requireWholeNumber,
  samplesForTarget,
  tournamentBound,
  type SampleRange,
  type SuccessRates,
} from '../../core';
import { errorAt } from '../diagnostics';
import { coveragePayload } from '../output/coveragePayload';
import type { ResultPayload } from '../output/resultPayload';
import { formatWholeNumber } from '../../core/numberFormat';
import { tournamentPayload, type TournamentRow } from '../output/tournamentPayload';
import { checkedNumber } from './checkedValues';
import { coverageAnswer } from './coverageAnswer';
import { DEFAULT_COVERAGE_SAMPLES } from './defaultRanges';
import type { EvaluationContext } from './evaluationContext';
import { StatementValues, atSpan } from './statementValues';

/** `p=0.05` or `beta=a,b`: exactly one of them. */
function successRatesOf(values: StatementValues): SuccessRates {
  const { statement } = values;
  if (values.has('p')) return { kind: 'single', p: checkedNumber(values, 'p', (p) => requireSuccessRate(p, 'p'), { unit: 'percent' })! };
  if (!values.has('beta'))
    throw errorAt(
      statement.keywordSpan,
      'missing-property',
      '"coverage" needs p=… (one success rate) or beta=a,b (rates spread over the problems)',
      'e.g. coverage p=5%, or coverage beta=0.3,3',
    );
  const span = values.property('beta')!.value.span;
  const shapes = values.numberList('beta')!;
  if (shapes.length !== 2) throw errorAt(span, 'invalid-value', `beta takes two shapes a,b, got ${shapes.length}`, 'write beta=0.3,3');
  const rates = { kind: 'beta' as const, a: shapes[0], b: shapes[1] };
  atSpan(span, () => requireBetaShape(rates));
  return rates;
}

/** `samples=FROM..TO`, whole numbers from 1 up to MAX_SAMPLES. */
function sampleRangeOf(values: StatementValues): SampleRange {
  const range = values.range('samples');
  if (!range) return DEFAULT_COVERAGE_SAMPLES;
  atSpan(values.property('samples')!.value.span, () => {
    range.forEach((end) => requireWholeNumber(end, 'samples', 1));
    if (range[1] > MAX_SAMPLES)
      throw new QuantityError(`samples must be at most ${formatCount(MAX_SAMPLES)} per problem, got ${formatCount(range[1])}`);
  });
  return range;
}

/** `coverage p=RATE | beta=A,B [samples=FROM..TO] [target=90%]`. */
export function evaluateCoverage(context: EvaluationContext): ResultPayload {
  const { statement } = context;
  const values = new StatementValues(statement);
  const rates = successRatesOf(values);
  const samples = sampleRangeOf(values);
  const target = checkedNumber(values, 'target', (fraction) => samplesForTarget(fraction, rates), { unit: 'percent' });
  return atSpan(statement.span, () =>
    coveragePayload(coverageAnswer({ rates, samples, ...(target !== undefined ? { target } : {}) }), statement.span.line + 1),
  );
}

/** `tournament generate=P compare=P (candidates=N comparisons=K | calls=BUDGET)`. */
export function evaluateTournament(context: EvaluationContext): ResultPayload {
  const { statement } = context;
  const values = new StatementValues(statement);
  values.require('generate', '0.3');
  values.require('compare', '0.7');
  const rates = {
    generate: checkedNumber(values, 'generate', requireGenerateRate, { unit: 'percent' })!,
    compare: checkedNumber(values, 'compare', requireCompareRate, { unit: 'percent' })!,
  };
  const candidates = checkedNumber(values, 'candidates', (count) => requireWholeNumber(count, 'candidates', 1));
  const comparisons = checkedNumber(values, 'comparisons', (count) => requireWholeNumber(count, 'comparisons', 0));
  const calls = values.number('calls');
  const best = calls === undefined ? undefined : atSpan(values.property('calls')!.value.span, () => bestTournament(rates, calls));
  if (candidates === undefined && calls === undefined) {
    throw errorAt(
      statement.keywordSpan,
      'missing-property',
      '"tournament" needs candidates=N comparisons=K, or a budget calls=…',
      'e.g. candidates=16 comparisons=50, or calls=1000',
    );
  }
  const rows: TournamentRow[] = [
    ...(candidates !== undefined ? [{ label: 'as given', bound: tournamentBound(rates, { candidates, comparisons: comparisons! }) }] : []),
    ...(best !== undefined ? [{ label: `best within ${formatWholeNumber(calls!)} calls`, bound: best }] : []),
  ];
  return tournamentPayload(rates, rows, statement.span.line + 1, calls);
}
