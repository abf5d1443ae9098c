import { computeOptimalAllocation, formatRatio } from '../../core';
import { allocationChart, isoflopProfilesChart, trainingCurvesChart, type ChartSpec } from '../../charts';
import {
  fitAllocationApproach,
  predictAllocation,
  type AllocationBootstrapOptions,
  type ChinchillaBootstrap,
  type ChinchillaFit,
  type EnvelopeFit,
  type IsoflopFit,
} from '../../core/fit';
import { errorAt } from '../diagnostics';
import { allocationFitPayload, APPROACH_TITLES, predictionTable, type NamedPrediction } from '../output/approachPayload';
import { intervalText } from '../output/fitPayload';
import type { ResultPayload, ResultTable } from '../output/resultPayload';
import { closestWord } from '../closestWord';
import { bootstrapConfidence } from './checkedValues';
import type { EvaluationContext } from './evaluationContext';
import type { DataDeclaration, Scope } from './scope';
import { StatementValues, atSpan } from './statementValues';
import { FIT_APPROACHES, type FitApproach } from '../statements/fitApproaches';

/** The approach a `fit` line asks for: `approach=…`, parametric when absent. */
export function fitApproach(values: StatementValues): FitApproach {
  const nodes = values.names('approach');
  if (!nodes) return 'parametric';
  const [node, ...extra] = nodes;
  if (extra.length > 0) throw errorAt(extra[0].span, 'invalid-value', 'approach= takes one approach', 'use approach=all to compare them');
  const approach = FIT_APPROACHES.find((candidate) => candidate === node.name.toLowerCase());
  if (!approach) {
    const suggestion = closestWord(node.name, FIT_APPROACHES);
    throw errorAt(
      node.span,
      'invalid-value',
      `unknown approach "${node.name}"`,
      suggestion ? `did you mean "${suggestion}"?` : `use approach=${FIT_APPROACHES.join('|')}`,
    );
  }
  return approach;
}

/** The within-budget bootstrap a line asks for with bootstrap=N [seed=S] [confidence=…]; none when bootstrap is 0 or absent. */
function bootstrapOptions(values: StatementValues): AllocationBootstrapOptions | undefined {
  const samples = values.number('bootstrap') ?? 0;
  if (samples === 0) return undefined;
  const confidence = bootstrapConfidence(values);
  return { samples, seed: values.number('seed') ?? 1, ...(confidence !== undefined ? { confidence } : {}) };
}

/** The budgets declared above, by name, in order. */
function declaredBudgets(scope: Scope): { name: string; compute: number }[] {
  return scope
    .all()
    .flatMap((declaration) => (declaration.kind === 'budget' ? [{ name: declaration.name, compute: declaration.compute }] : []));
}

function predictionsAt(fit: IsoflopFit | EnvelopeFit, budgets: readonly { name: string; compute: number }[]): NamedPrediction[] {
  return budgets.map((budget) => ({ name: budget.name, ...predictAllocation(fit, budget.compute) }));
}

/**
 * `fit DATA approach=isoflop|envelope [bootstrap=N seed=S confidence=…]`: Hoffmann et al. 2022's
 * Approach 2 or 1 (Sec. 3.2, 3.1). The allocation is kept under the data set's name for
 * `optimal BUDGET law=DATA`; the active law is unchanged, since an allocation predicts no loss.
 */
export function evaluateAllocationFit(
  context: EvaluationContext,
  data: DataDeclaration,
  values: StatementValues,
  approach: 'isoflop' | 'envelope',
): ResultPayload {
  const { statement, scope } = context;
  const nameSpan = statement.name!.span;
  // These shape the parametric fit only; silently ignoring them would mislead.
  const parametricOnly = ['delta', 'predict', 'E', 'A', 'B', 'alpha', 'beta'].find((key) => values.has(key));
  if (parametricOnly) {
    throw errorAt(
      values.property(parametricOnly)!.keySpan,
      'invalid-value',
      `${parametricOnly}= is for the parametric fit, not approach=${approach}`,
      'remove it, or fit with approach=parametric',
    );
  }
  const fit = atSpan(nameSpan, () => fitAllocationApproach(approach, data, bootstrapOptions(values)));
  scope.setAllocationFit(data.name, fit);
  const budgets = declaredBudgets(scope);
  const chart = fit.approach === 'isoflop' ? isoflopProfilesChart(fit, data.name) : trainingCurvesChart(fit, data.name);
  return allocationFitPayload(data.name, fit, predictionsAt(fit, budgets), chart, statement.span.line + 1);
}

/** One row of the Table-2-like comparison: a, b and their intervals, or why the approach does not apply. */
function comparisonRow(
  title: string,
  a: number,
  b: number,
  aInterval?: { low: number; high: number },
  bInterval?: { low: number; high: number },
): string[] {
  const format = (value: number) => formatRatio(value, 3);
  return [title, intervalText(a, aInterval, format), intervalText(b, bInterval, format)];
}

/**
 * `fit DATA approach=all`: the parametric fit's payload (already evaluated), followed by a table
 * like Hoffmann et al. 2022's Table 2 — a and b from each approach the data allow, Approach 3's as
 * β/(α+β) and α/(α+β) — and each approach's N_opt and D_opt at the budgets declared above.
 */
