import { formatCount } from '../../core';
import { finalEvaluations, parseTrainingCurves, type CurveColumn } from '../../core/fit';
import type { NameNode, ValueNode } from '../ast';
import { errorAt } from '../diagnostics';
import { RESULT_PAYLOAD_VERSION, type ResultPayload } from '../output/resultPayload';
import { formatLoss } from '../../core/numberFormat';
import type { EvaluationContext } from './evaluationContext';
import type { DataDeclaration } from './scope';
import { StatementValues, atSpan } from './statementValues';

/** Runs listed under a declaration of training curves; the rest are counted. */
const PREVIEW_RUNS = 12;

function header(node: ValueNode, key: string): string {
  if (node.type === 'string') return node.value;
  if (node.type === 'name') return node.name;
  throw errorAt(node.span, 'invalid-value', `${key} must be a column header, e.g. ${key}="run_id"`);
}

/**
 * `data NAME from "curves.jsonl"` when the file holds training curves (one row per evaluation):
 * declares the curves for `fit NAME approach=envelope`, and each run's last evaluation as its
 * finished run for the other approaches.
 */
export function evaluateCurvesData(
  context: EvaluationContext,
  name: NameNode,
  text: string,
  origin: string,
  span: ValueNode['span'],
): ResultPayload {
  const { statement, scope } = context;
  const values = new StatementValues(statement);
  const columns: Partial<Record<CurveColumn, string>> = {};
  for (const [key, column] of [
    ['run', 'run'],
    ['params', 'params'],
    ['tokens', 'tokens'],
    ['step', 'step'],
    ['loss', 'loss'],
  ] as const) {
    const property = values.property(key);
    if (property) columns[column] = header(property.value, key);
  }
  const tokensPerStep = values.positive('tokens_per_step', 'tokens per step');
  const parsed = atSpan(span, () => parseTrainingCurves(text, { columns, ...(tokensPerStep !== undefined ? { tokensPerStep } : {}) }));
  const points = atSpan(span, () => finalEvaluations(parsed.curves));
  const declaration: DataDeclaration = {
    kind: 'data',
    name: name.name,
    points,
    curves: parsed.curves,
    summary: parsed.summary,
    domains: [],
    site: { cellIndex: context.cellIndex, span: name.span },
  };
  scope.declare(declaration, name.span);
  const shown = parsed.curves.slice(0, PREVIEW_RUNS);
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'data',
    title: `${name.name}: training curves of ${parsed.curves.length} runs (${parsed.evaluations} evaluations) from ${origin}`,
    line: statement.span.line + 1,
    tables: [
      {
        columns: ['run', 'N', 'evaluations', 'tokens seen', 'last loss'],
        align: ['left', 'right', 'right', 'right', 'right'],
        rows: shown.map((curve) => {
          const last = curve.evaluations[curve.evaluations.length - 1];
          return [
            curve.run,
            formatCount(curve.params),
            String(curve.evaluations.length),
            `${formatCount(curve.evaluations[0].tokens)}–${formatCount(last.tokens)}`,
            formatLoss(last.loss),
          ];
        }),
      },
    ],
    notes: [
      `Columns: ${parsed.summary}.`,
      ...(parsed.ignoredColumns.length > 0 ? [`Ignored columns: ${parsed.ignoredColumns.join(', ')}.`] : []),
      ...(parsed.curves.length > shown.length ? [`…and ${parsed.curves.length - shown.length} more runs.`] : []),
      `One row per evaluation: fit ${name.name} approach=envelope reads the curves (Approach 1); other fits use each run's last ` +
        `evaluation.`,
    ],
    data: { name: name.name, curves: parsed.curves.length, evaluations: parsed.evaluations, summary: parsed.summary },
  };
}
