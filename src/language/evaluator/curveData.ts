import { formatCount } from '../../core';
import { finalEvaluations, parseTrainingCurves } from '../../core/fit';
import type { NameNode, ValueNode } from '../ast';
import type { ResultPayload } from '../output/resultPayload';
import { formatLoss } from '../../core/numberFormat';
import { declareDataSet, namedColumns } from './dataDeclaration';
import type { EvaluationContext } from './evaluationContext';
import { StatementValues, atSpan } from './statementValues';

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
  const values = new StatementValues(context.statement);
  const columns = namedColumns(values, ['run', 'params', 'tokens', 'step', 'loss'] as const, 'run_id');
  const tokensPerStep = values.positive('tokens_per_step', 'tokens per step');
  const parsed = atSpan(span, () => parseTrainingCurves(text, { columns, ...(tokensPerStep !== undefined ? { tokensPerStep } : {}) }));
  const points = atSpan(span, () => finalEvaluations(parsed.curves));
  return declareDataSet(
    context,
    name,
    { points, curves: parsed.curves, summary: parsed.summary, domains: [] },
    {
      title: `${name.name}: training curves of ${parsed.curves.length} runs (${parsed.evaluations} evaluations) from ${origin}`,
      rows: parsed.curves,
      table: (shown) => ({
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
      }),
      ignoredColumns: parsed.ignoredColumns,
      notes: [
        `One row per evaluation: fit ${name.name} approach=envelope reads the curves (Approach 1); other fits use each run's last ` +
          `evaluation.`,
      ],
      data: { name: name.name, curves: parsed.curves.length, evaluations: parsed.evaluations, summary: parsed.summary },
    },
  );
}
