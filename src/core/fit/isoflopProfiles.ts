import { tokensForCompute, trainingCompute } from '../compute';
import { formatCount, formatFlops } from '../numberFormat';
import { allocationSample, stratifiedAllocationBootstrap, type AllocationBootstrapOptions, type AllocationFit } from './allocationFit';
import { fitAllocationExponents, type ComputeOptimum } from './approachFits';
import { FitDataError, pointLabel, validateFitPoints, type FitPoint } from './fitPoints';

/**
 * Runs grouped by 6·N·D join a budget when within this fraction of its smallest member: token
 * counts rounded to 3–4 significant digits (as training logs print them) move C by under 0.5%,
 * while isoFLOP budgets are spaced at least 2× apart (Hoffmann et al. 2022, Fig. 3: 6e18 to 3e21).
 */
export const BUDGET_TOLERANCE = 0.05;

/** loss ≈ c0 + c1·u + c2·u² with u = ln N − center: one budget's isoFLOP parabola. */
export interface IsoflopParabola {
  readonly center: number;
  readonly c0: number;
  readonly c1: number;
  readonly c2: number;
}

/** One isoFLOP budget: its runs, and its vertex or why it was skipped. */
export interface IsoflopBudget {
  readonly compute: number;
  readonly runs: readonly FitPoint[];
  /** Distinct model sizes among the runs. */
  readonly sizes: number;
  readonly smallestParams: number;
  readonly largestParams: number;
  /** The parabola's vertex: N_opt, D_opt = C/(6·N_opt) and the loss there; absent when skipped. */
  readonly optimum?: ComputeOptimum & { readonly loss: number };
  readonly parabola?: IsoflopParabola;
  /** True when the vertex lies outside the sizes trained at this budget (an extrapolation). */
  readonly outsideSampled?: boolean;
  /** Why the budget gives no optimum. */
  readonly skipped?: string;
}

/** Approach 2's result: the allocation, and every budget with its parabola or reason. */
export interface IsoflopFit extends AllocationFit {
  readonly approach: 'isoflop';
  readonly budgets: readonly IsoflopBudget[];
  /** Where budgets came from: a compute column or 6·N·D. */
  readonly grouping: 'compute column' | '6ND';
}

/** Options of {@link fitIsoflopProfiles}. */
export interface IsoflopOptions {
  /** Relative tolerance of grouping by 6·N·D (default {@link BUDGET_TOLERANCE}). */
  readonly tolerance?: number;
  /** Bootstrap resamples of runs within budgets; omitted, no intervals. */
  readonly bootstrap?: AllocationBootstrapOptions;
}

/**
 * Groups runs into isoFLOP budgets: by each run's declared `compute` when every run has one (the
 * sweep's own budget, which may count more than 6ND), otherwise by C = 6·N·D, where a run joins a
 * group when its compute is within `tolerance` of the group's smallest, so rounded token counts
 * still land in their group. A group's budget is then the geometric mean of its members' compute.
 *
 * @example groupIntoBudgets(runs, 0.05).map((budget) => budget.compute)
 */
export function groupIntoBudgets(points: readonly FitPoint[], tolerance = BUDGET_TOLERANCE): { compute: number; runs: FitPoint[] }[] {
  const declared = points.length > 0 && points.every((point) => point.compute !== undefined);
  // Labels are fixed here, before sorting, so messages name each run's original row.
  const sorted = points
    .map((point, index) => ({
      point: { ...point, source: pointLabel(point, index) },
      compute: declared ? point.compute! : trainingCompute(point.params, point.tokens),
    }))
    .sort((left, right) => left.compute - right.compute);
  const groups: { first: number; members: { point: FitPoint; compute: number }[] }[] = [];
  for (const entry of sorted) {
    const last = groups[groups.length - 1];
    const joins = last && (declared ? entry.compute === last.first : entry.compute <= last.first * (1 + tolerance));
    if (joins) last.members.push(entry);
    else groups.push({ first: entry.compute, members: [entry] });
  }
  return groups.map(({ first, members }) => ({
    // A declared budget is exact; rounded 6ND values meet at their geometric mean.
    compute: declared ? first : Math.exp(members.reduce((total, member) => total + Math.log(member.compute), 0) / members.length),
    runs: members.map((member) => member.point),
  }));
}

