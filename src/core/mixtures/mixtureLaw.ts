import { QuantityError, requirePositive } from '../quantities';
import type { ChinchillaConstants } from '../laws/scalingLaw';
import { requireMixture } from './mixtureWeights';

/**
 * The two data-mixture laws of Shukor et al. 2025 ("Scaling Laws for Optimal Data Mixtures"):
 * `additive` (Eq. 2.4), where the mixture only shifts the irreducible term, so the best mixture is
 * the same at every scale; and `joint` (Eq. 2.5), where the mixture also sets the coefficients of
 * the model-size and data terms, so the best mixture moves with N and D.
 */
export type MixtureLawForm = 'additive' | 'joint';

/** The forms, in the order the docs present them. */
export const MIXTURE_LAW_FORMS: readonly MixtureLawForm[] = ['additive', 'joint'];

/** What both forms share: the domains, E, α, β and the mixture term 1/(Σᵢ Cᵢ·hᵢ^γᵢ). */
interface MixtureLawBase {
  /** Domain names, in the order of the weight vectors h. */
  readonly domains: readonly string[];
  readonly E: number;
  readonly alpha: number;
  readonly beta: number;
  /** Cᵢ > 0 of the mixture term, one per domain. */
  readonly C: readonly number[];
  /** γᵢ of the mixture term, one per domain. */
  readonly gamma: readonly number[];
}

/** Eq. 2.4: L = E + 1/(Σᵢ Cᵢ·hᵢ^γᵢ) + A/N^α + B/D^β; 5 + 2k constants. */
export interface AdditiveMixtureConstants extends MixtureLawBase {
  readonly form: 'additive';
  readonly A: number;
  readonly B: number;
}

/**
 * Eq. 2.5: L = E + 1/(Σᵢ Cᵢ·hᵢ^γᵢ) + A_h/N^α + B_h/D^β with A_h = (Σᵢ Cᵢᴬ·hᵢ)^γ_A and
 * B_h = (Σᵢ Cᵢᴮ·hᵢ)^γ_B; 5 + 4k constants.
 */
export interface JointMixtureConstants extends MixtureLawBase {
  readonly form: 'joint';
  /** Cᵢᴬ > 0, one per domain. */
  readonly CA: readonly number[];
  readonly gammaA: number;
  /** Cᵢᴮ > 0, one per domain. */
  readonly CB: readonly number[];
  readonly gammaB: number;
}

export type MixtureLawConstants = AdditiveMixtureConstants | JointMixtureConstants;

/**
 * Number of constants of a form over k domains: 5 + 2k (additive) or 5 + 4k (joint), as Shukor
 * et al. 2025 count them after Eqs. 2.4 and 2.5.
 *
 * @example mixtureConstantCount('joint', 3) // 17
 */
export function mixtureConstantCount(form: MixtureLawForm, domains: number): number {
  return form === 'additive' ? 5 + 2 * domains : 5 + 4 * domains;
}

/** The mixture term 1/(Σᵢ Cᵢ·hᵢ^γᵢ); a domain with hᵢ = 0 adds nothing (the limit for γᵢ > 0). */
function mixtureTerm(law: MixtureLawConstants, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] > 0) sum += law.C[i] * weights[i] ** law.gamma[i];
  return 1 / sum;
}

/** Σᵢ cᵢ·hᵢ: the mixture-weighted average of per-domain coefficients (h sums to 1). */
function weightedSum(coefficients: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += coefficients[i] * weights[i];
  return sum;
}

/**
 * At a fixed mixture h both laws are of the Chinchilla form E_h + A_h/N^α + B_h/D^β, with
 * E_h = E + 1/(Σᵢ Cᵢ·hᵢ^γᵢ) and, for the joint law, A_h = (Σᵢ Cᵢᴬ·hᵢ)^γ_A, B_h = (Σᵢ Cᵢᴮ·hᵢ)^γ_B
 * (Shukor et al. 2025, Eqs. 2.4 and 2.5). Everything a Chinchilla law answers (compute-optimal
 * size, verdicts) then holds for a model trained on that mixture.
 *
 * @example chinchillaAtMixture(law, [0.5, 0.3, 0.2]).E
 */
