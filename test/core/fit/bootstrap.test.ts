import * as assert from 'node:assert/strict';
import {
  bootstrap,
  bootstrapChinchilla,
  fitChinchilla,
  percentileInterval,
  quantileOfSorted,
  resampleRepeats,
  seededRandom,
  syntheticRuns,
  type ChinchillaBootstrap,
  type FitPoint,
} from '../../../src/core/fit';
import { customLaw, findPresetLaw } from '../../../src/core/laws/presets';
import type { ChinchillaConstants } from '../../../src/core/laws/scalingLaw';
import { logSpace } from '../../../src/core/sweeps';

const TRUTH = findPresetLaw('epoch')!.constants as unknown as ChinchillaConstants;
const RUNS: FitPoint[] = syntheticRuns(TRUTH, {
  computeBudgets: logSpace(1e18, 1e21, 6),
  modelSizes: logSpace(1e7, 1e10, 12),
  logLossNoise: 0.01,
  seed: 5,
});

describe('bootstrap building blocks', () => {
  it('seededRandom repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
    for (const value of draw(1)) assert.ok(value >= 0 && value < 1);
  });

  it('resamples with replacement: n draws in all, some points twice, some not at all', () => {
    const repeats = resampleRepeats(100, seededRandom(3));
    assert.equal(
      repeats.reduce((total, count) => total + count, 0),
      100,
    );
    assert.ok(repeats.some((count) => count === 0));
    assert.ok(repeats.some((count) => count >= 2));
  });

  it('takes quantiles by linear interpolation between order statistics', () => {
    assert.equal(quantileOfSorted([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(quantileOfSorted([1, 2, 3, 4], 0), 1);
    assert.equal(quantileOfSorted([1, 2, 3, 4], 1), 4);
    assert.equal(quantileOfSorted([10, 20], 0.25), 12.5);
    const interval = percentileInterval(5, [3, 1, 2, 5, 4], 0.5);
    assert.deepEqual([interval.low, interval.high, interval.estimate], [2, 4, 5]);
    assert.ok(Math.abs(interval.standardError - Math.sqrt(2.5)) < 1e-12);
  });

  it('gives the textbook standard error of a mean', () => {
    // The bootstrap standard error of a mean of n values is about σ/√n.
    const random = seededRandom(9);
    const values = Array.from({ length: 400 }, () => random());
    const mean = (repeats: Uint32Array) => ({ mean: values.reduce((total, value, i) => total + repeats[i] * value, 0) / values.length });
    const summary = bootstrap(values.length, mean(new Uint32Array(400).fill(1)), mean, { samples: 500, seed: 2 });
    const expected = Math.sqrt(1 / 12 / 400);
    assert.ok(
      Math.abs(summary.intervals.mean.standardError / expected - 1) < 0.15,
      `${summary.intervals.mean.standardError} vs ${expected}`,
    );
  });

  it('counts failed resamples and keeps going; stops with what it has when cancelled', () => {
    let calls = 0;
    const flaky = () => {
      calls++;
      if (calls % 4 === 0) throw new Error('no optimum');
      return { value: calls % 3 === 0 ? NaN : calls };
    };
    const summary = bootstrap(10, { value: 0 }, flaky, { samples: 12, seed: 1 });
    assert.equal(summary.failedSamples, 3 + 3);
    assert.equal(summary.completedSamples, 6);
    assert.equal(summary.firstFailure, 'value came out NaN');
    let polls = 0;
    const cancelled = bootstrap(10, { value: 0 }, () => ({ value: polls }), { samples: 100, isCancelled: () => ++polls > 5 });
    assert.equal(cancelled.cancelled, true);
    assert.equal(cancelled.completedSamples, 5);
    assert.throws(() => bootstrap(10, { value: 0 }, () => ({ value: 1 }), { isCancelled: () => true }), {
      name: 'FitCancelledError',
      message: 'bootstrap cancelled after 0 resamples, too few for intervals',
    });
    assert.throws(
      () => bootstrap(10, { value: 0 }, () => ({ value: NaN }), { samples: 5 }),
      /at least 2 successful resamples, got 0; first failure: value came out NaN/,
    );
    assert.throws(() => bootstrap(10, { value: 0 }, () => ({ value: 1 }), { samples: 1 }), /samples must be a whole number ≥ 2/);
    assert.throws(
      () => bootstrap(10, { value: 0 }, () => ({ value: 1 }), { confidence: 1 }),
      /confidence must be between 0% and 100% \(exclusive\), got 100%/,
    );
  });
});

describe('bootstrapChinchilla', () => {
  let result: ChinchillaBootstrap;
  const phases = new Set<string>();
  before(() => {
    result = bootstrapChinchilla(RUNS, {
      samples: 200,
      seed: 17,
      atCompute: [1e22],
      plannedRuns: [{ params: 1e9, tokens: 2e10 }],
      onProgress: (_finished, _total, phase) => phases.add(phase),
    });
  });

  it('gives intervals that cover the true constants and a = β/(α+β)', () => {
    assert.equal(result.completedSamples, 200);
    assert.equal(result.failedSamples, 0);
    const truth = { ...TRUTH, paramsExponent: TRUTH.beta / (TRUTH.alpha + TRUTH.beta) };
    for (const key of ['E', 'A', 'B', 'alpha', 'beta', 'paramsExponent'] as const) {
      const interval = result.constants[key];
      assert.ok(
        interval.low <= truth[key] && truth[key] <= interval.high,
        `${key}: ${truth[key]} outside [${interval.low}, ${interval.high}]`,
      );
      assert.ok(interval.low <= interval.estimate && interval.estimate <= interval.high, `${key}: estimate outside its interval`);
      assert.ok(interval.high > interval.low, `${key}: empty interval`);
    }
    assert.equal(result.constants.alpha.estimate, result.fit.alpha);
  });

  it('gives intervals for the optimum at a budget and for a planned run that cover the truth', () => {
    const truthLaw = customLaw('truth', TRUTH);
    const [optimum] = result.atCompute;
    const params = truthLaw.optimalParams(1e22);
    const tokens = 1e22 / (6 * params);
    assert.ok(
      optimum.optimalParams.low <= params && params <= optimum.optimalParams.high,
      `N_opt ${params} outside [${optimum.optimalParams.low}, ${optimum.optimalParams.high}]`,
    );
    assert.ok(optimum.tokensPerParam.low <= tokens / params && tokens / params <= optimum.tokensPerParam.high);
    assert.ok(Math.abs(optimum.optimalTokens.estimate / optimum.optimalParams.estimate - optimum.tokensPerParam.estimate) < 1e-9);
    const [run] = result.plannedRuns;
    const loss = truthLaw.loss(1e9, 2e10);
    assert.ok(run.loss.low <= loss && loss <= run.loss.high, `loss ${loss} outside [${run.loss.low}, ${run.loss.high}]`);
    assert.ok(run.loss.high - run.loss.low < 0.05, 'a 1% noise on 72 runs pins the loss of an interpolated run to a few hundredths');
  });

  it('reports progress for the full fit and then the resamples', () => {
    assert.deepEqual([...phases], ['full fit', 'resamples']);
  });

  it('is reproducible with a seed and changes with another seed', () => {
    const fullFit = result.fit;
    const again = bootstrapChinchilla(RUNS, { samples: 30, seed: 4, fullFit });
    const same = bootstrapChinchilla(RUNS, { samples: 30, seed: 4, fullFit });
    const other = bootstrapChinchilla(RUNS, { samples: 30, seed: 5, fullFit });
    assert.deepEqual(again.constants, same.constants);
    assert.notDeepEqual(again.constants.alpha, other.constants.alpha);
  });

  it('restarting resamples from the full fit’s optima agrees with re-running the grid', () => {
    const fullFit = fitChinchilla(RUNS, { grid: { a: [0, 10, 20], b: [0, 10, 20], e: [-1, 1], alpha: [0.5, 1.5], beta: [0.5, 1.5] } });
    const options = {
      samples: 10,
      seed: 8,
      fullFit,
      fit: { grid: { a: [0, 10, 20], b: [0, 10, 20], e: [-1, 1], alpha: [0.5, 1.5], beta: [0.5, 1.5] } },
    };
    const fromOptima = bootstrapChinchilla(RUNS, options);
    const fromGrid = bootstrapChinchilla(RUNS, { ...options, restarts: 'grid' });
    // Not to the last digit: with scipy's default tolerances L-BFGS stops anywhere within ~1e-3
    // along the flat valley of the nearly-L1 objective, whichever start it came from.
    for (const key of ['alpha', 'beta', 'E'] as const) {
      for (const end of ['low', 'high'] as const) {
        const [restarted, regridded] = [fromOptima.constants[key][end], fromGrid.constants[key][end]];
        assert.ok(Math.abs(restarted / regridded - 1) < 0.01, `${key} ${end}: ${restarted} from optima, ${regridded} from the grid`);
      }
    }
  });

  it('rejects budgets and planned runs that are not positive', () => {
    assert.throws(() => bootstrapChinchilla(RUNS, { fullFit: result.fit, atCompute: [-1] }), /compute budget must be greater than zero/);
    assert.throws(
      () => bootstrapChinchilla(RUNS, { fullFit: result.fit, plannedRuns: [{ params: NaN, tokens: 1 }] }),
      /planned run parameters is not a number/,
    );
  });
});
