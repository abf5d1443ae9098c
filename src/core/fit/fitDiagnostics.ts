import type { ChinchillaConstants } from '../laws/scalingLaw';
import type { FitPoint } from './fitPoints';

/**
 * Plain-language checks of a Chinchilla fit's data and result. A fit always returns its optimum;
 * these say when that optimum should not be trusted, because the optimiser reports convergence
 * even when the data cannot pin the constants down (one isoFLOP curve, flat losses, six runs).
 */

/**
 * Exponents published fits land in: Kaplan et al. 2020 (α_N ≈ 0.076, α_D ≈ 0.095), Hoffmann et
 * al. 2022 (α ≈ 0.34, β ≈ 0.28), Besiroglu et al. 2024 (α ≈ 0.35, β ≈ 0.37). The band is far wider
 * than 0.07–0.37 so that only exponents no ladder has produced are flagged.
 */
export const PLAUSIBLE_EXPONENTS = { low: 0.05, high: 1.5 } as const;

/** Distinct values a ladder needs on each axis to identify a power law's exponent and offset. */
const MIN_DISTINCT = 3;
/** Runs per fitted constant below which the fit chases noise (a common rule of thumb for nonlinear least squares). */
export const MIN_RUNS_PER_CONSTANT = 3;

const EXPONENTS = [
  ['alpha', 'α', 'model size'],
  ['beta', 'β', 'data'],
] as const;

/** How many different values `values` takes once rounded to 2 significant digits (so float noise from C = 6ND does not count). */
function distinctRounded(values: readonly number[]): number {
  return new Set(values.map((value) => Number(value.toPrecision(2)))).size;
}

/** Warnings when the runs do not spread over N, D and compute enough to separate the two power laws. */
export function spreadWarnings(points: readonly FitPoint[]): string[] {
  const budgets = distinctRounded(points.map((point) => 6 * point.params * point.tokens));
  if (budgets < 2) {
    return [
      'the runs sit on one isoFLOP curve: N and D are confounded, the exponents are not identified; add runs at other compute budgets',
    ];
  }
  const warnings: string[] = [];
  for (const [field, what, exponent] of [
    ['params', 'model sizes', 'α'],
    ['tokens', 'token counts', 'β'],
  ] as const) {
    const distinct = distinctRounded(points.map((point) => point[field]));
    if (distinct < MIN_DISTINCT)
      warnings.push(`only ${distinct} distinct ${what}: ${exponent} is not identified; use at least ${MIN_DISTINCT}`);
  }
  return warnings;
}

/** Warnings for exponents that are not positive (no law follows) or lie outside {@link PLAUSIBLE_EXPONENTS}. */
export function exponentWarnings(constants: Pick<ChinchillaConstants, 'alpha' | 'beta'>): string[] {
  return EXPONENTS.flatMap(([key, label, what]) => {
    const value = constants[key];
    if (!(value > 0)) {
      return [
        `${label} = ${value.toPrecision(3)} is not positive: the runs do not show loss falling with ${what}, so no compute-optimal size follows`,
      ];
    }
    if (value < PLAUSIBLE_EXPONENTS.low || value > PLAUSIBLE_EXPONENTS.high) {
      return [
        `${label} = ${value.toPrecision(3)} is outside ${PLAUSIBLE_EXPONENTS.low}–${PLAUSIBLE_EXPONENTS.high}, where published fits land (0.07–0.37: Kaplan 2020, Hoffmann 2022, Besiroglu 2024); the data probably cannot determine it`,
      ];
    }
    return [];
  });
}

/** A warning when there are fewer than {@link MIN_RUNS_PER_CONSTANT} runs per fitted constant. */
export function sampleSizeWarnings(runs: number, fittedConstants: number): string[] {
  const needed = MIN_RUNS_PER_CONSTANT * fittedConstants;
  if (fittedConstants === 0 || runs >= needed) return [];
  return [
    `${runs} runs for ${fittedConstants} fitted constants: the constants are poorly determined; use at least ${needed} runs or fix some constants`,
  ];
}

/**
 * Why fitted constants cannot be used as a law, e.g. "α = -0.290", or undefined when they can.
 * A law needs positive exponents and finite, non-negative coefficients (see ChinchillaLaw).
 */
export function unusableLawReason(constants: ChinchillaConstants): string | undefined {
  const problems = [
    ...EXPONENTS.filter(([key]) => !(constants[key] > 0)).map(([key, label]) => `${label} = ${constants[key].toPrecision(3)}`),
    ...(['E', 'A', 'B'] as const)
      .filter((key) => !(constants[key] >= 0 && Number.isFinite(constants[key])))
      .map((key) => `${key} = ${constants[key]}`),
  ];
  return problems.length > 0 ? problems.join(', ') : undefined;
}

/** How many times a planned run's N and D exceed the largest N and D among the runs (below 1: inside the data). */
export interface Extrapolation {
  readonly params: number;
  readonly tokens: number;
  readonly largestParams: number;
  readonly largestTokens: number;
}

/** How far `run` lies beyond the largest run on each axis; a fitted law is only tested inside its data. */
export function extrapolation(points: readonly FitPoint[], run: { readonly params: number; readonly tokens: number }): Extrapolation {
  const largestParams = Math.max(...points.map((point) => point.params));
  const largestTokens = Math.max(...points.map((point) => point.tokens));
  return { params: run.params / largestParams, tokens: run.tokens / largestTokens, largestParams, largestTokens };
}