/**
 * Weighted least-squares parabola y ≈ c0 + c1·u + c2·u², u = x − mean(x) for conditioning, from
 * the 3×3 normal equations by Cramer's rule. `weights` (default 1 each) are a resample's repeat
 * counts. Undefined when the design is singular (fewer than 3 distinct x with weight).
 */
export function fitParabola(xs: readonly number[], ys: readonly number[], weights?: ArrayLike<number>): IsoflopParabola | undefined {
  const weightOf = (i: number) => (weights ? weights[i] : 1);
  let total = 0;
  let weightedX = 0;
  xs.forEach((x, i) => {
    total += weightOf(i);
    weightedX += weightOf(i) * x;
  });
  const center = weightedX / total;
  const sums = [0, 0, 0, 0, 0];
  const moments = [0, 0, 0];
  xs.forEach((x, i) => {
    const u = x - center;
    for (let power = 0; power < 5; power++) sums[power] += weightOf(i) * u ** power;
    for (let power = 0; power < 3; power++) moments[power] += weightOf(i) * ys[i] * u ** power;
  });
  const matrix = [
    [sums[0], sums[1], sums[2]],
    [sums[1], sums[2], sums[3]],
    [sums[2], sums[3], sums[4]],
  ];
  const determinant = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
    m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
    m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const whole = determinant(matrix);
  // Relative to the scale of the sums, a vanishing determinant means fewer than 3 distinct x.
  if (!(Math.abs(whole) > 1e-12 * sums[0] * sums[2] * sums[4])) return undefined;
  const [c0, c1, c2] = [0, 1, 2].map(
    (column) => determinant(matrix.map((row, r) => row.map((value, c) => (c === column ? moments[r] : value)))) / whole,
  );
  return { center, c0, c1, c2 };
}

type BudgetProfile = Pick<IsoflopBudget, 'optimum' | 'parabola' | 'outsideSampled' | 'skipped'>;

/** One budget's parabola in ln N and its vertex (Hoffmann et al. 2022, Sec. 3.2 and Fig. 3), or why there is none. */
function profileBudget(compute: number, runs: readonly FitPoint[], weights?: ArrayLike<number>): BudgetProfile {
  const used = runs.filter((_, i) => !weights || weights[i] > 0);
  const logParams = runs.map((run) => Math.log(run.params));
  const sizes = new Set(used.map((run) => run.params)).size;
  if (sizes < 3) {
    return { skipped: `${sizes} model size${sizes === 1 ? '' : 's'} (${used.map((run) => run.source).join(', ')}); a parabola needs 3` };
  }
  const parabola = fitParabola(
    logParams,
    runs.map((run) => run.loss),
    weights,
  );
  if (!parabola) return { skipped: 'the sizes do not determine a parabola' };
  if (!(parabola.c2 > 0)) {
    return {
      parabola,
      skipped: 'the parabola opens downwards (loss does not curve up on both sides of a minimum), so it has no minimum to take',
    };
  }
  const offset = -parabola.c1 / (2 * parabola.c2);
  const logOptimum = parabola.center + offset;
  const params = Math.exp(logOptimum);
  const usedLog = used.map((run) => Math.log(run.params));
  return {
    parabola,
    optimum: {
      compute,
      params,
      tokens: tokensForCompute(params, compute),
      loss: parabola.c0 + parabola.c1 * offset + parabola.c2 * offset * offset,
    },
    outsideSampled: logOptimum < Math.min(...usedLog) || logOptimum > Math.max(...usedLog),
  };
}

