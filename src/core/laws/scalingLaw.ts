import type { ValidityRange } from './validity';

/**
 * What every scaling law offers the rest of the tool: a predicted loss for a model of N parameters
 * trained on D tokens, and (when the law has one) its own compute-optimal model size.
 */
export interface ScalingLaw {
  /** Canonical preset id (`epoch`'s is `besiroglu2024`) or the user's name for a custom law. */
  readonly id: string;
  /** Short human name, e.g. "Chinchilla (Hoffmann et al. 2022, printed)". */
  readonly name: string;
  /** Where the constants come from: paper, table or equation. */
  readonly citation: string;
  /** The constants as printed, for hovers and tables. */
  readonly constants: Readonly<Record<string, number>>;
  /** Bootstrap standard errors of the constants, where the source gives them. */
  readonly standardErrors?: Readonly<Record<string, number>>;
  /** A caveat shown next to this law's answers (e.g. Kaplan counts non-embedding parameters). */
  readonly caveat?: string;
  /** Predicted loss (nats/token) of N parameters trained on D tokens. */
  loss(params: number, tokens: number): number;
  /** Irreducible loss (the floor no model reaches), when the law has one. */
  readonly irreducibleLoss: number;
  /**
   * The law's own compute-optimal parameter count at `compute` FLOP, when it is given in closed form
   * or published as a fitted frontier. Laws without one are minimised numerically.
   */
  optimalParams?(compute: number): number;
  /**
   * The law's published compute-optimal model at `compute` FLOP, when its tokens and loss are not
   * simply D = C/(6N) and L(N, D) (Kaplan et al. 2020's frontier, Table 6 and Eq. 1.3).
   */
  optimum?(compute: number): { readonly params: number; readonly tokens: number; readonly loss: number };
  /** How the optimum was obtained, for the output ("closed form", "published frontier"). */
  readonly optimumMethod?: string;
  /**
   * The text the losses were measured on (MassiveText, WebText2, C4, your runs), when known: losses
   * on different data and tokenizers differ in absolute value.
   */
  readonly lossDataset?: string;
  /** True when N counts non-embedding parameters only (Kaplan et al. 2020, Sec. 2.1). */
  readonly countsNonEmbeddingParams?: boolean;
  /** The range of the runs the law was fitted on; answers outside it are extrapolations. */
  readonly validity?: ValidityRange;
}

/** The five constants of the Chinchilla functional form L(N, D) = E + A/N^α + B/D^β. */
export interface ChinchillaConstants {
  readonly E: number;
  readonly A: number;
  readonly B: number;
  readonly alpha: number;
  readonly beta: number;
}
