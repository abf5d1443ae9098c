import { FLOP_PER_PF_DAY } from '../quantities';
import type { ScalingLaw } from './scalingLaw';

/**
 * Kaplan et al. 2020, "Scaling Laws for Neural Language Models". N counts non-embedding
 * parameters; losses are in nats per token on WebText2.
 */
export const KAPLAN_2020 = {
  /** α_N and N_c of L(N) = (N_c/N)^α_N (Eq. 1.1, Sec. 1.2). */
  alphaN: 0.076,
  criticalParams: 8.8e13,
  /** α_D and D_c of L(D) = (D_c/D)^α_D, tokens (Eq. 1.2). */
  alphaD: 0.095,
  criticalTokens: 5.4e13,
  /** α_C^min and C_c^min of L(C_min) = (C_c^min/C_min)^α_C^min, PF-days (Eq. 1.3). */
  alphaC: 0.05,
  criticalComputePfDays: 3.1e8,
  /**
   * Compute-efficient frontier N_opt = 1.3e9 · C_min^0.73, C_min in PF-days (Sec. 6.1, Fig. 14
   * left): "N ∝ C^0.73".
   */
  frontierCoefficient: 1.3e9,
  frontierExponent: 0.73,
} as const;

/**
 * Kaplan's joint law L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D (Eq. 1.5), with the compute-efficient
 * frontier published in Sec. 6.1 (it includes training short of convergence, which is why it puts
 * most extra compute into parameters).
 */
export class KaplanLaw implements ScalingLaw {
  readonly id = 'kaplan2020';
  readonly name = 'Kaplan et al. 2020';
  readonly citation = 'Kaplan et al. 2020, "Scaling Laws for Neural Language Models", Eq. 1.5 and Sec. 6.1 (N ∝ C^0.73)';
  readonly irreducibleLoss = 0;
  readonly optimumMethod = 'published frontier N = 1.3e9·C^0.73, C in PF-days (Kaplan et al. 2020, Sec. 6.1)';
  readonly caveat =
    'Kaplan et al. count non-embedding parameters and fit losses on WebText2 with a fixed learning-rate schedule; their frontier favours much larger, less-trained models than the Chinchilla-form laws.';
  readonly constants: Readonly<Record<string, number>> = {
    alphaN: KAPLAN_2020.alphaN,
    Nc: KAPLAN_2020.criticalParams,
    alphaD: KAPLAN_2020.alphaD,
    Dc: KAPLAN_2020.criticalTokens,
    alphaC: KAPLAN_2020.alphaC,
    CcPfDays: KAPLAN_2020.criticalComputePfDays,
  };

  loss(params: number, tokens: number): number {
    const { alphaN, alphaD, criticalParams, criticalTokens } = KAPLAN_2020;
    return ((criticalParams / params) ** (alphaN / alphaD) + criticalTokens / tokens) ** alphaD;
  }

  optimalParams(compute: number): number {
    return KAPLAN_2020.frontierCoefficient * (compute / FLOP_PER_PF_DAY) ** KAPLAN_2020.frontierExponent;
  }
}
