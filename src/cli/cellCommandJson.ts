/**
 * What `--json` prints for the commands whose output predates their cells: flat objects with
 * numbers in plain units, taken from the `data` of the cell's results.
 */
import type { Allocation, MixtureFit, Verdict } from '../core';
import type { repetitionJson } from '../language/output/repetitionTables';

type Repetition = ReturnType<typeof repetitionJson>;

/** One checked model: its verdict, and with unique= what repeating its data does. */
function verdictJson(verdict: Verdict, repetition: Repetition | undefined) {
  return {
    params: verdict.params,
    activeParams: verdict.activeParams,
    tokens: verdict.tokens,
    compute: verdict.compute,
    tokensPerParam: verdict.tokensPerParam,
    loss: verdict.loss,
    optimal: {
      params: verdict.optimal.params,
      tokens: verdict.optimal.tokens,
      tokensPerParam: verdict.optimal.tokensPerParam,
      loss: verdict.optimal.loss,
    },
    lossGap: verdict.lossGap,
    computeEfficiency: verdict.computeEfficiency,
    verdict: verdict.label,
    explanation: verdict.explanation,
    law: verdict.law,
    extrapolation: verdict.extrapolation,
    warnings: verdict.warnings,
    ...repetition,
  };
}

function withoutName<T extends { readonly name: string }>({ name: _name, ...rest }: T): Omit<T, 'name'> {
  return rest;
}

interface CheckData {
  readonly models: ReadonlyArray<Verdict & { readonly name: string }>;
  readonly repetition?: ReadonlyArray<Repetition & { readonly name: string }>;
}

/** `check --json`: the model's verdict as one object; one object per model when several are named. */
export function checkJson(data: unknown) {
  const { models, repetition = [] } = data as CheckData;
  const objects = models.map((model) => {
    const repeated = repetition.find((entry) => entry.name === model.name);
    return verdictJson(model, repeated && withoutName(repeated));
  });
  return objects.length === 1 ? objects[0] : objects;
}

interface AllocationData extends Allocation {
  readonly name: string;
  readonly law: string;
  readonly otherLaws: unknown;
  readonly acceleratorHours?: number;
  readonly cost?: number;
}

/**
 * `optimal --json`: the allocation's numbers, the law and the method, and GPU-hours and cost for a
 * booking; the inference-aware and data-constrained answers as their cells give them.
 */
export function optimalJson(data: unknown) {
  if (!(data && typeof data === 'object' && 'otherLaws' in data)) return data;
  const { name: _name, law, method, otherLaws: _others, acceleratorHours, cost, ...numbers } = data as AllocationData;
  return { ...numbers, law, method, ...(acceleratorHours !== undefined ? { gpuHours: acceleratorHours, cost: cost ?? null } : {}) };
}

interface OptimalMixtureData {
  readonly params: number;
  readonly tokens: number;
  readonly domains: readonly string[];
  readonly weights: readonly number[];
  readonly loss: number;
}

/** `mixture --json`: the fit, the columns read, and with --params/--tokens the best mixture by domain. */
export function mixtureJson(runs: unknown, fitted: unknown, best: unknown) {
  const { columns } = runs as { columns: unknown };
  const { law, objective, rmsResidual, converged, points, starts, hops, seed, warnings } = (fitted as { fit: MixtureFit }).fit;
  const optimum = best as OptimalMixtureData | undefined;
  return {
    form: law.form,
    domains: law.domains,
    law,
    objective,
    rmsResidual,
    converged,
    points,
    starts,
    hops,
    seed,
    warnings,
    columns,
    ...(optimum
      ? {
          optimum: {
            params: optimum.params,
            tokens: optimum.tokens,
            weights: Object.fromEntries(optimum.domains.map((domain, i) => [domain, optimum.weights[i]])),
            loss: optimum.loss,
          },
        }
      : {}),
  };
}
