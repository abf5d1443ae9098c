import { FLOP_PER_PF_DAY } from '../quantities';

/**
 * Kaplan et al. 2020's compute-efficient frontier as published, and the C_min convention that maps a
 * run's training compute onto it.
 *
 * C_min is "the minimum amount of non-embedding compute to reach a given value of the loss", i.e. the
 * compute of training far below the critical batch size (Sec. 1.3; Eq. 5.5: C_min = C/(1 + B/B_crit)).
 * Training at the critical batch size B = B_crit, "a roughly optimal time/compute tradeoff" (Sec. 5.1),
 * costs twice that: "If we train at the critical batch size (i.e. C = 2C_min)" (Sec. 6.3, Eq. 6.7).
 * Hoffmann et al. 2022 map Kaplan's allocation the same way: their App. D.4 quotes Kaplan's optimum
 * at 1e21 FLOP as 4.68B parameters, which is 1.3e9·(1e21/2 FLOP in PF-days)^0.73 (with C_min = C it
 * would be 7.8B). So a run's training compute C is read as C_min = C/2 everywhere here.
 */
export const KAPLAN_TRAINING_PER_MIN_COMPUTE = 2;

export const KAPLAN_FRONTIER = {
  /** N_opt = N_e·C_min^p_N, C_min in PF-days (Table 6; Eq. 6.1, Fig. 14). */
  paramsCoefficient: 1.3e9,
  paramsExponent: 0.73,
  /**
   * D_opt = D_e·C_min^p_D "(1 epoch)" (Table 6). Eq. 6.7 prints 4e10·C_min^0.26 for the same
   * quantity 2C_min/(6N), but with N_e = 1.3e9 that quotient is 2.2e10·C_min^0.27, which Table 6
   * rounds to 2e10; Table 6 is used.
   */
  tokensCoefficient: 2e10,
  tokensExponent: 0.27,
  /** L(C_min) = (C_c^min/C_min)^α_C^min, C_min in PF-days (Eq. 1.3; Table 5). */
  lossExponent: 0.05,
  criticalComputePfDays: 3.1e8,
  /** α_N and α_S of L(N, S_min) = (N_c/N)^α_N + (S_c/S_min)^α_S (Eq. 1.6; Table 3). */
  alphaN: 0.077,
  alphaS: 0.76,
} as const;

/** C_min in PF-days for a run of `compute` training FLOP at the critical batch size. */
export function kaplanMinCompute(compute: number): number {
  return compute / KAPLAN_TRAINING_PER_MIN_COMPUTE / FLOP_PER_PF_DAY;
}

/** The frontier's N, D and loss at training compute `compute` FLOP (Table 6 and Eq. 1.3). */
export function kaplanFrontierPoint(compute: number): { params: number; tokens: number; loss: number } {
  const minCompute = kaplanMinCompute(compute);
  const f = KAPLAN_FRONTIER;
  return {
    params: f.paramsCoefficient * minCompute ** f.paramsExponent,
    tokens: f.tokensCoefficient * minCompute ** f.tokensExponent,
    loss: frontierLossAt(minCompute),
  };
}

function frontierLossAt(minComputePfDays: number): number {
  return (KAPLAN_FRONTIER.criticalComputePfDays / minComputePfDays) ** KAPLAN_FRONTIER.lossExponent;
}

/**
 * Excess compute of a model `sizeRatio` = N/N_eff times the compute-efficient size for the loss it
 * reaches (App. B.4, from L(N, S_min)): C(N)/C(N_eff) = x·[1 + (α_S/α_N)(1 − x^(−α_N))]^(−1/α_S).
 * It is 1 at x = 1 and above 1 elsewhere; Kaplan: "Models between 0.6x and 2.2x the optimal size can be
 * used with only a 20% increase in compute budget". Infinite below x = (1 + α_N/α_S)^(−1/α_N), where
 * a model of size N cannot reach the loss at all (it lies below N's converged loss).
 */
export function kaplanExcessCompute(sizeRatio: number): number {
  const { alphaN, alphaS } = KAPLAN_FRONTIER;
  const bracket = 1 + (alphaS / alphaN) * (1 - sizeRatio ** -alphaN);
  return bracket > 0 ? sizeRatio * bracket ** (-1 / alphaS) : Number.POSITIVE_INFINITY;
}

/** Smallest N/N_eff for which a model can still reach N_eff's frontier loss (App. B.4). */
const SMALLEST_SIZE_RATIO = (1 + KAPLAN_FRONTIER.alphaN / KAPLAN_FRONTIER.alphaS) ** (-1 / KAPLAN_FRONTIER.alphaN);

/**
 * A run of `params` non-embedding parameters and `compute` training FLOP on Kaplan's frontier: the
 * compute-efficient size N_eff that reaches the same loss, the efficiency C_min(N_eff)/C_min (≤ 1 by
 * App. B.4) and that loss, L(C_min(N_eff)) from Eq. 1.3. Solved by bisection on log N_eff: the compute
 * C_front(N_eff)·excess(N/N_eff) a size-N model needs rises monotonically with N_eff.
 */
export function kaplanRun(params: number, compute: number): { efficientParams: number; efficiency: number; loss: number } {
  const minCompute = kaplanMinCompute(compute);
  const frontierCompute = (efficient: number) => (efficient / KAPLAN_FRONTIER.paramsCoefficient) ** (1 / KAPLAN_FRONTIER.paramsExponent);
  const needed = (logEfficient: number) => {
    const efficient = Math.exp(logEfficient);
    return Math.log(frontierCompute(efficient)) + Math.log(kaplanExcessCompute(params / efficient));
  };
  const target = Math.log(minCompute);
  let high = Math.log(params / SMALLEST_SIZE_RATIO);
  // Down from N in doubling steps until a size-N model would need less than the run's compute: a run
  // on very few tokens puts N_eff hundreds of e-folds below N (N = 1e40 on 1e-30 tokens: N_eff ≈ 1e-95).
  let low = Math.log(params);
  for (let width = 1; needed(low) >= target; width *= 2) low = Math.log(params) - width;
  for (let step = 0; step < 200 && high - low > 1e-13; step++) {
    const middle = (low + high) / 2;
    if (needed(middle) > target) high = middle;
    else low = middle;
  }
  const efficientParams = Math.exp((low + high) / 2);
  const efficientCompute = frontierCompute(efficientParams);
  return { efficientParams, efficiency: Math.min(1, efficientCompute / minCompute), loss: frontierLossAt(efficientCompute) };
}
