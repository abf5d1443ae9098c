import { constrainedAllocation, estimateRepetition, type RepetitionEstimate, type ScalingLaw } from '../../core';
import { errorAt } from '../diagnostics';
import type { NameNode } from '../ast';
import { constrainedAllocationPayload } from '../output/constrainedAllocationPayload';
import type { RepetitionRow } from '../output/repetitionTables';
import type { ResultPayload } from '../output/resultPayload';
import { hardwareTable } from '../output/resultTables';
import type { EvaluationContext } from './evaluationContext';
import { computeNamed } from './namedCompute';
import type { ModelDeclaration } from './scope';
import { StatementValues, atSpan } from './statementValues';

/**
 * What repeating its unique tokens does to a model declared with `unique=`, under `law`; undefined
 * for a model trained on fresh data. The law sees the active parameters.
 */
export function repetitionOf(law: ScalingLaw, model: ModelDeclaration): RepetitionEstimate | undefined {
  if (model.uniqueTokens === undefined) return undefined;
  return estimateRepetition(law, { params: model.activeParams ?? model.params, tokens: model.tokens, uniqueTokens: model.uniqueTokens });
}

/** A model named on a check or compare line, with the name's place for errors. */
export interface NamedModel {
  readonly node: NameNode;
  readonly model: ModelDeclaration;
}

/** The rows of a check's repetition table: the models declared with unique=, under `law`. */
export function repetitionRows(law: ScalingLaw, models: readonly NamedModel[]): RepetitionRow[] {
  return models.flatMap(({ node, model }) => {
    const estimate = atSpan(node.span, () => repetitionOf(law, model));
    return estimate ? [{ label: node.name, estimate, totalParams: model.params }] : [];
  });
}

/** The same for a comparison: each model declared with unique=, under each of `laws`. */
export function repetitionRowsByLaw(laws: readonly ScalingLaw[], models: readonly NamedModel[]) {
  return models
    .filter(({ model }) => model.uniqueTokens !== undefined)
    .map(({ node, model }) => ({ label: node.name, estimates: laws.map((law) => atSpan(node.span, () => repetitionOf(law, model)!)) }));
}

/**
 * `optimal BUDGET|MODEL unique=U` or `optimal compute=C unique=U`: the best model when only U unique
 * tokens exist, beside the compute-optimal model for unlimited data (Muennighoff et al. 2023).
 */
export function evaluateUniqueDataOptimal(context: EvaluationContext, values: StatementValues, law: ScalingLaw): ResultPayload {
  const { statement, scope } = context;
  const target = ['loss', 'params'].find((key) => values.has(key));
  if (target) {
    throw errorAt(
      values.property(target)!.keySpan,
      'invalid-value',
      `unique= finds the best model for a budget, not for ${target}=…`,
      'write: optimal BUDGET unique=500B, or optimal compute=1e24 unique=500B',
    );
  }
  const uniqueTokens = values.positive('unique', 'unique tokens')!;
  const named = statement.name ? computeNamed(scope, statement.name) : { compute: values.positive('compute', 'compute')! };
  const hardware =
    'hardware' in named && named.hardware
      ? hardwareTable(named.hardware, named.hardware.accelerators, named.hardware.hours, named.hardware.mfu)
      : undefined;
  const result = atSpan(values.property('unique')!.value.span, () => constrainedAllocation(law, named.compute, uniqueTokens));
  const payload = constrainedAllocationPayload(statement.name?.name ?? 'this budget', law, result, statement.span.line + 1, hardware);
  return 'figure' in named && named.figure ? { ...payload, notes: [...payload.notes, named.figure] } : payload;
}
