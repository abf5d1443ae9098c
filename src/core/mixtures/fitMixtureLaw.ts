import { basinHopping, type BasinHoppingOptions } from '../fit/basinHopping';
import { FitDataError, pointLabel, validateFitPoints } from '../fit/fitPoints';
import { LbfgsMinimizer, type LbfgsOptions, type LbfgsStopReason } from '../fit/lbfgs';
import { seededRandom, type RandomSource } from '../fit/random';
import { QuantityError } from '../quantities';
import { mixtureConstantCount, mixtureLoss, type MixtureLawConstants, type MixtureLawForm } from './mixtureLaw';
import { MIXTURE_HUBER_DELTA, MixtureHuberObjective, type MixtureRun } from './mixtureObjective';
import { constantsFromVector, mixtureParameterLayout, type MixtureParameterLayout } from './mixtureParameters';
import { requireMixture } from './mixtureWeights';

/**
 * How a mixture law is fitted; every field is optional. `starts` defaults to
 * {@link DEFAULT_MIXTURE_STARTS}, `hops` to {@link DEFAULT_MIXTURE_HOPS}; `isCancelled` and
 * `onProgress` are passed to the basin-hopping search.
 */
export interface MixtureFitOptions extends Partial<Pick<BasinHoppingOptions, 'starts' | 'hops' | 'isCancelled' | 'onProgress'>> {
  /** The law's form; default `joint`, the one whose best mixture depends on scale. */
  readonly form?: MixtureLawForm;
  /** Huber threshold δ on the raw loss; default {@link MIXTURE_HUBER_DELTA}. */
  readonly delta?: number;
  /** Seed of the starts and hops: the same seed gives the same fit. Default 1. */
  readonly seed?: number;
}

/** A fitted mixture law and how it was found. */
export interface MixtureFit {
  readonly law: MixtureLawConstants;
  /** Mean Huber loss at the optimum. */
  readonly objective: number;
  /** Root mean square of observed − fitted loss over the runs. */
  readonly rmsResidual: number;
  readonly points: number;
  readonly starts: number;
  readonly hops: number;
  /** Local L-BFGS minimisations: starts × (1 + hops), and the final polish. */
  readonly minimizations: number;
  /** Whether the polish of the best optimum met a tolerance, and why it stopped. */
  readonly converged: boolean;
  readonly stopReason: LbfgsStopReason;
  readonly evaluations: number;
  readonly delta: number;
  readonly seed: number;
  /** Plain-language problems with the result (e.g. a negative exponent). */
  readonly warnings: readonly string[];
}

/** Random starts of a fit: a few suffice because basin hopping explores around each. */
export const DEFAULT_MIXTURE_STARTS = 10;
/** Basin-hopping steps per start. */
export const DEFAULT_MIXTURE_HOPS = 5;

/**
 * L-BFGS settings of the search. The averaged objective is ~1e-7 near a good optimum, far below
 * L-BFGS-B's default tolerances, which are scaled for objectives of order one (Besiroglu et al.
 * 2024, Appendix A, on the same trap in the Chinchilla fit), so they are tightened. The mixture
 * constants are strongly correlated (E against the mixture term, Cᵢᴬ against γ_A): 20 correction
 * pairs, about one per constant, instead of scipy's 10, halve the iterations. Exploring needs only
 * to find the right basin, so each local run stops after 300 iterations.
 */
const EXPLORE_LBFGS: Partial<LbfgsOptions> = {
  memory: 20,
  relativeTolerance: 1e-13,
  gradientTolerance: 1e-13,
  maxIterations: 300,
  maxEvaluations: 600,
};
/**
 * The best optimum is then polished with no test on the reduction, which is absolute below an
 * objective of 1 and would stop a fit of exact data at 1e-10 of the way: the polish ends when the
 * gradient vanishes or when no step along the search direction lowers the Huber loss, which is how
 * L-BFGS ends at a minimum sitting on the kinks |r| = δ of a noisy fit.
 */
const POLISH_LBFGS: Partial<LbfgsOptions> = {
  memory: 20,
  relativeTolerance: 0,
  gradientTolerance: 1e-15,
  maxIterations: 20000,
  maxEvaluations: 30000,
};

