import {
  MIXTURE_LAW_FORMS,
  formatCount,
  formatShares,
  mixtureResiduals,
  optimalMixture,
  uniformMixture,
  weightedTargetLoss,
  withDomainOrder,
  withDomainWeight,
  type MixtureRun,
  type MixtureTarget,
} from '../../core';
import { mixtureBarChart, mixtureWeightChart, type ChartSpec } from '../../charts';
import type { ValueNode } from '../ast';
import { errorAt } from '../diagnostics';
import { mixtureFitPayload, mixtureFormNote, optimalMixturePayload, type OptimalMixtureResult } from '../output/mixturePayload';
import type { ResultPayload, ResultTable } from '../output/resultPayload';
import { formatLoss } from '../../core/numberFormat';
import { closestWord } from '../closestWord';
import type { EvaluationContext } from './evaluationContext';
import { PendingResourceError, providedFit, type MixtureFitRequest } from './resources';
import type { DataDeclaration } from './scope';
import { StatementValues, atSpan } from './statementValues';

/** The runs of a data set with domain weights, as a mixture fit takes them. */
function mixtureRuns(data: DataDeclaration): MixtureRun[] {
  return data.points.map((point) => ({ ...point, weights: point.weights ?? [] }));
}

/**
 * `fit DATA mixture=joint|additive [delta=…] [seed=…]`: fits Shukor et al. 2025's mixture law to a
 * data set with domain weights. The fit runs where the caller runs fits (it takes a few hundred
 * milliseconds); the data set keeps its Chinchilla fit, if any, and the active law is unchanged.
 */
export function evaluateMixtureFit(context: EvaluationContext, data: DataDeclaration, values: StatementValues): ResultPayload {
  const { statement, scope, resources, pending } = context;
  const nameSpan = statement.name!.span;
  const [formNode, ...extra] = values.names('mixture')!;
  if (extra.length > 0)
    throw errorAt(extra[0].span, 'invalid-value', 'mixture= takes one law', 'fit one law per line: mixture=joint or mixture=additive');
  const form = MIXTURE_LAW_FORMS.find((candidate) => candidate === formNode.name.toLowerCase());
  if (!form) {
    const suggestion = closestWord(formNode.name, MIXTURE_LAW_FORMS);
    throw errorAt(
      formNode.span,
      'invalid-value',
      `unknown mixture law "${formNode.name}"`,
      suggestion ? `did you mean "${suggestion}"?` : 'use mixture=joint or mixture=additive',
    );
  }
  if (data.domains.length === 0) {
    throw errorAt(
      nameSpan,
      'data-error',
      `${data.name} has no domain weights: a mixture law needs one weight column per domain`,
      'add columns such as w_web, w_code, or name them: data NAME from "runs.csv" domains=web,code',
    );
  }
  const delta = values.positive('delta', 'delta');
  const seed = values.number('seed');
  const runs = mixtureRuns(data);
  const request: MixtureFitRequest = {
    kind: 'mixture',
    points: runs,
    options: { domains: data.domains, form, ...(delta !== undefined ? { delta } : {}), ...(seed !== undefined ? { seed } : {}) },
  };
  const outcome = providedFit(resources, request);
  if (!outcome) {
    pending.fits.push(request);
    scope.setMixtureFit(data.name, 'pending');
    throw new PendingResourceError(`the mixture fit of ${data.name}`);
  }
  if ('error' in outcome) throw errorAt(nameSpan, 'data-error', `cannot fit a mixture law to ${data.name}: ${outcome.error}`);
  scope.setMixtureFit(data.name, outcome.mixture);
  const payload = mixtureFitPayload(data.name, mixtureResiduals(outcome.mixture.law, runs), outcome.mixture, statement.span.line + 1);
  return {
    ...payload,
    notes: [
      ...payload.notes,
      `Use it with: optimal mixture for ${data.name} params=… tokens=…, and plot mixture ${data.name} params=… tokens=…`,
    ],
  };
}

