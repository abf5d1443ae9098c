import { requirePositive } from './quantities';
import { FLOP_PER_PARAM_TOKEN } from './laws/chinchillaLaw';

/** Transformer shape, when known, for Kaplan's attention term. */
export interface Architecture {
  readonly layers: number;
  readonly contextLength: number;
  readonly modelWidth: number;
}

/**
 * Forward FLOPs per token spent in attention over the context: 2·n_layer·n_ctx·d_model
 * (Kaplan et al. 2020, Table 1, with d_attn = d_model).
 */
export function attentionForwardFlopsPerToken(architecture: Architecture): number {
  return 2 * architecture.layers * architecture.contextLength * architecture.modelWidth;
}

/**
 * Training compute C ≈ 6·N·D (Kaplan et al. 2020, Sec. 2.1; Hoffmann et al. 2022, Sec. 3), with N
 * the parameters used per token: the *active* parameters of a mixture-of-experts model. With an
 * architecture, adds the attention term, tripled for the backward pass (Kaplan et al. 2020, Table 1).
 *
 * @example trainingCompute(70e9, 1.4e12) // 5.88e23
 */
export function trainingCompute(activeParams: number, tokens: number, architecture?: Architecture): number {
  requirePositive(activeParams, 'parameters');
  requirePositive(tokens, 'tokens');
  const attention = architecture ? 3 * attentionForwardFlopsPerToken(architecture) : 0;
  return (FLOP_PER_PARAM_TOKEN * activeParams + attention) * tokens;
}

/** Tokens that `compute` FLOP buys for a model of `activeParams`: D = C/(6N). */
export function tokensForCompute(activeParams: number, compute: number): number {
  return compute / (FLOP_PER_PARAM_TOKEN * activeParams);
}
