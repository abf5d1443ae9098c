import type { FitPoint } from './fitPoints';

/**
 * Huber threshold δ of Hoffmann et al. 2022 (Sec. 3.3, Eq. 3 and Appendix D.2): residuals of log
 * loss below 1e-3 are penalised quadratically, larger ones linearly, so outliers barely pull the fit.
 */
export const CHINCHILLA_HUBER_DELTA = 1e-3;

/**
 * Huber loss of a residual: ½r² for |r| ≤ δ, δ·(|r| − ½δ) beyond (Huber 1964, Eq. 2; the form
 * Hoffmann et al. 2022 use in Appendix D.2).
 *
 * @example huberLoss(0.5, 1) // 0.125
 */
export function huberLoss(residual: number, delta: number): number {
  const size = Math.abs(residual);
  return size <= delta ? 0.5 * residual * residual : delta * (size - 0.5 * delta);
}

/**
 * dHuber/dr: r inside the threshold, ±δ beyond it.
 *
 * @example huberDerivative(3, 1) // 1
 */
export function huberDerivative(residual: number, delta: number): number {
  if (residual > delta) return delta;
  if (residual < -delta) return -delta;
  return residual;
}

/**
 * Positions in the parameter vector θ = (a, b, e, α, β) with A = eᵃ, B = eᵇ, E = eᵉ
 * (Hoffmann et al. 2022, Eq. 3). Fitting the logarithms keeps A, B and E positive without bounds.
 */
export const PARAMETER_INDEX = { a: 0, b: 1, e: 2, alpha: 3, beta: 4 } as const;

/** The names of θ's entries, in order. */
export type ParameterName = keyof typeof PARAMETER_INDEX;

/** Number of parameters of the Chinchilla form. */
export const PARAMETER_COUNT = 5;

/**
 * Hoffmann et al.'s objective (2022, Eq. 3):
 *
 *   f(θ) = Σᵢ wᵢ · Huber_δ( LSE(a − α·log Nᵢ, b − β·log Dᵢ, e) − log Lᵢ )
 *
 * with its analytic gradient. It is a sum, not a mean: Besiroglu et al. 2024 (Sec. 3 and
 * Appendix A) show that dividing by the number of points shrinks the objective so far below
 * L-BFGS's stopping tolerance that the optimiser stops early, which is how the original paper's
 * too-narrow confidence intervals arose. The weights wᵢ are repeat counts: a bootstrap resample is
 * the data with each point weighted by how often it was drawn, so no point is copied.
 *
 * Evaluation allocates nothing, so millions of calls stay cheap.
 */
export class ChinchillaHuberObjective {
  /** Number of points with positive weight, the ones the objective visits. */
  readonly size: number;
  /** Sum of the repeat counts: the number of points of the (resampled) data set. */
  readonly weightTotal: number;
  private readonly logParams: Float64Array;
  private readonly logTokens: Float64Array;
  private readonly logLoss: Float64Array;
  private readonly weights: Float64Array;

  /**
   * @param points validated runs (see `validateFitPoints`)
   * @param delta Huber threshold, {@link CHINCHILLA_HUBER_DELTA} in the paper
   * @param repeats how many times each point counts (default once each); zero drops a point
   */
  constructor(
    points: readonly FitPoint[],
    readonly delta: number = CHINCHILLA_HUBER_DELTA,
    repeats?: ArrayLike<number>,
  ) {
    const kept = points.map((_, index) => index).filter((index) => (repeats ? repeats[index] : 1) > 0);
    this.size = kept.length;
    this.logParams = Float64Array.from(kept, (index) => Math.log(points[index].params));
    this.logTokens = Float64Array.from(kept, (index) => Math.log(points[index].tokens));
    this.logLoss = Float64Array.from(kept, (index) => Math.log(points[index].loss));
    this.weights = Float64Array.from(kept, (index) => (repeats ? repeats[index] : 1));
    this.weightTotal = this.weights.reduce((total, weight) => total + weight, 0);
  }

  /**
   * f(θ), writing ∇f(θ) into `gradient`. θ and the gradient are ordered as {@link PARAMETER_INDEX}.
   *
   * The log-sum-exp subtracts the largest of its three terms before exponentiating, so neither
   * overflow nor underflow can occur whatever the optimiser tries; the same exponentials give the
   * softmax weights of the gradient, ∂LSE/∂xⱼ = exp(xⱼ − LSE).
   */
  evaluate(theta: ArrayLike<number>, gradient: Float64Array): number {
    const a = theta[0];
    const b = theta[1];
    const e = theta[2];
    const alpha = theta[3];
    const beta = theta[4];
    const delta = this.delta;
    const { logParams, logTokens, logLoss, weights } = this;
    let value = 0;
    let gradA = 0;
    let gradB = 0;
    let gradE = 0;
    let gradAlpha = 0;
    let gradBeta = 0;
    for (let i = 0; i < this.size; i++) {
      const logN = logParams[i];
      const logD = logTokens[i];
      const paramsTerm = a - alpha * logN;
      const tokensTerm = b - beta * logD;
      let largest = paramsTerm > tokensTerm ? paramsTerm : tokensTerm;
      if (e > largest) largest = e;
      // One of the three is exp(0) = 1: skip that exponential.
      const paramsShare = paramsTerm === largest ? 1 : Math.exp(paramsTerm - largest);
      const tokensShare = tokensTerm === largest ? 1 : Math.exp(tokensTerm - largest);
      const floorShare = e === largest ? 1 : Math.exp(e - largest);
      const total = paramsShare + tokensShare + floorShare;
      const residual = largest + Math.log(total) - logLoss[i];
      const weight = weights[i];
      let slope: number;
      if (residual > delta) {
        value += weight * delta * (residual - 0.5 * delta);
        slope = delta;
      } else if (residual < -delta) {
        value += weight * delta * (-residual - 0.5 * delta);
        slope = -delta;
      } else {
        value += weight * 0.5 * residual * residual;
        slope = residual;
      }
      const scale = (weight * slope) / total;
      const paramsPull = scale * paramsShare;
      const tokensPull = scale * tokensShare;
      gradA += paramsPull;
      gradAlpha -= paramsPull * logN;
      gradB += tokensPull;
      gradBeta -= tokensPull * logD;
      gradE += scale * floorShare;
    }
    gradient[0] = gradA;
    gradient[1] = gradB;
    gradient[2] = gradE;
    gradient[3] = gradAlpha;
    gradient[4] = gradBeta;
    return value;
  }
}
