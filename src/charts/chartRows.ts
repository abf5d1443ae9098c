import { computeOptimalAllocation, type Allocation } from '../core/allocation';
import { trainingCompute } from '../core/compute';
import type { ScalingLaw } from '../core/laws/scalingLaw';
import { optimalFrontier } from '../core/sweeps';
import { DEFAULT_SWEEP_POINTS, requireLaws, type ChartModel, type ComputeSweepInput, type LogRange } from './chartSpec';
import { markSeries, type RangeMarked } from './fittedRange';
import { isLogPlottable, keepLogPlottable, type PlottableRows } from './plottable';

/** A declared model as the charts plot it; NaN marks what cannot be computed (and gets filtered). */
export interface ModelRow {
  readonly model: string;
  readonly params: number;
  readonly activeParams: number;
  readonly tokens: number;
  /** 6·N_active·D. */
  readonly compute: number;
  /** D over active N. */
  readonly tokensPerParam: number;
}

/** A model's loss under one law, next to the frontier's loss at the same compute. */
export interface ModelLossRow extends ModelRow {
  readonly law: string;
  readonly loss: number;
  readonly frontierLoss: number;
}

/** A model's size, compute and D/N; bad sizes give NaN instead of throwing, so the chart still draws. */
export function modelRow(model: ChartModel): ModelRow {
  const activeParams = model.activeParams ?? model.params;
  const sized = isLogPlottable(activeParams) && isLogPlottable(model.tokens);
  return {
    model: model.name,
    params: model.params,
    activeParams,
    tokens: model.tokens,
    compute: sized ? trainingCompute(activeParams, model.tokens) : Number.NaN,
    tokensPerParam: model.tokens / activeParams,
  };
}

/** A model's predicted loss under `law` and the compute-optimal loss for the same compute. */
export function modelLossRow(law: ScalingLaw, model: ChartModel): ModelLossRow {
  const row = modelRow(model);
  return {
    ...row,
    law: law.name,
    loss: law.loss(row.activeParams, row.tokens),
    frontierLoss: isLogPlottable(row.compute) ? computeOptimalAllocation(law, row.compute).loss : Number.NaN,
  };
}

/** A point of a law's compute-optimal frontier. */
export type FrontierRow = RangeMarked<
  Pick<Allocation, 'compute' | 'params' | 'tokens' | 'tokensPerParam' | 'loss'> & { readonly law: string }
>;

/**
 * Each law's compute-optimal allocation at `points` budgets log-spaced over `compute`, each marked
 * inside or beyond the law's fitting range (the solid and dashed parts meet, see markSeries).
 */
export function frontierRows(laws: readonly ScalingLaw[], compute: LogRange, points: number): FrontierRow[] {
  return laws.flatMap((law) => {
    const optima = optimalFrontier(law, compute[0], compute[1], points).map((optimum) => ({
      law: law.name,
      compute: optimum.compute,
      params: optimum.params,
      tokens: optimum.tokens,
      tokensPerParam: optimum.tokensPerParam,
      loss: optimum.loss,
    }));
    return markSeries(law, optima, (optimum) => [optimum]).rows;
  });
}

/**
 * The frontier rows a compute-sweep chart (frontier, tokens per parameter, law comparison) draws:
 * each law's line over `input.compute` at `input.points` budgets (DEFAULT_SWEEP_POINTS unless given),
 * keeping the rows whose `fields` a log axis can show. Throws without a law.
 */
export function plottableFrontier(
  input: Omit<ComputeSweepInput, 'models'>,
  fields: readonly (keyof FrontierRow)[],
): PlottableRows<FrontierRow> {
  requireLaws(input.laws);
  return keepLogPlottable(frontierRows(input.laws, input.compute, input.points ?? DEFAULT_SWEEP_POINTS), fields);
}
