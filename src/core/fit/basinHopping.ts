import { FitCancelledError, FitDataError } from './fitPoints';
import { LbfgsMinimizer, type LbfgsOptions, type ValueAndGradient } from './lbfgs';
import type { RandomSource } from './random';

/** How a basin-hopping search runs; see {@link basinHopping}. */
export interface BasinHoppingOptions {
  /** Independent random starts. */
  readonly starts: number;
  /** Perturb-and-minimise steps from each start's optimum. */
  readonly hops: number;
  /** Draws a start (one value per coordinate). */
  readonly drawStart: (random: RandomSource) => ArrayLike<number>;
  readonly random: RandomSource;
  readonly lbfgs?: Partial<LbfgsOptions>;
  /** Polled between local minimisations; when it returns true the search throws a {@link FitCancelledError}. */
  readonly isCancelled?: () => boolean;
  /** Called after each local minimisation with how many of starts × (1 + hops) are done. */
  readonly onProgress?: (finished: number, total: number) => void;
}

/** The best optimum found, and what it took. */
export interface BasinHoppingResult {
  readonly x: Float64Array;
  readonly value: number;
  /** Local (L-BFGS) minimisations run: starts × (1 + hops). */
  readonly minimizations: number;
  readonly evaluations: number;
}

/**
 * Half-width of the uniform perturbation of every coordinate per hop: 0.5, scipy's `basinhopping`
 * default `stepsize` (scipy 1.x, `optimize.basinhopping`).
 */
const HOP_STEP = 0.5;

/**
 * Basin hopping (Wales and Doye 1997): from each random start, minimise locally with L-BFGS, then
 * repeatedly perturb the current optimum and minimise again, moving to the new optimum when it is
 * lower. Acceptance is monotonic (Leary 2000, "Global optimization on funneling landscapes")
 * rather than scipy's Metropolis rule at temperature 1: a fitting objective of ~1e-5 would accept
 * every hop at that temperature, a random walk. Returns the best optimum over all starts.
 *
 * @example basinHopping(f, 2, { starts: 4, hops: 5, drawStart: (r) => [r(), r()], random: seededRandom(1) }).value
 */
export function basinHopping(f: ValueAndGradient, dimension: number, options: BasinHoppingOptions): BasinHoppingResult {
  const minimizer = new LbfgsMinimizer(dimension, options.lbfgs);
  const current = new Float64Array(dimension);
  const trial = new Float64Array(dimension);
  let best: { x: Float64Array; value: number } | undefined;
  let minimizations = 0;
  let evaluations = 0;
  const minimizeFrom = (start: ArrayLike<number>) => {
    if (options.isCancelled?.()) throw new FitCancelledError(`fit cancelled after ${minimizations} local minimisations`);
    const result = minimizer.minimize(f, start);
    minimizations++;
    evaluations += result.evaluations;
    options.onProgress?.(minimizations, options.starts * (1 + options.hops));
    if (Number.isFinite(result.value) && (!best || result.value < best.value)) {
      best = { x: Float64Array.from(result.x), value: result.value };
    }
    return result;
  };
  for (let start = 0; start < options.starts; start++) {
    const first = minimizeFrom(options.drawStart(options.random));
    current.set(first.x);
    let currentValue = first.value;
    for (let hop = 0; hop < options.hops; hop++) {
      for (let j = 0; j < dimension; j++) trial[j] = current[j] + HOP_STEP * (2 * options.random() - 1);
      const result = minimizeFrom(trial);
      if (result.value < currentValue || !Number.isFinite(currentValue)) {
        current.set(result.x);
        currentValue = result.value;
      }
    }
  }
  if (!best)
    throw new FitDataError('every local minimisation failed (the objective was not finite anywhere): check the data for extreme values');
  return { ...best, minimizations, evaluations };
}