/** The targets of an `optimal mixture` or `plot mixture` line, with their laws in one domain order. */
interface MixtureTargets {
  readonly targets: MixtureTarget[];
  /** Every run of the targets' data sets, weights in the same domain order. */
  readonly runs: MixtureRun[];
  /** "web" or "web, code (importance 3:1)". */
  readonly description: string;
  readonly params: number;
  readonly tokens: number;
}

/** Resolves data set names to their fitted mixture laws, the importances and the scale (params=, tokens=). */
function mixtureTargets(context: EvaluationContext, nodes: readonly ValueNode[], values: StatementValues): MixtureTargets {
  const { scope } = context;
  const resolved = nodes.map((node) => {
    if (node.type !== 'name') throw errorAt(node.span, 'invalid-value', 'expected the name of a data set with a fitted mixture law');
    const data = scope.lookup(node.name);
    if (data?.kind !== 'data')
      throw data
        ? errorAt(node.span, 'invalid-value', `"${node.name}" is a ${data.kind}, not a data set`)
        : scope.unknown(node, 'data set', scope.namesOf('data'));
    const fit = scope.mixtureFitOf(data.name);
    if (!fit)
      throw errorAt(
        node.span,
        'invalid-value',
        `${data.name} has no fitted mixture law`,
        `add a line "fit ${data.name} mixture=joint" above`,
      );
    return { node, data, fit };
  });
  const domains = resolved[0].fit.law.domains;
  const importances = values.numberList('importance') ?? resolved.map(() => 1);
  if (importances.length !== resolved.length) {
    throw errorAt(
      values.property('importance')!.value.span,
      'invalid-value',
      `importance= lists ${importances.length} values for ${resolved.length} target${resolved.length === 1 ? '' : 's'}`,
      'give one importance per data set, in the same order',
    );
  }
  const targets = resolved.map(({ node, data, fit }, index) => ({
    name: data.name,
    law: atSpan(node.span, () => withDomainOrder(fit.law, domains)),
    importance: importances[index],
  }));
  const runs = resolved.flatMap(({ data, fit }) =>
    mixtureRuns(data).map((run) => ({ ...run, weights: domains.map((domain) => run.weights[fit.law.domains.indexOf(domain)]) })),
  );
  values.require('params', '7B');
  values.require('tokens', '150B');
  const names = targets.map((target) => target.name).join(', ');
  return {
    targets,
    runs,
    description:
      targets.length > 1 && values.has('importance')
        ? `${names} (importance ${importances.map((value) => formatCount(value)).join(':')})`
        : names,
    params: values.positive('params', 'params')!,
    tokens: values.positive('tokens', 'tokens')!,
  };
}

/** The distinct mixtures of a set of runs, in first-seen order. */
function distinctMixtures(runs: readonly MixtureRun[]): number[][] {
  const seen = new Map<string, number[]>();
  for (const run of runs) seen.set(run.weights.join(','), [...run.weights]);
  return [...seen.values()];
}

/** `optimal mixture for DATA[, DATA…] params=N tokens=D [importance=w,…]`: the best domain weights. */
export function evaluateOptimalMixture(context: EvaluationContext): ResultPayload {
  const { statement } = context;
  const [forNode, ...dataNodes] = statement.positionals;
  if (forNode?.type !== 'name' || forNode.name.toLowerCase() !== 'for' || dataNodes.length === 0) {
    throw errorAt(
      forNode?.span ?? statement.name!.span,
      'syntax',
      '"optimal mixture" needs the data sets whose mixture laws to use',
      'write: optimal mixture for DATA params=7B tokens=150B',
    );
  }
  const values = new StatementValues(statement, context.form);
  const { targets, runs, description, params, tokens } = mixtureTargets(context, dataNodes, values);
  return optimalMixturePayload(
    atSpan(statement.span, () => bestMixture(targets, description, runs, params, tokens)),
    statement.span.line + 1,
  );
}

