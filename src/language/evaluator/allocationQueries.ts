import { formatFlops } from '../../core';
import { computeForParams, predictAllocation, type AllocationFit } from '../../core/fit';
import { errorAt } from '../diagnostics';
import { APPROACH_TITLES, predictionTable } from '../output/approachPayload';
import { RESULT_PAYLOAD_VERSION, type ResultPayload } from '../output/resultPayload';
import type { EvaluationContext } from './evaluationContext';
import { computeNamed } from './namedCompute';
import type { Scope } from './scope';
import { StatementValues, atSpan } from './statementValues';

/**
 * The allocation fit `law=DATA` names on this line when DATA was fitted by Approach 1 or 2 and has
 * no loss law (after `approach=all` it has one, and the law answers).
 */
export function allocationNamed(values: StatementValues, scope: Scope): { name: string; fit: AllocationFit } | undefined {
  const names = values.names('law');
  if (names?.length !== 1) return undefined;
  const fit = scope.allocationFitOf(names[0].name);
  if (!fit || scope.lookup(names[0].name)?.kind !== 'data' || scope.fitOf(names[0].name)) return undefined;
  return { name: names[0].name, fit };
}

/**
 * `optimal BUDGET law=DATA` (or compute=C, params=N) under an allocation fitted by Approach 1 or 2:
 * N_opt = G·C^a and D_opt = H·C^b, with intervals after a bootstrap. An allocation says where the
 * optimum lies, not the loss there, so loss questions are refused with the reason.
 */
export function evaluateAllocationOptimal(
  context: EvaluationContext,
  values: StatementValues,
  allocation: { name: string; fit: AllocationFit },
): ResultPayload {
  const { statement, scope } = context;
  const { name, fit } = allocation;
  for (const key of ['loss', 'serve', 'unique'] as const) {
    if (values.has(key)) {
      throw errorAt(
        values.property(key)!.keySpan,
        'invalid-value',
        `${name}'s fit (${APPROACH_TITLES[fit.approach]}) is an allocation only: it says which N and D are optimal at a budget, not ` +
          `what loss they reach, so it cannot answer ${key}=`,
        `fit ${name} (approach=parametric) for a loss law`,
      );
    }
  }
  const modes = ['compute', 'params'].filter((key) => values.has(key));
  if (modes.length + (statement.name ? 1 : 0) !== 1) {
    throw errorAt(
      statement.keywordSpan,
      'syntax',
      '"optimal" needs exactly one of: a budget or model name, compute=… or params=…',
      `e.g. optimal cluster law=${name}`,
    );
  }
  let label: string;
  let compute: number;
  if (statement.name) {
    compute = computeNamed(scope, statement.name).compute;
    label = statement.name.name;
  } else if (values.has('params')) {
    const params = values.positive('params', 'params')!;
    compute = atSpan(values.property('params')!.value.span, () => computeForParams(fit, params));
    const { span } = values.property('params')!.value;
    label = `the budget where ${statement.lineText.slice(span.start, span.end)} is optimal`;
  } else {
    compute = values.positive('compute', 'compute')!;
    label = 'this budget';
  }
  const prediction = predictAllocation(fit, compute);
  const last = fit.optima[fit.optima.length - 1].compute;
  const first = fit.optima[0].compute;
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'optimal',
    title: `Compute-optimal allocation for ${label} under the allocation fitted to ${name} (allocation only)`,
    line: statement.span.line + 1,
    tables: predictionTable([{ name: label, ...prediction }], `${APPROACH_TITLES[fit.approach]}: N_opt = G·C^a, D_opt = H·C^b`),
    notes: [
      `Allocation only: ${name} was fitted by ${APPROACH_TITLES[fit.approach]}, which gives N and D, not a loss; for predicted ` +
        `loss, cost comparisons across laws or verdicts, fit ${name} (approach=parametric).`,
      ...(compute > last || compute < first
        ? [`${label} lies outside the budgets fitted (${formatFlops(first)} to ${formatFlops(last)}): the line is extrapolated.`]
        : []),
    ],
    data: {
      law: name,
      approach: fit.approach,
      allocationOnly: true,
      compute,
      params: prediction.params,
      tokens: prediction.tokens,
      ...(prediction.paramsInterval ? { paramsInterval: prediction.paramsInterval, tokensInterval: prediction.tokensInterval } : {}),
    },
  };
}