export function chinchillaAtMixture(law: MixtureLawConstants, weights: readonly number[]): ChinchillaConstants {
  requireMixture(weights, law.domains);
  const E = law.E + mixtureTerm(law, weights);
  if (law.form === 'additive') return { E, A: law.A, B: law.B, alpha: law.alpha, beta: law.beta };
  return {
    E,
    A: weightedSum(law.CA, weights) ** law.gammaA,
    B: weightedSum(law.CB, weights) ** law.gammaB,
    alpha: law.alpha,
    beta: law.beta,
  };
}

/**
 * Predicted loss of N parameters trained on D tokens drawn with domain weights h.
 *
 * @example mixtureLoss(law, 7e9, 150e9, [0.5, 0.3, 0.2])
 */
export function mixtureLoss(law: MixtureLawConstants, params: number, tokens: number, weights: readonly number[]): number {
  requirePositive(params, 'parameters');
  requirePositive(tokens, 'tokens');
  const { E, A, B, alpha, beta } = chinchillaAtMixture(law, weights);
  return E + A / params ** alpha + B / tokens ** beta;
}

/**
 * ∂L/∂hᵢ at (N, D, h), written into `gradient`; returns L. The mixture term contributes
 * −Cᵢ·γᵢ·hᵢ^(γᵢ−1)/(Σⱼ Cⱼ·hⱼ^γⱼ)², and for the joint law A_h/N^α contributes
 * (A_h/N^α)·γ_A·Cᵢᴬ/(Σⱼ Cⱼᴬ·hⱼ), likewise B_h/D^β. Weights must be positive (inside the simplex).
 */
export function mixtureLossGradient(
  law: MixtureLawConstants,
  params: number,
  tokens: number,
  weights: readonly number[],
  gradient: Float64Array,
): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += law.C[i] * weights[i] ** law.gamma[i];
  const term = 1 / sum;
  for (let i = 0; i < weights.length; i++) gradient[i] = -term * term * law.C[i] * law.gamma[i] * weights[i] ** (law.gamma[i] - 1);
  if (law.form === 'additive') return law.E + term + law.A / params ** law.alpha + law.B / tokens ** law.beta;
  const sumA = weightedSum(law.CA, weights);
  const sumB = weightedSum(law.CB, weights);
  const paramsTerm = sumA ** law.gammaA / params ** law.alpha;
  const tokensTerm = sumB ** law.gammaB / tokens ** law.beta;
  for (let i = 0; i < weights.length; i++) {
    gradient[i] += (paramsTerm * law.gammaA * law.CA[i]) / sumA + (tokensTerm * law.gammaB * law.CB[i]) / sumB;
  }
  return law.E + term + paramsTerm + tokensTerm;
}

/**
 * The same law with its per-domain constants listed in `domains`' order, so laws fitted to tables
 * whose weight columns came in different orders can be combined. Throws unless `domains` names the
 * law's domains exactly.
 *
 * @example withDomainOrder(law, ['code', 'web']).domains // ['code', 'web']
 */
export function withDomainOrder<Law extends MixtureLawConstants>(law: Law, domains: readonly string[]): Law {
  const positions = domains.map((domain) => law.domains.indexOf(domain));
  if (domains.length !== law.domains.length || positions.some((position) => position < 0) || new Set(positions).size !== positions.length) {
    throw new QuantityError(`the domains ${domains.join(', ')} are not those of the law (${law.domains.join(', ')})`);
  }
  const reorder = (values: readonly number[]) => positions.map((position) => values[position]);
  const shared = { ...law, domains: [...domains], C: reorder(law.C), gamma: reorder(law.gamma) };
  return law.form === 'additive' ? shared : { ...shared, CA: reorder(law.CA), CB: reorder(law.CB) };
}
