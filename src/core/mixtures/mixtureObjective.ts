import type { FitPoint } from '../fit/fitPoints';
import type { FitUnits, MixtureParameterLayout } from './mixtureParameters';

/** A finished run on a data mixture: N, D, its loss on the target domain, and its domain weights h. */
export interface MixtureRun extends FitPoint {
  /** One weight per domain, on the simplex, in the order of the data set's domains. */
  readonly weights: readonly number[];
}

/**
 * Huber threshold δ on the raw loss with which Shukor et al. 2025 fit their mixture laws, the
 * δ = 1e-3 of Hoffmann et al. 2022 (Sec. 3.3).
 */
export const MIXTURE_HUBER_DELTA = 1e-3;

/**
 * Shukor et al. 2025's fitting objective: the Huber loss of the residual of the raw loss, averaged
 * over runs,
 *
 *   f(θ) = (1/n) Σⱼ Huber_δ( L̂(Nⱼ, Dⱼ, hⱼ; θ) − Lⱼ ),
 *
 * with its analytic gradient over the vector laid out by {@link MixtureParameterLayout}.
 * A mixture study trains each mixture at several (N, D), so everything that depends on h alone
 * (the mixture term, and A_h, B_h of the joint law) is computed once per distinct mixture. Evaluation
 * allocates nothing, so the thousands of L-BFGS runs of a basin-hopping fit stay cheap.
 */
export class MixtureHuberObjective {
  readonly size: number;
  private readonly logParams: Float64Array;
  private readonly logTokens: Float64Array;
  private readonly losses: Float64Array;
  /** Which distinct mixture each run used. */
  private readonly mixtureOfRun: Int32Array;
  /** hᵢ and log hᵢ of each distinct mixture, row by row (m × k); log 0 = −∞ marks an absent domain. */
  private readonly weights: Float64Array;
  private readonly logWeights: Float64Array;
  /** Scratch, refilled by every evaluation: Cᵢ·hᵢ^γᵢ (m × k), and per mixture 1/Σᵢ Cᵢhᵢ^γᵢ, log Σᵢ Cᵢᴬhᵢ, log Σᵢ Cᵢᴮhᵢ. */
  private readonly shares: Float64Array;
  private readonly mixtureTerms: Float64Array;
  private readonly logSumsA: Float64Array;
  private readonly logSumsB: Float64Array;
  /** Scratch: Σ over a mixture's runs of Huber′/n, times A_h/N^α, times B_h/D^β. */
  private readonly pulls: Float64Array;
  private readonly paramsPulls: Float64Array;
  private readonly tokensPulls: Float64Array;
  /** Scratch: Cᵢᴬ and Cᵢᴮ of the current θ. */
  private readonly coefficientsA: Float64Array;
  private readonly coefficientsB: Float64Array;

  /**
   * @param units N and D are measured in these units inside the search (see {@link FitUnits})
   */
  constructor(
    runs: readonly MixtureRun[],
    private readonly layout: MixtureParameterLayout,
    units: FitUnits,
    readonly delta: number = MIXTURE_HUBER_DELTA,
  ) {
    const k = layout.domains;
    this.size = runs.length;
    this.logParams = Float64Array.from(runs, (run) => Math.log(run.params / units.params));
    this.logTokens = Float64Array.from(runs, (run) => Math.log(run.tokens / units.tokens));
    this.losses = Float64Array.from(runs, (run) => run.loss);
    const keys = runs.map((run) => run.weights.join(','));
    const distinct = [...new Set(keys)];
    const position = new Map(distinct.map((key, index) => [key, index]));
    this.mixtureOfRun = Int32Array.from(keys, (key) => position.get(key)!);
    this.weights = Float64Array.from(distinct.flatMap((key) => runs[keys.indexOf(key)].weights));
    this.logWeights = this.weights.map(Math.log);
    const m = distinct.length;
    this.shares = new Float64Array(m * k);
    this.mixtureTerms = new Float64Array(m);
    this.logSumsA = new Float64Array(m);
    this.logSumsB = new Float64Array(m);
    this.pulls = new Float64Array(m);
    this.paramsPulls = new Float64Array(m);
    this.tokensPulls = new Float64Array(m);
    this.coefficientsA = new Float64Array(k);
    this.coefficientsB = new Float64Array(k);
  }

