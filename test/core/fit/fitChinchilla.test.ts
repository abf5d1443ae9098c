import * as assert from 'node:assert/strict';
import {
  bestOfFits,
  chinchillaStartGrid,
  FitCancelledError,
  FitDataError,
  fitChinchilla,
  HOFFMANN_START_GRID,
  lawFromFit,
  splitStarts,
  syntheticRuns,
  type ChinchillaFit,
  type FitPoint,
} from '../../../src/core/fit';
import { customLaw, findPresetLaw } from '../../../src/core/laws/presets';
import type { ChinchillaConstants } from '../../../src/core/laws/scalingLaw';
import { logSpace } from '../../../src/core/sweeps';

/** Epoch's refit of Chinchilla (Besiroglu et al. 2024): E ≈ 1.8169, A ≈ 482, B ≈ 2085, α ≈ 0.348, β ≈ 0.366. */
const TRUTH = findPresetLaw('epoch')!.constants as unknown as ChinchillaConstants;

/** An isoFLOP-style ladder: 6 budgets × 16 sizes over N ∈ 1e7..1e10. */
function ladder(noise: number, seed = 3): FitPoint[] {
  return syntheticRuns(TRUTH, { computeBudgets: logSpace(1e18, 1e21, 6), modelSizes: logSpace(1e7, 1e10, 16), logLossNoise: noise, seed });
}

/** A small grid that still brackets the optimum, for tests that are not about the grid. */
const SMALL_GRID = { a: [5, 10], b: [5, 10], e: [0, 1], alpha: [0.5], beta: [0.5] };

function assertRelative(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual / expected - 1) <= tolerance, `${what}: got ${actual}, expected ${expected} ± ${tolerance * 100}%`);
}

