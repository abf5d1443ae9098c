import { QuantityError, requirePositive } from '../quantities';
import { mixtureLoss, mixtureLossGradient, type MixtureLawConstants } from './mixtureLaw';
import { uniformMixture } from './mixtureWeights';

/** A domain whose loss the mixture should lower, with its fitted law and how much it counts. */
export interface MixtureTarget {
  readonly name: string;
  readonly law: MixtureLawConstants;
  /** Relative importance; the importances are normalised to sum to 1. */
  readonly importance: number;
}

/** The best mixture for a model of N parameters trained on D tokens. */
export interface OptimalMixture {
  readonly domains: readonly string[];
  readonly weights: readonly number[];
  /** Σₜ wₜ·Lₜ(N, D, h) at the optimum, with the importances w normalised. */
  readonly loss: number;
  /** Each target's predicted loss at the optimum. */
  readonly losses: ReadonlyArray<{ readonly name: string; readonly loss: number }>;
  readonly iterations: number;
  /**
   * The Frank–Wolfe gap Σᵢ hᵢ·gᵢ − minᵢ gᵢ (g = ∇ₕL) at the end: zero exactly at a point where no
   * direction along the simplex lowers the loss, and a bound on the loss left to gain when L is
   * convex in h (Jaggi 2013, "Revisiting Frank–Wolfe").
   */
  readonly gap: number;
  readonly converged: boolean;
}

/**
 * Σₜ wₜ·Lₜ(N, D, h) with the importances normalised: the loss a mixture is judged by.
 *
 * @example weightedTargetLoss([{ name: 'web', law, importance: 1 }], 7e9, 150e9, [0.5, 0.3, 0.2])
 */
export function weightedTargetLoss(targets: readonly MixtureTarget[], params: number, tokens: number, weights: readonly number[]): number {
  const total = targets.reduce((sum, target) => sum + target.importance, 0);
  return targets.reduce((sum, target) => sum + (target.importance / total) * mixtureLoss(target.law, params, tokens, weights), 0);
}

/** Mirror-descent steps before giving up. */
const MAX_ITERATIONS = 20_000;
/**
 * Stop once the Frank–Wolfe gap is this small (nats): far below any loss difference that matters, and
 * about where float64 arithmetic on a loss of a few nats stops telling steps apart.
 */
const GAP_TOLERANCE = 1e-7;
/** Step halvings per iteration before the step is considered too small to lower the loss. */
const MAX_HALVINGS = 60;
/**
 * The smallest weight an iterate keeps. A domain the target is better without is driven towards
 * zero geometrically; letting its weight underflow to 0 would make 0^(γᵢ−1) infinite and the
 * gradient NaN, and 1e-12 of the tokens is no data at all.
 */
const SMALLEST_WEIGHT = 1e-12;

/** Throws unless the targets share one list of domains and have positive finite importances. */
function validateTargets(targets: readonly MixtureTarget[]): void {
  if (targets.length === 0) throw new QuantityError('an optimal mixture needs at least one target');
  const domains = targets[0].law.domains.join(', ');
  for (const target of targets) {
    if (target.law.domains.join(', ') !== domains)
      throw new QuantityError(
        `${target.name} has domains ${target.law.domains.join(', ')}, but ${targets[0].name} has ${domains}: every target must use the same domains in the same order`,
      );
    if (!(target.importance > 0 && Number.isFinite(target.importance)))
      throw new QuantityError(`the importance of ${target.name} must be a finite number greater than zero, got ${target.importance}`);
  }
}

/**
 * The domain weights h that minimise Σₜ wₜ·Lₜ(N, D, h) over the simplex, for one target or an
 * importance-weighted set, by mirror descent with the entropy mirror map (exponentiated gradient,
 * Beck and Teboulle 2003): h ← h·e^(−η∇L), renormalised — the method Shukor et al. 2025 use for
 * the optimal domain weights. The step η doubles after each step that lowers the loss and halves
 * until one does, so the loss never rises. Starts from equal weights; every iterate stays strictly
 * inside the simplex.
 *
 * @example optimalMixture([{ name: 'web', law, importance: 1 }], 7e9, 150e9).weights
 */
export function optimalMixture(targets: readonly MixtureTarget[], params: number, tokens: number): OptimalMixture {
  requirePositive(params, 'parameters');
  requirePositive(tokens, 'tokens');
  validateTargets(targets);
  const domains = targets[0].law.domains;
  const k = domains.length;
  const totalImportance = targets.reduce((sum, target) => sum + target.importance, 0);
  const scratch = new Float64Array(k);
  const lossAndGradient = (weights: readonly number[], gradient: Float64Array) => {
    gradient.fill(0);
    let loss = 0;
    for (const target of targets) {
      const share = target.importance / totalImportance;
      loss += share * mixtureLossGradient(target.law, params, tokens, weights, scratch);
      for (let i = 0; i < k; i++) gradient[i] += share * scratch[i];
    }
    return loss;
  };
  let weights = uniformMixture(k);
  const gradient = new Float64Array(k);
  const trialGradient = new Float64Array(k);
  let loss = lossAndGradient(weights, gradient);
  let step = NaN;
  let gap = Infinity;
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const lowest = Math.min(...gradient);
    gap = weights.reduce((sum, weight, i) => sum + weight * gradient[i], 0) - lowest;
    if (gap <= GAP_TOLERANCE) break;
    // The first step spreads the exponents over one unit: large enough to move, small enough to be safe.
    if (Number.isNaN(step)) step = 1 / Math.max(Math.max(...gradient) - lowest, Number.MIN_VALUE);
    let accepted = false;
    for (let halving = 0; halving < MAX_HALVINGS && !accepted; halving++) {
      // Shifting by the smallest component leaves the normalised step unchanged and keeps exp ≤ 1.
      const raised = weights.map((weight, i) => Math.max(weight * Math.exp(-step * (gradient[i] - lowest)), SMALLEST_WEIGHT));
      const total = raised.reduce((sum, value) => sum + value, 0);
      const trial = raised.map((value) => value / total);
      const trialLoss = lossAndGradient(trial, trialGradient);
      if (trialLoss < loss) {
        weights = trial;
        loss = trialLoss;
        gradient.set(trialGradient);
        step *= 2;
        accepted = true;
      } else {
        step /= 2;
      }
    }
    if (!accepted) break;
  }
  const losses = targets.map((target) => ({ name: target.name, loss: mixtureLossGradient(target.law, params, tokens, weights, scratch) }));
  return { domains, weights, loss, losses, iterations, gap, converged: gap <= GAP_TOLERANCE };
}