/**
 * The best mixture for the targets at (N, D), beside the best of the training mixtures and equal
 * weights, with its bar chart and what scale does to it.
 */
function bestMixture(
  targets: readonly MixtureTarget[],
  description: string,
  runs: readonly MixtureRun[],
  params: number,
  tokens: number,
): OptimalMixtureResult {
  const optimum = optimalMixture(targets, params, tokens);
  const lossOf = (weights: readonly number[]) => weightedTargetLoss(targets, params, tokens, weights);
  const training = distinctMixtures(runs).map((weights) => ({ weights, loss: lossOf(weights) }));
  const bestTraining = training.reduce((best, mixture) => (mixture.loss < best.loss ? mixture : best));
  const equal = uniformMixture(optimum.domains.length);
  const comparisons = [
    { name: 'best training mixture', weights: bestTraining.weights, loss: bestTraining.loss },
    { name: 'equal weights', weights: equal, loss: lossOf(equal) },
  ];
  const chart = mixtureBarChart({
    domains: optimum.domains,
    mixtures: [{ name: `best at N = ${formatCount(params)}, D = ${formatCount(tokens)}`, weights: optimum.weights }, comparisons[0]],
    title: `Best data mixture for ${description}`,
    subtitle: `${targets.some((target) => target.law.form === 'joint') ? 'joint' : 'additive'} mixture law · beside the best of the ${training.length} training mixtures`,
  });
  return { targets: description, params, tokens, optimum, comparisons, chart, notes: scaleNotes(targets, runs) };
}

/**
 * What scale does to the answer: nothing under additive laws; under a joint law, the best mixture
 * at the largest training run's scale, for contrast with the planned run's.
 */
function scaleNotes(targets: readonly MixtureTarget[], runs: readonly MixtureRun[]): string[] {
  const joint = targets.some((target) => target.law.form === 'joint');
  if (!joint) return [mixtureFormNote('additive')];
  const largest = runs.reduce((best, run) => (run.params * run.tokens > best.params * best.tokens ? run : best));
  const there = optimalMixture(targets, largest.params, largest.tokens);
  const shares = formatShares(there.weights);
  const weights = there.domains.map((domain, i) => `${domain} ${shares[i]}`).join(', ');
  return [
    mixtureFormNote('joint'),
    `At the largest training run's scale (N = ${formatCount(largest.params)}, D = ${formatCount(largest.tokens)}) the best mixture would be ${weights}.`,
  ];
}

/** `plot mixture DATA[, DATA…] params=N tokens=D [importance=…]`: loss against each domain's weight. */
export function plotMixture({ context, values, points }: { context: EvaluationContext; values: StatementValues; points?: number }): {
  chart: ChartSpec;
  tables: ResultTable[];
} {
  const nodes = context.statement.positionals;
  if (nodes.length === 0)
    throw errorAt(
      context.statement.name!.span,
      'syntax',
      '"plot mixture" needs a data set with a fitted mixture law',
      'write: plot mixture DATA params=7B tokens=150B',
    );
  const { targets, params, tokens } = mixtureTargets(context, nodes, values);
  const optimum = optimalMixture(targets, params, tokens);
  const bestShares = formatShares(optimum.weights);
  const lossAt = (index: number, weight: number) =>
    formatLoss(weightedTargetLoss(targets, params, tokens, withDomainWeight(optimum.weights, index, weight)));
  return {
    chart: mixtureWeightChart({ targets, params, tokens, optimum, ...(points ? { points } : {}) }),
    tables: [
      {
        caption: `Predicted loss as one domain's weight varies, the others rescaled from the best mixture (N = ${formatCount(params)}, D = ${formatCount(tokens)})`,
        columns: ['domain', 'best weight', 'loss at 0%', 'loss at best', 'loss at 100%'],
        align: ['left', 'right', 'right', 'right', 'right'],
        rows: optimum.domains.map((domain, i) => [domain, bestShares[i], lossAt(i, 0), formatLoss(optimum.loss), lossAt(i, 1)]),
      },
    ],
  };
}
