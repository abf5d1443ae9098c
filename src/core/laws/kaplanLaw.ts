import { FLOP_PER_PARAM_TOKEN } from './chinchillaLaw';
import { KAPLAN_FRONTIER, kaplanFrontierPoint, kaplanRun } from './kaplanFrontier';
import type { ScalingLaw } from './scalingLaw';
import { PRESET_VALIDITY } from './validity';

/**
 * Kaplan et al. 2020, "Scaling Laws for Neural Language Models", applied as published: N counts
 * non-embedding parameters, losses are nats per token on WebText2, and a run's training compute C is
 * read as C_min = C/2 (training at the critical batch size, Sec. 6.3; see kaplanFrontier.ts).
 *
 * Frontier questions use the compute-efficient frontier: N and D from Table 6, the loss L(C_min) from
 * Eq. 1.3. A run of N parameters and D tokens gets the loss of the same frontier at the compute a
 * compute-efficient model needs to match it (App. B.4, derived from L(N, S_min), Eq. 1.6), so its
 * efficiency never exceeds 100% and its loss never falls below the frontier. Eq. 1.5's L(N, D) is not
 * used: it is the early-stopped loss on a D-token dataset after unlimited training, a different
 * question, and compared with L(C_min) it made GPT-3 look 7× more efficient than Kaplan's optimum.
 */
export class KaplanLaw implements ScalingLaw {
  readonly id = 'kaplan2020';
  readonly name = 'Kaplan et al. 2020';
  readonly citation =
    'Kaplan et al. 2020, "Scaling Laws for Neural Language Models": frontier Table 6 and Eq. 1.3, runs via App. B.4 (Eq. 1.6)';
  readonly irreducibleLoss = 0;
  readonly optimumMethod =
    'Kaplan et al. 2020 frontier N = 1.3e9·C_min^0.73, D = 2e10·C_min^0.27 (Table 6), C_min = C/2 in PF-days ' +
    '(critical batch size, Sec. 6.3; as Hoffmann et al. 2022, App. D.4)';
  readonly caveat =
    "Kaplan et al.'s losses are on WebText2 with GPT-2's tokenizer (Sec. 2): they are not comparable in absolute value with " +
    'the Chinchilla-family losses (MassiveText), and its frontier favours much larger, less-trained models.';
  readonly validity = PRESET_VALIDITY.kaplan2020;
  readonly countsNonEmbeddingParams = true;
  /** Sec. 2: WebText2, byte-pair encoded with GPT-2's 50,257-token vocabulary. */
  readonly lossDataset = 'WebText2';
  readonly constants: Readonly<Record<string, number>> = {
    Ne: KAPLAN_FRONTIER.paramsCoefficient,
    pN: KAPLAN_FRONTIER.paramsExponent,
    De: KAPLAN_FRONTIER.tokensCoefficient,
    pD: KAPLAN_FRONTIER.tokensExponent,
    alphaC: KAPLAN_FRONTIER.lossExponent,
    CcPfDays: KAPLAN_FRONTIER.criticalComputePfDays,
    alphaN: KAPLAN_FRONTIER.alphaN,
    alphaS: KAPLAN_FRONTIER.alphaS,
  };

  loss(params: number, tokens: number): number {
    return kaplanRun(params, FLOP_PER_PARAM_TOKEN * params * tokens).loss;
  }

  optimum(compute: number): { params: number; tokens: number; loss: number } {
    return kaplanFrontierPoint(compute);
  }
}