describe('fitChinchilla', () => {
  let noisyFit: ChinchillaFit;
  const noisy = ladder(0.005);
  before(() => {
    noisyFit = fitChinchilla(noisy);
  });

  it('recovers the constants exactly from noiseless data, with the full 4,500-start grid', () => {
    const fit = fitChinchilla(ladder(0));
    assert.equal(fit.starts, 4500);
    assert.equal(fit.converged, true, fit.stopReason);
    for (const key of ['E', 'A', 'B', 'alpha', 'beta'] as const) assertRelative(fit[key], TRUTH[key], 1e-3, key);
  });

  it('recovers the constants from noisy data within the noise', () => {
    // 96 runs with 0.5% noise in loss: Epoch's bootstrap errors on 245 noisier runs are
    // α ± 0.015, β ± 0.021, E ± 1.4%, A ± 26%, B ± 62% (Besiroglu et al. 2024, Eq. 4).
    assert.ok(Math.abs(noisyFit.alpha - TRUTH.alpha) < 0.02, `α = ${noisyFit.alpha}`);
    assert.ok(Math.abs(noisyFit.beta - TRUTH.beta) < 0.02, `β = ${noisyFit.beta}`);
    assertRelative(noisyFit.E, TRUTH.E, 0.02, 'E');
    assertRelative(noisyFit.A, TRUTH.A, 0.3, 'A');
    assertRelative(noisyFit.B, TRUTH.B, 0.3, 'B');
    assert.equal(noisyFit.converged, true);
    assert.deepEqual(noisyFit.warnings, []);
  });

  it('predicts the losses as well as the true law does, to within the noise', () => {
    const law = lawFromFit(noisyFit);
    const truth = customLaw('truth', TRUTH);
    const rms = (predict: (point: FitPoint) => number) =>
      Math.sqrt(noisy.reduce((total, point) => total + Math.log(predict(point) / point.loss) ** 2, 0) / noisy.length);
    const fitted = rms((point) => law.loss(point.params, point.tokens));
    const ideal = rms((point) => truth.loss(point.params, point.tokens));
    assert.ok(fitted <= ideal * 1.05, `fitted law's RMS log error ${fitted} vs true law's ${ideal}`);
    assert.ok(ideal < 0.007, `the noise is 0.005, so the true law's RMS log error ${ideal} should be about that`);
  });

  it('returns constants that customLaw turns into a working law', () => {
    const law = customLaw('fitted', noisyFit);
    assert.equal(law.constants.alpha, noisyFit.alpha);
    assert.ok(Math.abs(law.parameterExponent - noisyFit.paramsExponent) < 1e-15);
    const truthOptimum = customLaw('truth', TRUTH).optimalParams(1e22);
    assertRelative(law.optimalParams(1e22), truthOptimum, 0.25, 'N_opt at 1e22 FLOP');
    assert.match(lawFromFit(noisyFit, 'ours').citation, /fitted to 96 runs .*Huber δ = 0\.001, L-BFGS from 40 of 4500 starts/);
  });

  it('holds fixed constants at their values and searches only the others', () => {
    const fit = fitChinchilla(noisy, { fixed: { E: TRUTH.E } });
    assert.equal(fit.E, TRUTH.E);
    assert.deepEqual(fit.fixed, ['E']);
    assert.equal(fit.starts, 900, 'the e axis of the grid collapses to the fixed value');
    assert.ok(Math.abs(fit.alpha - TRUTH.alpha) < 0.02, `α = ${fit.alpha}`);
    assert.ok(Math.abs(fit.beta - TRUTH.beta) < 0.02, `β = ${fit.beta}`);
    // With E known the fit can only be as good as or worse than the free one.
    assert.ok(fit.objective >= noisyFit.objective - 1e-12);
  });

  it('fixes exponents too, and accepts E = 0 (no irreducible term)', () => {
    const exponents = fitChinchilla(noisy, { fixed: { alpha: TRUTH.alpha, beta: TRUTH.beta }, grid: SMALL_GRID });
    assert.equal(exponents.alpha, TRUTH.alpha);
    assert.equal(exponents.beta, TRUTH.beta);
    assert.equal(exponents.starts, 8);
    assertRelative(exponents.E, TRUTH.E, 0.02, 'E with exponents fixed');
    const noFloor = fitChinchilla(noisy, { fixed: { E: 0 }, grid: SMALL_GRID });
    assert.equal(noFloor.E, 0);
    assert.ok(Number.isFinite(noFloor.objective) && noFloor.objective > noisyFit.objective);
  });

  it('uses a custom grid, and explains a bad one', () => {
    assert.equal(chinchillaStartGrid().length, 4500);
    assert.deepEqual(chinchillaStartGrid(SMALL_GRID)[0], { alpha: 0.5, beta: 0.5, e: 0, a: 5, b: 5 });
    assert.equal(fitChinchilla(noisy, { grid: SMALL_GRID }).starts, 8);
    assert.deepEqual(HOFFMANN_START_GRID.a, [0, 5, 10, 15, 20, 25]);
    assert.deepEqual(HOFFMANN_START_GRID.e, [-1, -0.5, 0, 0.5, 1]);
    assert.throws(() => fitChinchilla(noisy, { grid: { a: [] } }), /start grid for a must list finite numbers/);
    assert.throws(() => fitChinchilla(noisy, { grid: { beta: [0.5, NaN] } }), /start grid for beta/);
  });

  it('uses the Huber δ it is given', () => {
    const wide = fitChinchilla(noisy, { delta: 0.05, grid: SMALL_GRID });
    assert.equal(wide.delta, 0.05);
    // With δ far above the residuals the loss is ½r²: the objective is half the sum of squares.
    const law = lawFromFit(wide);
    const halfSquares = noisy.reduce((total, point) => total + 0.5 * Math.log(law.loss(point.params, point.tokens) / point.loss) ** 2, 0);
    assertRelative(wide.objective, halfSquares, 1e-9, 'objective');
    assert.throws(() => fitChinchilla(noisy, { delta: 0 }), /Huber δ must be a finite number > 0/);
  });

  it('gives the same fit when the grid is split into slices and merged', () => {
    const whole = fitChinchilla(noisy, { grid: { ...SMALL_GRID, alpha: [0, 0.5, 1] } });
    const parts = splitStarts(whole.starts, 3).map((startRange) =>
      fitChinchilla(noisy, { grid: { ...SMALL_GRID, alpha: [0, 0.5, 1] }, startRange }),
    );
    assert.deepEqual(splitStarts(24, 3), [
      { from: 0, to: 8 },
      { from: 8, to: 16 },
      { from: 16, to: 24 },
    ]);
    const merged = bestOfFits(parts);
    assert.equal(merged.objective, whole.objective);
    assert.deepEqual(merged.parameters, whole.parameters);
    assert.equal(merged.starts, whole.starts);
    assert.equal(merged.evaluations, whole.evaluations);
  });

  it('says when the winning start did not converge', () => {
    const fit = fitChinchilla(noisy, { grid: SMALL_GRID, lbfgs: { maxIterations: 2 } });
    assert.equal(fit.converged, false);
    assert.equal(fit.stopReason, 'iteration limit');
    assert.equal(fit.convergedStarts, 0);
    assert.match(fit.warnings.join('\n'), /did not converge \(iteration limit\)/);
  });

  it('warns when an exponent comes out negative, and lawFromFit refuses it', () => {
    // Loss that rises with model size: no positive α can describe it.
    const rising = logSpace(1e7, 1e10, 6).flatMap((params) =>
      logSpace(1e9, 1e12, 6).map((tokens) => ({ params, tokens, loss: 2 + 1e-3 * params ** 0.3 + 500 / tokens ** 0.3 })),
    );
    const fit = fitChinchilla(rising);
    assert.ok(fit.alpha < 0, `α = ${fit.alpha}`);
    assert.match(fit.warnings.join('\n'), /α = -[\d.]+ is not positive/);
    assert.throws(() => lawFromFit(fit), /alpha must be greater than zero/);
  });

  it('reports progress and can be cancelled between starts', () => {
    const progress: number[] = [];
    fitChinchilla(noisy, { grid: SMALL_GRID, onProgress: (finished, total) => progress.push(finished / total) });
    assert.deepEqual(progress, [1 / 8, 2 / 8, 3 / 8, 4 / 8, 5 / 8, 6 / 8, 7 / 8, 1]);
    let polls = 0;
    assert.throws(
      () => fitChinchilla(noisy, { grid: SMALL_GRID, isCancelled: () => ++polls > 3 }),
      (error: unknown) => {
        assert.ok(error instanceof FitCancelledError);
        assert.match(error.message, /fit cancelled after 3 of 8 starts/);
        return true;
      },
    );
  });

  it('keeps the best distinct optima, best first', () => {
    const optima = noisyFit.localOptima;
    assert.ok(optima.length >= 1);
    assert.equal(optima[0].objective, noisyFit.objective);
    for (let i = 1; i < optima.length; i++) assert.ok(optima[i].objective >= optima[i - 1].objective);
  });

  it('refuses data it cannot fit, naming the problem', () => {
    const four = noisy.slice(0, 4);
    assert.throws(() => fitChinchilla(four), /4 points cannot determine 5 free parameters/);
    assert.equal(fitChinchilla(four, { fixed: { E: TRUTH.E }, grid: SMALL_GRID }).points, 4);
    const withNaN = noisy.map((point, index) => (index === 2 ? { ...point, loss: NaN } : point));
    assert.throws(
      () => fitChinchilla(withNaN),
      (error: unknown) => error instanceof FitDataError && /row 3: loss is not a number/.test(error.message),
    );
    assert.throws(() => fitChinchilla(noisy, { fixed: { A: -1 } }), /fixed A must be a finite number > 0, got -1/);
    assert.throws(() => fitChinchilla(noisy, { fixed: { E: Infinity } }), /fixed E must be a finite number ≥ 0/);
    assert.throws(() => fitChinchilla(noisy, { fixed: { G: 1 } as never }), /cannot fix "G"/);
    assert.throws(() => fitChinchilla(noisy, { repeats: [1, 2] }), /repeats has 2 entries for 96 points/);
  });
});
