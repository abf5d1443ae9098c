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
  private readonly logTokens: Float64Array;
  private readonly logLoss: Float64Array;
  private readonly weights: Float64Array;
  /** log N of each distinct model size, and which one each point uses. */
  private readonly sizeLogs: Float64Array;
  private readonly sizeOfPoint: Int32Array;
  /** Scratch: exp(a − α·log N) for each distinct size, refilled by every evaluation. */
  private readonly sizeTerms: Float64Array;

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
    const distinctSizes = [...new Set(kept.map((index) => points[index].params))];
    const sizePosition = new Map(distinctSizes.map((params, position) => [params, position]));
    this.sizeLogs = Float64Array.from(distinctSizes, Math.log);
    this.sizeOfPoint = Int32Array.from(kept, (index) => sizePosition.get(points[index].params)!);
    this.sizeTerms = new Float64Array(distinctSizes.length);
    this.logTokens = Float64Array.from(kept, (index) => Math.log(points[index].tokens));
    this.logLoss = Float64Array.from(kept, (index) => Math.log(points[index].loss));
    this.weights = Float64Array.from(kept, (index) => (repeats ? repeats[index] : 1));
    this.weightTotal = this.weights.reduce((total, weight) => total + weight, 0);
  }

  /**
   * f(θ), writing ∇f(θ) into `gradient`. θ and the gradient are ordered as {@link PARAMETER_INDEX}.
   *
   * Model sizes repeat across the budgets of an isoFLOP ladder, so A/N^α = exp(a − α·log N) is
   * computed once per distinct size. The log-sum-exp is taken directly while the sum lies well
   * inside the double range (1e-300 to 1e300); otherwise (a term overflows, or all underflow or
   * turn subnormal) that point is recomputed
   * with the largest term subtracted before exponentiating, so no θ the optimiser tries gives a
   * spurious infinity. Either way the same exponentials give the softmax weights of the gradient,
   * ∂LSE/∂xⱼ = exp(xⱼ)/Σₖ exp(xₖ).
   */
  evaluate(theta: ArrayLike<number>, gradient: Float64Array): number {
    const a = theta[0];
    const b = theta[1];
    const e = theta[2];
    const alpha = theta[3];
    const beta = theta[4];
    const delta = this.delta;
    const { logTokens, logLoss, weights, sizeLogs, sizeOfPoint, sizeTerms } = this;
    for (let j = 0; j < sizeLogs.length; j++) sizeTerms[j] = Math.exp(a - alpha * sizeLogs[j]);
    const floor = Math.exp(e);
    let value = 0;
    let gradA = 0;
    let gradB = 0;
    let gradE = 0;
    let gradAlpha = 0;
    let gradBeta = 0;
    for (let i = 0; i < this.size; i++) {
      const size = sizeOfPoint[i];
      const logN = sizeLogs[size];
      const logD = logTokens[i];
      let paramsShare = sizeTerms[size];
      let tokensShare = Math.exp(b - beta * logD);
      let floorShare = floor;
      let total = paramsShare + tokensShare + floorShare;
      let logTotal: number;
      if (total > 1e-300 && total < 1e300) {
        logTotal = Math.log(total);
      } else {
        const paramsTerm = a - alpha * logN;
        const tokensTerm = b - beta * logD;
        let largest = paramsTerm > tokensTerm ? paramsTerm : tokensTerm;
        if (e > largest) largest = e;
        paramsShare = Math.exp(paramsTerm - largest);
        tokensShare = Math.exp(tokensTerm - largest);
        floorShare = Math.exp(e - largest);
        total = paramsShare + tokensShare + floorShare;
        logTotal = largest + Math.log(total);
      }
      const residual = logTotal - logLoss[i];
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
