import { QuantityError } from '../quantities';

/**
 * Domain weights h on the simplex (hᵢ ≥ 0, Σᵢ hᵢ = 1): the share of training tokens drawn from
 * each domain (Shukor et al. 2025, the h of Eqs. 2.4 and 2.5).
 */

/** How far Σᵢ hᵢ may stray from 1 in floating point (a sum of a few rounded fractions). */
export const SIMPLEX_TOLERANCE = 1e-6;

/**
 * Throws unless `weights` has one finite, non-negative entry per domain and sums to 1.
 *
 * @example requireMixture([0.5, 0.5], ['web', 'code'])
 */
export function requireMixture(weights: readonly number[], domains: readonly string[]): void {
  if (weights.length !== domains.length) {
    throw new QuantityError(`a mixture over ${domains.join(', ')} needs ${domains.length} weights, got ${weights.length}`);
  }
  weights.forEach((weight, index) => {
    if (!(weight >= 0 && Number.isFinite(weight)))
      throw new QuantityError(`the weight of ${domains[index]} must be a finite number ≥ 0, got ${weight}`);
  });
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (Math.abs(sum - 1) > SIMPLEX_TOLERANCE) throw new QuantityError(`domain weights must sum to 1, got ${sum} (${domains.join(' + ')})`);
}

/**
 * The mixture with equal weight on each of `count` domains.
 *
 * @example uniformMixture(4) // [0.25, 0.25, 0.25, 0.25]
 */
export function uniformMixture(count: number): number[] {
  return Array.from({ length: count }, () => 1 / count);
}

/**
 * `weights` with domain `index` set to `value` and the other domains rescaled proportionally so the
 * sum stays 1, so only that domain's share changes against the rest. When the others are all
 * zero they share the rest equally.
 *
 * @example withDomainWeight([0.5, 0.3, 0.2], 0, 0.8) // [0.8, 0.12, 0.08]
 */
export function withDomainWeight(weights: readonly number[], index: number, value: number): number[] {
  if (!(value >= 0 && value <= 1)) throw new QuantityError(`a domain weight must lie between 0 and 1, got ${value}`);
  const others = 1 - weights[index];
  const rest = 1 - value;
  return weights.map((weight, position) => {
    if (position === index) return value;
    return others > 0 ? (weight * rest) / others : rest / (weights.length - 1);
  });
}
