import { chinchillaConstantsOf, costPerFlop, inferenceAwareForCompute, inferenceAwareOptimum, type ScalingLaw } from '../../core';
import { inferenceCostChart, type ChartSpec } from '../../charts';
import type { NameNode } from '../ast';
import { errorAt } from '../diagnostics';
import { inferenceAwarePayload, inferenceAwareTable, type ServingAnswer } from '../output/inferenceAwarePayload';
import type { ResultPayload, ResultTable } from '../output/resultPayload';
import type { EvaluationContext } from './evaluationContext';
import { computeNamed } from './namedCompute';
import { StatementValues, atSpan } from './statementValues';

/**
 * Answers "which model reaches this loss with the least training + inference FLOPs?" (Sardana et
 * al. 2023) for `loss=L`, `compute=C`, or a budget or model name (`budgetNode`): a budget's target
 * is the loss its compute-optimal model reaches, and a priced budget turns FLOPs into dollars.
 */
function answerServing(
  values: StatementValues,
  context: EvaluationContext,
  law: ScalingLaw,
  budgetNode: NameNode | undefined,
): ServingAnswer {
  const { statement, scope } = context;
  const serve = values.require('serve', '2T');
  const lawSpan = values.property('law')?.value.span ?? values.property('laws')?.value.span ?? serve.keySpan;
  atSpan(lawSpan, () => chinchillaConstantsOf(law));
  const inferenceTokens = values.positive('serve', 'tokens served')!;
  if (values.has('loss')) {
    const other = budgetNode?.span ?? values.property('compute')?.keySpan;
    if (other)
      throw errorAt(
        other,
        'invalid-value',
        'give a target loss or a budget, not both',
        'a budget sets the target to the loss its compute-optimal model reaches',
      );
    const targetLoss = values.positive('loss', 'target loss')!;
    return { law, optimum: atSpan(values.property('loss')!.value.span, () => inferenceAwareOptimum(law, targetLoss, inferenceTokens)) };
  }
  if (!budgetNode && !values.has('compute')) {
    throw errorAt(
      statement.keywordSpan,
      'missing-property',
      `"${statement.keyword}" with serve= needs a target: loss=…, compute=… or a budget name`,
      'e.g. loss=1.95 serve=2T, or cluster serve=10T',
    );
  }
  const named = budgetNode ? computeNamed(scope, budgetNode) : { compute: values.positive('compute', 'compute')! };
  const name = budgetNode?.name ?? 'this budget';
  const optimum = atSpan(budgetNode?.span ?? values.property('compute')!.value.span, () =>
    inferenceAwareForCompute(law, named.compute, inferenceTokens),
  );
  const perFlop = named.hardware && costPerFlop(named.hardware);
  return {
    law,
    optimum,
    budget: { name, compute: named.compute },
    ...(perFlop !== undefined ? { price: { costPerFlop: perFlop, source: name } } : {}),
  };
}

/** `optimal loss=L serve=TOKENS`, `optimal BUDGET serve=TOKENS`, `optimal compute=C serve=TOKENS`. */
export function evaluateServingOptimal(context: EvaluationContext, values: StatementValues, law: ScalingLaw): ResultPayload {
  if (values.has('params')) {
    throw errorAt(
      values.property('params')!.keySpan,
      'invalid-value',
      'serve= sizes a model for a target loss or a budget, not for a given size',
      'write: optimal loss=1.95 serve=2T, or optimal BUDGET serve=2T',
    );
  }
  const payload = inferenceAwarePayload(answerServing(values, context, law, context.statement.name), context.statement.span.line + 1);
  const { name } = context.statement;
  const isModel = name && context.scope.lookup(name.name)?.kind !== 'budget' && context.scope.findModel(name.name);
  const figure = name && isModel ? computeNamed(context.scope, name).figure : undefined;
  return figure ? { ...payload, notes: [...payload.notes, figure] } : payload;
}

/** `plot inference-cost loss=L serve=TOKENS` (or a budget name, or compute=C): lifetime cost against model size. */
export function inferenceCostPlot(
  context: EvaluationContext,
  values: StatementValues,
  laws: readonly ScalingLaw[],
  points: number | undefined,
): { chart: ChartSpec; tables: ResultTable[] } {
  const [budgetNode, ...rest] = context.statement.positionals;
  if (rest.length > 0 || (budgetNode && budgetNode.type !== 'name')) {
    throw errorAt(
      (rest[0] ?? budgetNode).span,
      'syntax',
      '"plot inference-cost" takes at most one budget name',
      'write: plot inference-cost cluster serve=10T, or plot inference-cost loss=1.95 serve=2T',
    );
  }
  if (laws.length !== 1)
    throw errorAt(values.property('laws')!.value.span, 'invalid-value', 'inference-cost draws one law', 'write laws=epoch');
  const compute = values.property('compute')?.value;
  if (compute && (compute.type === 'range' || compute.type === 'list'))
    throw errorAt(compute.span, 'invalid-value', 'inference-cost takes one compute budget', 'write compute=1e24');
  const answer = answerServing(values, context, laws[0], budgetNode?.type === 'name' ? budgetNode : undefined);
  const params = values.range('params');
  const chart = inferenceCostChart({
    law: answer.law,
    targetLoss: answer.optimum.targetLoss,
    inferenceTokens: answer.optimum.inferenceTokens,
    ...(params ? { params } : {}),
    ...(answer.price ? { costPerFlop: answer.price.costPerFlop } : {}),
    ...(points ? { points } : {}),
  });
  return { chart, tables: [inferenceAwareTable(answer)] };
}