/** Whether the polish ended at a minimum: a vanishing gradient, or a line search stuck on the Huber loss's kinks. */
function polishConverged(reason: LbfgsStopReason): boolean {
  return (
    reason === 'gradient below tolerance' ||
    reason === 'relative reduction below tolerance' ||
    reason === 'no decrease left at machine precision' ||
    reason === 'line search failed'
  );
}

/** Uniform draw in [low, high]. */
function between(random: RandomSource, low: number, high: number): number {
  return low + (high - low) * random();
}

/**
 * Where random starts are drawn: E below the lowest observed loss; exponents in [0, 1] (the
 * Chinchilla exponents are ≈ 0.3, Hoffmann et al. 2022, Eq. 10); coefficients from 1 to e¹⁰ for
 * the size and data terms (Chinchilla's A, B ≈ 400, log ≈ 6) and from e⁻² to e³ for the mixture
 * term, whose size is a fraction of a nat.
 */
function startDrawer(layout: MixtureParameterLayout, lowestLoss: number): (random: RandomSource) => Float64Array {
  return (random) => {
    const x = new Float64Array(layout.size);
    x[layout.logE] = Math.log(lowestLoss * between(random, 0.2, 0.9));
    x[layout.alpha] = between(random, 0, 1);
    x[layout.beta] = between(random, 0, 1);
    for (let i = 0; i < layout.domains; i++) {
      x[layout.logC + i] = between(random, -2, 3);
      x[layout.gamma + i] = between(random, 0, 1);
    }
    if (layout.form === 'additive') {
      x[layout.logA] = between(random, -3, 1);
      x[layout.logB] = between(random, -3, 1);
    } else {
      for (let i = 0; i < layout.domains; i++) {
        x[layout.logCA + i] = between(random, -3, 1);
        x[layout.logCB + i] = between(random, -3, 1);
      }
      x[layout.gammaA] = between(random, 0.5, 1.5);
      x[layout.gammaB] = between(random, 0.5, 1.5);
    }
    return x;
  };
}

