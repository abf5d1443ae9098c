import type { MixtureLawConstants, MixtureLawForm } from './mixtureLaw';
import { mixtureConstantCount } from './mixtureLaw';

/**
 * Where each constant of a mixture law sits in the vector the fit searches. Positive constants
 * (E, A, B, Cᵢ, Cᵢᴬ, Cᵢᴮ) are searched by their logarithms, so they stay positive without bounds,
 * as in Hoffmann et al. 2022's Chinchilla fit (Eq. 3); exponents are searched as they are.
 *
 * additive: [log E, log A, log B, α, β, log C₁…log Cₖ, γ₁…γₖ]
 * joint:    [log E, α, β, log C₁…log Cₖ, γ₁…γₖ, log C₁ᴬ…log Cₖᴬ, γ_A, log C₁ᴮ…log Cₖᴮ, γ_B]
 */
export interface MixtureParameterLayout {
  readonly form: MixtureLawForm;
  readonly domains: number;
  /** Length of the vector: 5 + 2k or 5 + 4k. */
  readonly size: number;
  readonly logE: number;
  readonly alpha: number;
  readonly beta: number;
  /** First of the k entries log Cᵢ, then of the k entries γᵢ. */
  readonly logC: number;
  readonly gamma: number;
  /** additive only: log A and log B (−1 for the joint law). */
  readonly logA: number;
  readonly logB: number;
  /** joint only: first of the k entries log Cᵢᴬ, then γ_A, the k entries log Cᵢᴮ, γ_B (−1 for additive). */
  readonly logCA: number;
  readonly gammaA: number;
  readonly logCB: number;
  readonly gammaB: number;
}

/**
 * The positions of a form's constants for `domains` domains.
 *
 * @example mixtureParameterLayout('joint', 3).size // 17
 */
export function mixtureParameterLayout(form: MixtureLawForm, domains: number): MixtureParameterLayout {
  const size = mixtureConstantCount(form, domains);
  if (form === 'additive') {
    return {
      form,
      domains,
      size,
      logE: 0,
      logA: 1,
      logB: 2,
      alpha: 3,
      beta: 4,
      logC: 5,
      gamma: 5 + domains,
      logCA: -1,
      gammaA: -1,
      logCB: -1,
      gammaB: -1,
    };
  }
  const logCA = 3 + 2 * domains;
  return {
    form,
    domains,
    size,
    logE: 0,
    alpha: 1,
    beta: 2,
    logC: 3,
    gamma: 3 + domains,
    logA: -1,
    logB: -1,
    logCA,
    gammaA: logCA + domains,
    logCB: logCA + domains + 1,
    gammaB: logCA + 2 * domains + 1,
  };
}

/**
 * The units of N and D inside the search: the geometric means of the runs' N and D. Measured in
 * them, log N and log D are centred on zero, so a coefficient and its exponent (log A and α) are
 * no longer nearly collinear, which otherwise slows L-BFGS down by orders of magnitude.
 */
export interface FitUnits {
  readonly params: number;
  readonly tokens: number;
}

/**
 * The constants a searched vector stands for, converted from the search's units to plain N and D:
 * A/(N/N̄)^α = (A·N̄^α)/N^α, and for the joint law (Σᵢ Cᵢᴬhᵢ)^γ_A·N̄^α = (Σᵢ Cᵢᴬ·N̄^(α/γ_A)·hᵢ)^γ_A.
 */
export function constantsFromVector(
  layout: MixtureParameterLayout,
  domains: readonly string[],
  x: ArrayLike<number>,
  units: FitUnits,
): MixtureLawConstants {
  const k = layout.domains;
  const slice = (from: number, map: (value: number) => number) => Array.from({ length: k }, (_, i) => map(x[from + i]));
  const alpha = x[layout.alpha];
  const beta = x[layout.beta];
  const paramsShift = alpha * Math.log(units.params);
  const tokensShift = beta * Math.log(units.tokens);
  const shared = {
    domains: [...domains],
    E: Math.exp(x[layout.logE]),
    alpha,
    beta,
    C: slice(layout.logC, Math.exp),
    gamma: slice(layout.gamma, (value) => value),
  };
  if (layout.form === 'additive')
    return { form: 'additive', ...shared, A: Math.exp(x[layout.logA] + paramsShift), B: Math.exp(x[layout.logB] + tokensShift) };
  const gammaA = x[layout.gammaA];
  const gammaB = x[layout.gammaB];
  return {
    form: 'joint',
    ...shared,
    CA: slice(layout.logCA, (value) => Math.exp(value + paramsShift / gammaA)),
    gammaA,
    CB: slice(layout.logCB, (value) => Math.exp(value + tokensShift / gammaB)),
    gammaB,
  };
}
