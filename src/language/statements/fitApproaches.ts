/** The values `fit DATA approach=…` takes (Hoffmann et al. 2022, Sec. 3.1–3.3), and `all` for Table 2's comparison. */
export const FIT_APPROACHES = ['parametric', 'isoflop', 'envelope', 'all'] as const;
export type FitApproach = (typeof FIT_APPROACHES)[number];

/** One line per approach, for hovers and completions of `approach=` (Hoffmann et al. 2022, Sec. 3.1–3.3). */
export const APPROACH_DOCS: Readonly<Record<FitApproach, string>> = {
  parametric: 'Approach 3: fit L(N, D) = E + A/N^α + B/D^β to every run (Huber loss, L-BFGS); a = β/(α+β). The default.',
  isoflop: 'Approach 2: group runs into isoFLOP budgets, fit a parabola of loss in ln N per budget, regress its minima on compute.',
  envelope: 'Approach 1: the lower envelope of training curves (one row per evaluation) against FLOP, regressed on compute.',
  all: "Every approach the data allow, their a and b side by side as in Hoffmann et al. 2022's Table 2.",
};