export function withAllApproaches(
  context: EvaluationContext,
  data: DataDeclaration,
  values: StatementValues,
  parametric: ResultPayload,
  outcome: { fit: ChinchillaFit; bootstrap?: ChinchillaBootstrap },
): ResultPayload {
  const bootstrap = bootstrapOptions(values);
  const budgets = declaredBudgets(context.scope);
  const rows: string[][] = [];
  const notes: string[] = [];
  const predictions: ResultTable[] = [];
  for (const approach of ['envelope', 'isoflop'] as const) {
    if (approach === 'envelope' && !data.curves) {
      notes.push(`${APPROACH_TITLES.envelope}: not applicable, ${data.name} has no training curves.`);
      continue;
    }
    try {
      const fit = fitAllocationApproach(approach, data, bootstrap);
      if (approach === 'isoflop' || !context.scope.allocationFitOf(data.name)) context.scope.setAllocationFit(data.name, fit);
      rows.push(
        comparisonRow(
          APPROACH_TITLES[approach],
          fit.params.exponent,
          fit.tokens.exponent,
          fit.intervals?.paramsExponent,
          fit.intervals?.tokensExponent,
        ),
      );
      predictions.push(...predictionTable(predictionsAt(fit, budgets), `${APPROACH_TITLES[approach]}: allocation at the budgets above`));
      notes.push(...fit.warnings.map((warning) => `${APPROACH_TITLES[approach]}: ${warning}`));
    } catch (error) {
      notes.push(`${APPROACH_TITLES[approach]}: not applicable, ${(error as Error).message}.`);
    }
  }
  const { fit, bootstrap: parametricBootstrap } = outcome;
  const a = parametricBootstrap?.constants.paramsExponent;
  // b = α/(α+β) = 1 − a, so its interval is a's reflected.
  rows.push(
    comparisonRow(APPROACH_TITLES.parametric, fit.paramsExponent, 1 - fit.paramsExponent, a, a && { low: 1 - a.high, high: 1 - a.low }),
  );
  const law = context.scope.fitOf(data.name)?.law;
  if (law && budgets.length > 0) {
    predictions.push(
      ...predictionTable(
        budgets.map((budget) => {
          const { params, tokens } = computeOptimalAllocation(law, budget.compute);
          return { name: budget.name, compute: budget.compute, params, tokens };
        }),
        `${APPROACH_TITLES.parametric}: allocation at the budgets above`,
      ),
    );
  }
  const table: ResultTable = {
    caption: `a and b by approach, as in Hoffmann et al. 2022, Table 2 (they found 0.50/0.50, 0.49/0.51 and 0.46/0.54)`,
    columns: ['approach', 'a (N_opt ∝ C^a)', 'b (D_opt ∝ C^b)'],
    align: ['left', 'right', 'right'],
    rows,
  };
  return {
    ...parametric,
    title: `Three approaches fitted to ${data.name}`,
    tables: [table, ...predictions, ...parametric.tables],
    notes: [
      ...notes,
      'Approaches disagree when the loss surface is not the Chinchilla form everywhere, when sizes are not centred on each optimum ' +
        '(the parabola is biased), or when curves come from long cosine schedules (Besiroglu et al. 2024; Hoffmann et al. 2022, Sec. 3.4).',
      ...parametric.notes,
    ],
  };
}

/**
 * `plot allocation DATA [compute=C,…]`: N_opt and D_opt against compute for the allocation fitted to
 * DATA (Hoffmann et al. 2022, Fig. 3), extrapolated dashed to the given budgets, or to the budgets
 * declared above, with the bootstrap band when the fit had one.
 */
export function plotAllocation({ context, values }: { context: EvaluationContext; values: StatementValues }): {
  chart: ChartSpec;
  tables: ResultTable[];
} {
  const [dataNode, ...rest] = context.statement.positionals;
  if (dataNode?.type !== 'name' || rest.length > 0) {
    throw errorAt(
      dataNode?.span ?? context.statement.span,
      'syntax',
      '"plot allocation" needs one data set',
      'write: plot allocation DATA, after fit DATA approach=isoflop',
    );
  }
  const fit = context.scope.allocationFitOf(dataNode.name);
  if (!fit) {
    if (context.scope.lookup(dataNode.name)?.kind !== 'data')
      throw context.scope.unknown(dataNode, 'data set', context.scope.namesOf('data'));
    throw errorAt(
      dataNode.span,
      'invalid-value',
      `${dataNode.name} has no allocation fit`,
      `add a line "fit ${dataNode.name} approach=isoflop" (or envelope) above`,
    );
  }
  const computes = values.numberList('compute');
  const targets = computes ? computes.map((compute) => ({ name: formatRatio(compute), compute })) : declaredBudgets(context.scope);
  const predictions = targets.map((target) => ({ name: target.name, ...predictAllocation(fit, target.compute) }));
  return {
    chart: allocationChart(fit, dataNode.name, targets),
    tables: predictionTable(predictions, 'Compute-optimal allocation at the marked budgets'),
  };
}
