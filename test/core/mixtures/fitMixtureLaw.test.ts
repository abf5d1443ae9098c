import * as assert from 'node:assert/strict';
import {
  EXAMPLE_MIXTURE_LAW,
  EXAMPLE_MIXTURE_STUDY,
  fitMixtureLaw,
  FitCancelledError,
  FitDataError,
  mixtureLoss,
  syntheticMixtureRuns,
  type AdditiveMixtureConstants,
  type MixtureLawConstants,
} from '../../../src/core';

/** The shipped example's study without its noise: 80 runs of 8 mixtures. */
const EXACT_STUDY = { ...EXAMPLE_MIXTURE_STUDY, logLossNoise: 0 };

const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);

/** Asserts every constant of `fitted` is within `tolerance` (relative) of `truth`. */
function assertRecovers(fitted: MixtureLawConstants, truth: MixtureLawConstants, tolerance: number): void {
  const flat = (law: MixtureLawConstants): Record<string, number> => {
    const entries: Array<[string, number]> = [
      ['E', law.E],
      ['alpha', law.alpha],
      ['beta', law.beta],
      ...law.C.map((c, i): [string, number] => [`C${i}`, c]),
      ...law.gamma.map((g, i): [string, number] => [`gamma${i}`, g]),
    ];
    if (law.form === 'additive') entries.push(['A', law.A], ['B', law.B]);
    else
      entries.push(
        ...law.CA.map((c, i): [string, number] => [`CA${i}`, c]),
        ['gammaA', law.gammaA],
        ...law.CB.map((c, i): [string, number] => [`CB${i}`, c]),
        ['gammaB', law.gammaB],
      );
    return Object.fromEntries(entries);
  };
  const expected = flat(truth);
  for (const [name, value] of Object.entries(flat(fitted))) {
    assert.ok(relative(value, expected[name]) < tolerance, `${name}: fitted ${value}, truth ${expected[name]}`);
  }
}

describe('core/mixtures/fitMixtureLaw', () => {
  it('recovers the 17 constants of a joint law from 80 noiseless runs', () => {
    const runs = syntheticMixtureRuns(EXAMPLE_MIXTURE_LAW, EXACT_STUDY);
    const fit = fitMixtureLaw(runs, EXAMPLE_MIXTURE_LAW.domains, { form: 'joint', seed: 1 });
    assert.equal(fit.converged, true, fit.stopReason);
    assert.ok(fit.rmsResidual < 1e-9, `RMS residual ${fit.rmsResidual}`);
    assertRecovers(fit.law, EXAMPLE_MIXTURE_LAW, 1e-6);
    assert.equal(fit.minimizations, 10 * 6 + 1);
  });

  it('recovers the 11 constants of an additive law', () => {
    const { CA: _CA, gammaA: _gammaA, CB: _CB, gammaB: _gammaB, ...shared } = EXAMPLE_MIXTURE_LAW;
    const truth: AdditiveMixtureConstants = { ...shared, form: 'additive', A: 400, B: 400 };
    const fit = fitMixtureLaw(syntheticMixtureRuns(truth, EXACT_STUDY), truth.domains, { form: 'additive', seed: 2 });
    assertRecovers(fit.law, truth, 1e-6);
  });

  it('fits noisy runs to within their noise and is reproducible from its seed', () => {
    const noisy = syntheticMixtureRuns(EXAMPLE_MIXTURE_LAW, { ...EXAMPLE_MIXTURE_STUDY, logLossNoise: 0.002, seed: 9 });
    const fit = fitMixtureLaw(noisy, EXAMPLE_MIXTURE_LAW.domains, { seed: 4, starts: 4, hops: 3 });
    // 0.2% of losses between 2.7 and 5.1 is about 0.005 to 0.01 nats of noise.
    assert.ok(fit.rmsResidual < 0.009, `RMS residual ${fit.rmsResidual}`);
    assert.deepEqual(fitMixtureLaw(noisy, EXAMPLE_MIXTURE_LAW.domains, { seed: 4, starts: 4, hops: 3 }).law, fit.law);
    const predicted = mixtureLoss(fit.law, 1e9, 2e10, [0.5, 0.25, 0.25]);
    assert.ok(
      Math.abs(predicted - mixtureLoss(EXAMPLE_MIXTURE_LAW, 1e9, 2e10, [0.5, 0.25, 0.25])) < 0.02,
      `1B-parameter prediction ${predicted}`,
    );
  });

  it('names the run or domain at fault for data it cannot use', () => {
    const runs = syntheticMixtureRuns(EXAMPLE_MIXTURE_LAW, EXACT_STUDY);
    const domains = EXAMPLE_MIXTURE_LAW.domains;
    assert.throws(() => fitMixtureLaw(runs.slice(0, 10), domains), /10 points cannot determine 17 free parameters/);
    const offSimplex = runs.map((run, index) => (index === 3 ? { ...run, source: 'line 5', weights: [0.5, 0.5, 0.5] } : run));
    assert.throws(
      () => fitMixtureLaw(offSimplex, domains),
      (error: Error) => error instanceof FitDataError && /^line 5: domain weights must sum to 1/.test(error.message),
    );
    const fixedCode = runs
      .filter((run) => run.weights[1] === 0.2)
      .concat(
        runs.filter((run) => run.weights[1] === 0.1).map((run) => ({ ...run, weights: [run.weights[0] - 0.1, 0.2, run.weights[2]] })),
      );
    assert.throws(() => fitMixtureLaw(fixedCode, domains), /the weight of code is 0\.2 in every run/);
    const oneSize = runs.filter((run) => run.params === 2e7);
    assert.throws(() => fitMixtureLaw(oneSize, domains, { form: 'additive' }), /same model size: α cannot be fitted/);
    assert.throws(() => fitMixtureLaw(runs, domains, { starts: 0 }), /starts must be a whole number ≥ 1/);
    assert.throws(() => fitMixtureLaw(runs, domains, { isCancelled: () => true }), FitCancelledError);
  });
});
