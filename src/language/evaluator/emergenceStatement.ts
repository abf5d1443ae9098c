import {
  decadeStops,
  emergencePoint,
  emergenceTransition,
  requireEmergenceSettings,
  requireExactMatchLevel,
  type ScalingLaw,
  type TrainingTokensRule,
} from '../../core';
import { errorAt } from '../diagnostics';
import { emergencePayload, type EmergenceAnswer, type EmergenceQuestion } from '../output/emergencePayload';
import type { ResultPayload } from '../output/resultPayload';
import { checkedNumber } from './checkedValues';
import { DEFAULT_EMERGENCE_PARAMS, DEFAULT_EMERGENCE_THRESHOLD } from './defaultRanges';
import type { EvaluationContext } from './evaluationContext';
import { lawFor } from './queries';
import { StatementValues, atSpan } from './statementValues';

/** `tokens=D` (fixed), `ratio=R` (D = R·N) or neither (the law's compute-optimal D). */
function trainingOf(values: StatementValues): TrainingTokensRule {
  if (values.has('tokens')) return { kind: 'fixed', tokens: values.positive('tokens', 'tokens')! };
  if (values.has('ratio')) return { kind: 'ratio', tokensPerParam: values.positive('ratio', 'tokens per parameter')! };
  return { kind: 'optimal' };
}

/** `offset=1.2`, or `offset=E` for the law's irreducible loss; 0 (the paper's p = e^(−L)) when absent. */
function offsetOf(values: StatementValues, law: ScalingLaw): number {
  const value = values.property('offset')?.value;
  if (value?.type === 'name') {
    if (value.name.toLowerCase() === 'e') return law.irreducibleLoss;
    throw errorAt(
      value.span,
      'invalid-value',
      `offset takes a number of nats or E, not "${value.name}"`,
      "write offset=E for the law's irreducible loss, or offset=0",
    );
  }
  return values.number('offset') ?? 0;
}

/** Loss, p and exact match at each decade of the swept N, and where exact match crosses each level. */
function emergenceAnswer(question: EmergenceQuestion): EmergenceAnswer {
  const { law, settings, params, threshold } = question;
  return {
    ...question,
    points: decadeStops(...params).map((size) => emergencePoint(law, size, settings)),
    transition: emergenceTransition(law, settings, params, threshold),
  };
}

/** `emergence answer=ℓ [params=FROM..TO] [tokens=D | ratio=R] [offset=0|E] [threshold=50%] [law=NAME]`. */
export function evaluateEmergence(context: EvaluationContext): ResultPayload {
  const { statement, scope } = context;
  const values = new StatementValues(statement);
  values.require('answer', '20');
  const law = lawFor(values, scope);
  const settings = {
    answerTokens: values.positive('answer', 'answer tokens')!,
    offset: offsetOf(values, law),
    training: trainingOf(values),
  };
  atSpan(values.property('offset')?.value.span ?? statement.keywordSpan, () => requireEmergenceSettings(law, settings));
  const threshold =
    checkedNumber(values, 'threshold', (level) => requireExactMatchLevel(level, 'threshold'), { unit: 'percent' }) ??
    DEFAULT_EMERGENCE_THRESHOLD;
  const params = values.range('params') ?? DEFAULT_EMERGENCE_PARAMS;
  return atSpan(statement.span, () => emergencePayload(emergenceAnswer({ law, settings, params, threshold }), statement.span.line + 1));
}