function geometricMean(values: readonly number[]): number {
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

/** Throws a located error for runs a mixture fit cannot use. */
function validateMixtureRuns(runs: readonly MixtureRun[], domains: readonly string[], form: MixtureLawForm): void {
  validateFitPoints(runs, mixtureConstantCount(form, domains.length));
  runs.forEach((run, index) => {
    try {
      requireMixture(run.weights, domains);
    } catch (error) {
      if (error instanceof QuantityError) throw new FitDataError(`${pointLabel(run, index)}: ${error.message}`);
      throw error;
    }
  });
  domains.forEach((domain, i) => {
    if (runs.every((run) => run.weights[i] === runs[0].weights[i])) {
      throw new FitDataError(
        `the weight of ${domain} is ${runs[0].weights[i]} in every run: vary it across runs so the fit can tell what ${domain} data does`,
      );
    }
  });
  for (const [field, word, exponent] of [
    ['params', 'model size', 'α'],
    ['tokens', 'number of tokens', 'β'],
  ] as const) {
    if (runs.every((run) => run[field] === runs[0][field]))
      throw new FitDataError(`every run has the same ${word}: ${exponent} cannot be fitted; add runs of other ${word}s`);
  }
}

/**
 * Fits one of Shukor et al. 2025's mixture laws (Eq. 2.4 or 2.5) to runs on several mixtures, as
 * the paper does: the Huber loss (δ = 1e-3) of the raw loss, averaged over runs, minimised
 * by basin hopping around L-BFGS from seeded random starts, positive constants searched by their
 * logarithms. Throws a `FitDataError` naming the run or domain at fault for unusable data.
 *
 * @example fitMixtureLaw(runs, ['web', 'code', 'books'], { form: 'joint', seed: 1 }).law.alpha
 */
export function fitMixtureLaw(runs: readonly MixtureRun[], domains: readonly string[], options: MixtureFitOptions = {}): MixtureFit {
  const form = options.form ?? 'joint';
  const delta = options.delta ?? MIXTURE_HUBER_DELTA;
  if (!(delta > 0 && Number.isFinite(delta))) throw new FitDataError(`Huber δ must be a finite number > 0, got ${delta}`);
  const starts = options.starts ?? DEFAULT_MIXTURE_STARTS;
  const hops = options.hops ?? DEFAULT_MIXTURE_HOPS;
  for (const [name, value] of [
    ['starts', starts],
    ['hops', hops],
  ] as const) {
    if (!Number.isInteger(value) || value < (name === 'starts' ? 1 : 0))
      throw new FitDataError(`${name} must be a whole number ≥ ${name === 'starts' ? 1 : 0}, got ${value}`);
  }
  const seed = options.seed ?? 1;
  validateMixtureRuns(runs, domains, form);
  const layout = mixtureParameterLayout(form, domains.length);
  const units = { params: geometricMean(runs.map((run) => run.params)), tokens: geometricMean(runs.map((run) => run.tokens)) };
  const objective = new MixtureHuberObjective(runs, layout, units, delta);
  const f = (x: Float64Array, gradient: Float64Array) => objective.evaluate(x, gradient);
  const search = basinHopping(f, layout.size, {
    starts,
    hops,
    drawStart: startDrawer(layout, Math.min(...runs.map((run) => run.loss))),
    random: seededRandom(seed),
    lbfgs: EXPLORE_LBFGS,
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const polished = new LbfgsMinimizer(layout.size, POLISH_LBFGS).minimize(f, search.x);
  const law = constantsFromVector(layout, domains, polished.x, units);
  requireFiniteConstants(law);
  return {
    law,
    objective: polished.value,
    rmsResidual: Math.sqrt(
      runs.reduce((sum, run) => sum + (run.loss - mixtureLoss(law, run.params, run.tokens, run.weights)) ** 2, 0) / runs.length,
    ),
    points: runs.length,
    starts,
    hops,
    minimizations: search.minimizations + 1,
    converged: polishConverged(polished.reason),
    stopReason: polished.reason,
    evaluations: search.evaluations + polished.evaluations,
    delta,
    seed,
    warnings: mixtureFitWarnings(law, polishConverged(polished.reason), polished.reason),
  };
}

/**
 * Throws when the constants cannot be written for plain N and D: the joint law's Cᵢᴬ carry a factor
 * N̄^(α/γ_A) (see `constantsFromVector`), which overflows when γ_A comes out near 0 — the size term
 * then does not depend on the mixture, which the additive law says more simply.
 */
function requireFiniteConstants(law: MixtureLawConstants): void {
  const values = [
    law.E,
    law.alpha,
    law.beta,
    ...law.C,
    ...law.gamma,
    ...(law.form === 'joint' ? [...law.CA, law.gammaA, ...law.CB, law.gammaB] : [law.A, law.B]),
  ];
  if (!values.every(Number.isFinite)) {
    throw new FitDataError(
      'the fitted constants overflow (γ_A or γ_B came out near 0: the size or data term does not depend on the mixture); fit the additive law instead',
    );
  }
}

/** Plain-language problems with a fitted mixture law that a caller should show next to it. */
function mixtureFitWarnings(law: MixtureLawConstants, converged: boolean, reason: LbfgsStopReason): string[] {
  const warnings: string[] = [];
  if (!converged) warnings.push(`the final minimisation did not converge (${reason}); treat the constants as approximate`);
  for (const [value, label, what] of [
    [law.alpha, 'α', 'model size'],
    [law.beta, 'β', 'data'],
  ] as const) {
    if (!(value > 0)) warnings.push(`${label} = ${value.toPrecision(3)} is not positive: the runs do not show loss falling with ${what}`);
  }
  return warnings;
}

/** A mixture fit as the caller is asked for it: the domains and the options, without the callbacks. */
export type MixtureFitRequestOptions = Omit<MixtureFitOptions, 'isCancelled' | 'onProgress'> & { readonly domains: readonly string[] };

/**
 * Runs a {@link MixtureFitRequestOptions} request: how a worker or the caller's thread answers it.
 *
 * @example fitMixtureRequest(runs, { domains: ['web', 'code'], form: 'joint' })
 */
export function fitMixtureRequest(
  runs: readonly MixtureRun[],
  request: MixtureFitRequestOptions,
  callbacks: Pick<MixtureFitOptions, 'isCancelled' | 'onProgress'> = {},
): MixtureFit {
  const { domains, ...options } = request;
  return fitMixtureLaw(runs, domains, { ...options, ...callbacks });
}