  /** f(θ), writing ∇f(θ) into `gradient`. */
  evaluate(theta: ArrayLike<number>, gradient: Float64Array): number {
    const {
      layout,
      weights,
      logWeights,
      shares,
      mixtureTerms,
      logSumsA,
      logSumsB,
      pulls,
      paramsPulls,
      tokensPulls,
      coefficientsA,
      coefficientsB,
    } = this;
    const k = layout.domains;
    const m = mixtureTerms.length;
    const joint = layout.form === 'joint';
    gradient.fill(0);
    pulls.fill(0);
    paramsPulls.fill(0);
    tokensPulls.fill(0);
    const gammaA = joint ? theta[layout.gammaA] : 0;
    const gammaB = joint ? theta[layout.gammaB] : 0;
    if (joint) {
      for (let i = 0; i < k; i++) {
        coefficientsA[i] = Math.exp(theta[layout.logCA + i]);
        coefficientsB[i] = Math.exp(theta[layout.logCB + i]);
      }
    }
    for (let q = 0; q < m; q++) {
      const row = q * k;
      let sum = 0;
      let sumA = 0;
      let sumB = 0;
      for (let i = 0; i < k; i++) {
        const share = weights[row + i] > 0 ? Math.exp(theta[layout.logC + i] + theta[layout.gamma + i] * logWeights[row + i]) : 0;
        shares[row + i] = share;
        sum += share;
        sumA += coefficientsA[i] * weights[row + i];
        sumB += coefficientsB[i] * weights[row + i];
      }
      mixtureTerms[q] = 1 / sum;
      // log A_h = γ_A·log Σᵢ Cᵢᴬhᵢ (joint); the additive law's log A is one constant.
      logSumsA[q] = joint ? gammaA * Math.log(sumA) : theta[layout.logA];
      logSumsB[q] = joint ? gammaB * Math.log(sumB) : theta[layout.logB];
    }
    const value = this.accumulateRuns(theta, gradient);
    for (let q = 0; q < m; q++) {
      const row = q * k;
      // ∂(1/M)/∂log Cᵢ = −mᵢ/M² and ∂(1/M)/∂γᵢ = −mᵢ·log hᵢ/M², with mᵢ = Cᵢ·hᵢ^γᵢ.
      const mixturePull = pulls[q] * mixtureTerms[q] * mixtureTerms[q];
      for (let i = 0; i < k; i++) {
        if (shares[row + i] === 0) continue;
        gradient[layout.logC + i] -= mixturePull * shares[row + i];
        gradient[layout.gamma + i] -= mixturePull * shares[row + i] * logWeights[row + i];
      }
      if (!joint) {
        gradient[layout.logA] += paramsPulls[q];
        gradient[layout.logB] += tokensPulls[q];
        continue;
      }
      // A_h/N^α = exp(γ_A·log S_A − α·log N): ∂/∂γ_A = term·log S_A, ∂/∂log Cᵢᴬ = term·γ_A·Cᵢᴬhᵢ/S_A.
      const sumA = Math.exp(logSumsA[q] / gammaA);
      const sumB = Math.exp(logSumsB[q] / gammaB);
      gradient[layout.gammaA] += (paramsPulls[q] * logSumsA[q]) / gammaA;
      gradient[layout.gammaB] += (tokensPulls[q] * logSumsB[q]) / gammaB;
      for (let i = 0; i < k; i++) {
        gradient[layout.logCA + i] += (paramsPulls[q] * gammaA * coefficientsA[i] * weights[row + i]) / sumA;
        gradient[layout.logCB + i] += (tokensPulls[q] * gammaB * coefficientsB[i] * weights[row + i]) / sumB;
      }
    }
    return value;
  }

  /**
   * The mean Huber loss over runs, given each mixture's terms; adds the gradient of E, α and β and
   * sums each mixture's pulls for the caller to spread over the mixture's constants.
   */
  private accumulateRuns(theta: ArrayLike<number>, gradient: Float64Array): number {
    const { layout, logParams, logTokens, losses, mixtureOfRun, mixtureTerms, logSumsA, logSumsB, pulls, paramsPulls, tokensPulls, delta } =
      this;
    const floor = Math.exp(theta[layout.logE]);
    const alpha = theta[layout.alpha];
    const beta = theta[layout.beta];
    const scale = 1 / this.size;
    let value = 0;
    for (let j = 0; j < this.size; j++) {
      const q = mixtureOfRun[j];
      const paramsTerm = Math.exp(logSumsA[q] - alpha * logParams[j]);
      const tokensTerm = Math.exp(logSumsB[q] - beta * logTokens[j]);
      const residual = floor + mixtureTerms[q] + paramsTerm + tokensTerm - losses[j];
      const size = Math.abs(residual);
      value += size <= delta ? 0.5 * residual * residual : delta * (size - 0.5 * delta);
      const pull = (size <= delta ? residual : Math.sign(residual) * delta) * scale;
      gradient[layout.logE] += pull * floor;
      gradient[layout.alpha] -= pull * paramsTerm * logParams[j];
      gradient[layout.beta] -= pull * tokensTerm * logTokens[j];
      pulls[q] += pull;
      paramsPulls[q] += pull * paramsTerm;
      tokensPulls[q] += pull * tokensTerm;
    }
    return value * scale;
  }
}