/**
 * Hoffmann et al. 2022's Approach 2, isoFLOP profiles (Sec. 3.2, Fig. 3, Table 2): runs are grouped
 * into budgets ({@link groupIntoBudgets}); in each, a parabola of loss in ln N gives N_opt at its
 * vertex and D_opt = C/(6·N_opt); least squares of ln N_opt and ln D_opt on ln C gives
 * N_opt = G·C^a and D_opt = H·C^b. Budgets with fewer than 3 sizes or a parabola that opens
 * downwards are skipped with the reason; a vertex outside the sizes trained is kept and warned
 * about. With `bootstrap`, runs are resampled within budgets. Besiroglu et al. 2024 (Sec. 2) and
 * Czech et al. 2026 discuss why the parabola's vertex is biased when sizes are not centred on the
 * optimum or the grid is wide.
 *
 * @example fitIsoflopProfiles(runs, { bootstrap: { samples: 1000, seed: 1 } }).params.exponent // a
 */
export function fitIsoflopProfiles(points: readonly FitPoint[], options: IsoflopOptions = {}): IsoflopFit {
  validateFitPoints(points, 1);
  const declared = points.every((point) => point.compute !== undefined);
  const groups = groupIntoBudgets(points, options.tolerance);
  const budgets: IsoflopBudget[] = groups.map(({ compute, runs }) => {
    const params = runs.map((run) => run.params);
    return {
      compute,
      runs,
      sizes: new Set(params).size,
      smallestParams: Math.min(...params),
      largestParams: Math.max(...params),
      ...profileBudget(compute, runs),
    };
  });
  const fitted = budgets.filter((budget) => budget.optimum);
  if (fitted.length === 0) {
    throw new FitDataError(`no isoFLOP budget has a minimum: ${skippedList(budgets)}`);
  }
  if (fitted.length < 2) {
    throw new FitDataError(
      `only one isoFLOP budget (${formatFlops(fitted[0].compute)}) has a minimum, and a line in log C needs ` +
        `2${budgets.length > 1 ? `; skipped: ${skippedList(budgets)}` : ''}`,
    );
  }
  const optima = fitted.map((budget) => budget.optimum!);
  const { params, tokens } = fitAllocationExponents(optima);
  const warnings = [
    ...budgets.filter((budget) => budget.skipped).map((budget) => `${formatFlops(budget.compute)} skipped: ${budget.skipped}.`),
    ...fitted
      .filter((budget) => budget.outsideSampled)
      .map(
        (budget) =>
          `${formatFlops(budget.compute)}: the minimum (N = ${formatCount(budget.optimum!.params)}) lies outside the sizes trained ` +
          `(${formatCount(budget.smallestParams)}–${formatCount(budget.largestParams)}), so it is extrapolated; train sizes on both ` +
          `sides of it.`,
      ),
  ];
  let intervals: AllocationFit['intervals'];
  if (options.bootstrap && fitted.length < 3) {
    warnings.push(
      `only ${fitted.length} budgets have a minimum: too few for a bootstrap interval (a line through 2 points has no spread to ` +
        `resample); add budgets.`,
    );
  } else if (options.bootstrap) {
    intervals = stratifiedAllocationBootstrap(
      budgets.map((budget) => budget.runs.length),
      allocationSample(optima),
      // A budget whose resample has fewer than 3 sizes or opens downwards drops out of that resample only.
      (repeats) => allocationSample(budgets.flatMap((budget, i) => profileBudget(budget.compute, budget.runs, repeats[i]).optimum ?? [])),
      options.bootstrap,
    );
  }
  return {
    approach: 'isoflop',
    params,
    tokens,
    optima,
    warnings,
    budgets,
    grouping: declared ? 'compute column' : '6ND',
    ...(intervals ? { intervals } : {}),
  };
}

/** Budgets named in an error before the rest are counted: enough to see the pattern, short enough to read. */
const SKIPPED_NAMED = 4;

function skippedList(budgets: readonly IsoflopBudget[]): string {
  const skipped = budgets.filter((budget) => budget.skipped);
  const named = skipped.slice(0, SKIPPED_NAMED).map((budget) => `${formatFlops(budget.compute)} (${budget.skipped})`);
  return [...named, ...(skipped.length > SKIPPED_NAMED ? [`and ${skipped.length - SKIPPED_NAMED} more`] : [])].join('; ');
}
