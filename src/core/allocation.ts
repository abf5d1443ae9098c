import { firstYes } from './bisection';
import { QuantityError, requirePositive } from './quantities';
import { tokensForCompute } from './compute';
import type { ScalingLaw } from './laws/scalingLaw';
import { extrapolationNotes } from './laws/validity';

/** A model size and token count chosen for a compute budget, with its predicted loss. */
export interface Allocation {
  readonly compute: number;
  readonly params: number;
  readonly tokens: number;
  readonly tokensPerParam: number;
  readonly loss: number;
  /** How the optimum was found: closed form, published frontier or numerical minimum. */
  readonly method: string;
  /** Sentences saying how far N, D, C or D/N lie outside the runs the law was fitted on; empty inside. */
  readonly extrapolation: readonly string[];
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * The N that minimises L(N, C/(6N)) found numerically by golden-section search on log N, for laws
 * without a closed form. Converges to |Δ log N| < 1e-12.
 *
 * @example minimizeLossAtCompute(law, 5.76e23)
 */
export function minimizeLossAtCompute(law: ScalingLaw, compute: number): number {
  const lossAt = (logParams: number) => {
    const params = Math.exp(logParams);
    return law.loss(params, tokensForCompute(params, compute));
  };
  // Search from one parameter up to the N that leaves a single token: every sensible optimum lies inside.
  let low = 0;
  let high = Math.log(compute / 6);
  let left = high - GOLDEN * (high - low);
  let right = low + GOLDEN * (high - low);
  let lossLeft = lossAt(left);
  let lossRight = lossAt(right);
  while (high - low > 1e-12) {
    if (lossLeft < lossRight) {
      high = right;
      right = left;
      lossRight = lossLeft;
      left = high - GOLDEN * (high - low);
      lossLeft = lossAt(left);
    } else {
      low = left;
      left = right;
      lossLeft = lossRight;
      right = low + GOLDEN * (high - low);
      lossRight = lossAt(right);
    }
  }
  return Math.exp((low + high) / 2);
}

/**
 * The compute-optimal model for a budget of `compute` FLOP under `law`: the law's own optimum where
 * it has one (closed form or published frontier), otherwise the numerical minimum of L(N, C/(6N)).
 *
 * @example computeOptimalAllocation(findPresetLaw('epoch')!, 5.76e23).params // ≈ 7.24e10
 */
export function computeOptimalAllocation(law: ScalingLaw, compute: number): Allocation {
  requirePositive(compute, 'compute');
  const method = law.optimumMethod ?? 'numerical minimum of L(N, C/(6N))';
  const chosen = law.optimum ? law.optimum(compute) : allocationFromParams(law, compute);
  const { params, tokens, loss } = chosen;
  const extrapolation = extrapolationNotes(law.id, law.validity, { params, tokens, compute, tokensPerParam: tokens / params });
  return { compute, params, tokens, tokensPerParam: tokens / params, loss, method, extrapolation };
}

/** N from the law's closed form or a numerical minimum, D = C/(6N), and L(N, D). */
function allocationFromParams(law: ScalingLaw, compute: number): { params: number; tokens: number; loss: number } {
  const params = law.optimalParams ? law.optimalParams(compute) : minimizeLossAtCompute(law, compute);
  const tokens = tokensForCompute(params, compute);
  return { params, tokens, loss: law.loss(params, tokens) };
}

/** Bisection on log10(x), to 1e-13 of a decade, for the x where a monotone `f` crosses `target`. */
function solveMonotoneInLog(f: (x: number) => number, target: number, increasing: boolean, lowLog10: number, highLog10: number): number {
  const pastTarget = (log10: number) => f(10 ** log10) > target === increasing;
  return 10 ** firstYes(pastTarget, lowLog10, highLog10, (low, high) => (low + high) / 2, 1e-13);
}

/** Widest budgets searched by the inverses: 1 FLOP to 1e40 FLOP. */
const COMPUTE_SEARCH_LOG10: readonly [number, number] = [0, 40];

/**
 * The smallest compute at which the law's compute-optimal model reaches `targetLoss`. Throws when
 * the target is at or below the law's irreducible loss.
 */
export function computeForLoss(law: ScalingLaw, targetLoss: number): number {
  requirePositive(targetLoss, 'target loss');
  if (targetLoss <= law.irreducibleLoss) {
    throw new QuantityError(
      `target loss ${targetLoss} is not reachable: ${law.name} never goes below its irreducible loss E = ${law.irreducibleLoss.toFixed(4)}`,
    );
  }
  const [lowLog10, highLog10] = COMPUTE_SEARCH_LOG10;
  const lossAtMost = computeOptimalAllocation(law, 10 ** highLog10).loss;
  if (targetLoss < lossAtMost) {
    throw new QuantityError(
      `target loss ${targetLoss} needs more than 1e${highLog10} FLOP under ${law.name} (loss there: ${lossAtMost.toFixed(4)}): choose a higher target`,
    );
  }
  const lossAtLeast = computeOptimalAllocation(law, 10 ** lowLog10).loss;
  if (targetLoss > lossAtLeast) {
    throw new QuantityError(
      `target loss ${targetLoss} is above the loss of a 1-FLOP model under ${law.name} (${lossAtLeast.toFixed(4)}): choose a lower target`,
    );
  }
  return solveMonotoneInLog((compute) => computeOptimalAllocation(law, compute).loss, targetLoss, false, lowLog10, highLog10);
}

/**
 * Where the search for the frontier's compute stops: 1e-300 FLOP, clear of underflow and far below
 * the compute of any model the language accepts (6e-60 FLOP at the least); a loss the frontier
 * reaches even there gets an efficiency of about 0.
 */
const SMALLEST_FRONTIER_LOG10 = -300;

/**
 * The least compute at which the frontier reaches `targetLoss`, for a loss a model of `compute` FLOP
 * reaches: at most `compute`, since the frontier's loss there is the least any model of that compute
 * gets. Searched on log C down from `compute` in doubling steps, so it holds at every magnitude a
 * model can have (6·N·D from 6e-60 to 6e80 FLOP), not only within fixed budgets; `compute` itself
 * when rounding puts the model's loss below the frontier's.
 */
export function frontierComputeBelow(law: ScalingLaw, targetLoss: number, compute: number): number {
  const reaches = (log10: number) => computeOptimalAllocation(law, 10 ** log10).loss <= targetLoss;
  const high = Math.log10(compute);
  if (!reaches(high)) return compute;
  let low = Math.max(high - 1, SMALLEST_FRONTIER_LOG10);
  for (let decades = 2; reaches(low); decades *= 2) {
    if (low === SMALLEST_FRONTIER_LOG10) return 10 ** low;
    low = Math.max(high - decades, SMALLEST_FRONTIER_LOG10);
  }
  return Math.min(compute, 10 ** firstYes(reaches, low, high, (no, yes) => (no + yes) / 2, 1e-13));
}

/** The compute-optimal model that reaches `targetLoss` with the least compute. */
export function optimalForLoss(law: ScalingLaw, targetLoss: number): Allocation {
  return computeOptimalAllocation(law, computeForLoss(law, targetLoss));
}

/** The compute budget for which a model of `params` parameters is compute-optimal. */
export function optimalForParams(law: ScalingLaw, params: number): Allocation {
  return optimalWith(law, 'params', requirePositive(params, 'parameters'));
}

/**
 * The compute budget for which `tokens` training tokens are compute-optimal: the inverse D → N of
 * the law's allocation. Muennighoff et al. 2023 (Sec. 3) cap a model's useful parameters at the
 * compute-optimal size for its unique tokens, which this gives.
 *
 * @example optimalForTokens(findPresetLaw('epoch')!, 1.4e12).params // ≈ 7.66e10
 */
export function optimalForTokens(law: ScalingLaw, tokens: number): Allocation {
  return optimalWith(law, 'tokens', requirePositive(tokens, 'tokens'));
}

/** The compute-optimal allocation whose N (or D), both growing with compute, equals `value`. */
function optimalWith(law: ScalingLaw, quantity: 'params' | 'tokens', value: number): Allocation {
  const atCompute = (compute: number) => computeOptimalAllocation(law, compute)[quantity];
  return computeOptimalAllocation(law, solveMonotoneInLog(atCompute, value, true, ...COMPUTE_SEARCH_LOG10));
}
