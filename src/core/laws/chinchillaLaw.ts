import { QuantityError } from '../quantities';
import type { ChinchillaConstants, ScalingLaw } from './scalingLaw';
import type { ValidityRange } from './validity';

/**
 * Training FLOPs per parameter per token: forward (2) plus backward (4), C ≈ 6·N·D
 * (Kaplan et al. 2020, Sec. 2.1 and Table 1; Hoffmann et al. 2022, Sec. 3).
 */
export const FLOP_PER_PARAM_TOKEN = 6;

/**
 * A law of the Chinchilla form L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, Eq. 2).
 *
 * @example new ChinchillaLaw('mine', 'mine', 'fitted', { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }).loss(70e9, 1.4e12)
 */
export class ChinchillaLaw implements ScalingLaw {
  readonly irreducibleLoss: number;
  readonly optimumMethod = 'closed form (Hoffmann et al. 2022, Eq. 4)';
  readonly constants: Readonly<Record<string, number>>;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly citation: string,
    readonly fit: ChinchillaConstants,
    readonly standardErrors?: Readonly<Record<string, number>>,
    readonly caveat?: string,
    readonly validity?: ValidityRange,
    readonly lossDataset?: string,
  ) {
    validateChinchillaConstants(fit);
    this.irreducibleLoss = fit.E;
    this.constants = { E: fit.E, A: fit.A, B: fit.B, alpha: fit.alpha, beta: fit.beta };
  }

  loss(params: number, tokens: number): number {
    const { E, A, B, alpha, beta } = this.fit;
    return E + A / params ** alpha + B / tokens ** beta;
  }

  /**
   * N_opt(C) = G·(C/6)^(β/(α+β)) with G = (αA/(βB))^(1/(α+β)) (Hoffmann et al. 2022, Eq. 4 and
   * Appendix D.2), obtained by minimising L(N, C/(6N)) over N.
   */
  optimalParams(compute: number): number {
    const { A, B, alpha, beta } = this.fit;
    const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
    return G * (compute / FLOP_PER_PARAM_TOKEN) ** (beta / (alpha + beta));
  }

  /** Fraction of extra compute that goes to parameters: a = β/(α+β) (Hoffmann et al. 2022, Eq. 4). */
  get parameterExponent(): number {
    return this.fit.beta / (this.fit.alpha + this.fit.beta);
  }
}

/** Throws a readable error for constants that cannot describe a loss curve. */
export function validateChinchillaConstants(fit: ChinchillaConstants): void {
  for (const key of ['E', 'A', 'B', 'alpha', 'beta'] as const) {
    const value = fit[key];
    if (!Number.isFinite(value)) throw new QuantityError(`law constant ${key} must be a finite number, got ${value}`);
    if (key === 'E' ? value < 0 : value <= 0) {
      throw new QuantityError(`law constant ${key} must be ${key === 'E' ? 'zero or more' : 'greater than zero'}, got ${value}`);
    }
  }
}
