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

/** Bytes per parameter of weights stored in BF16 (2 bytes: 1 sign, 8 exponent, 7 mantissa bits). */
export const BF16_BYTES_PER_PARAM = 2;

/**
 * Memory for a model's weights when serving: every parameter is stored, so a mixture-of-experts
 * model needs memory for its *total* parameters even though compute follows the active ones.
 *
 * @example weightMemoryBytes(671e9) // 1.342e12 (1.34 TB in BF16)
 */
export function weightMemoryBytes(totalParams: number, bytesPerParam = BF16_BYTES_PER_PARAM): number {
  return requirePositive(totalParams, 'parameters') * bytesPerParam;
}

/** Tokens that `compute` FLOP buys for a model of `activeParams`: D = C/(6N). */
export function tokensForCompute(activeParams: number, compute: number): number {
  return compute / (FLOP_PER_PARAM_TOKEN * activeParams);
}
