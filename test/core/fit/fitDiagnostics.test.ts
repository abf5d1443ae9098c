import * as assert from 'node:assert/strict';
import { bootstrapWarnings, fitChinchilla, syntheticRuns, type FitPoint, type Interval } from '../../../src/core/fit';
import {
  exponentWarnings,
  extrapolation,
  sampleSizeWarnings,
  spreadWarnings,
  unusableLawReason,
} from '../../../src/core/fit/fitDiagnostics';
import { findPresetLaw } from '../../../src/core/laws/presets';
import type { ChinchillaConstants } from '../../../src/core/laws/scalingLaw';
import { logSpace } from '../../../src/core/sweeps';

const EPOCH = findPresetLaw('epoch')!.constants as unknown as ChinchillaConstants;

/** Noiseless runs of Epoch's law at the given budgets, 12 sizes each (the review's single-isoFLOP case is one budget). */
function isoFlopLadder(budgets: readonly number[]): FitPoint[] {
  return syntheticRuns(EPOCH, { computeBudgets: budgets, modelSizes: logSpace(1e7, 3.6e9, 12), logLossNoise: 0, seed: 1 });
}

const ISOFLOP = /one isoFLOP curve: N and D are confounded, the exponents are not identified/;

describe('fit diagnostics', () => {
  it('spread: one compute budget is confounded; three budgets are not', () => {
    const single = isoFlopLadder([1e19]);
    assert.equal(single.length, 12);
    assert.match(spreadWarnings(single).join('\n'), ISOFLOP);
    assert.deepEqual(spreadWarnings(isoFlopLadder([1e18, 1e19, 1e20])), []);
  });

  it('spread: several budgets but two model sizes leave α unidentified', () => {
    const points = [1e8, 2e8].flatMap((params) => [2e9, 4e9, 8e9].map((tokens) => ({ params, tokens, loss: 3 })));
    const warnings = spreadWarnings(points);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /only 2 distinct model sizes: α is not identified/);
  });

  it('exponents: published values pass; out-of-band and negative ones are flagged once each', () => {
    assert.deepEqual(exponentWarnings({ alpha: 0.34, beta: 0.28 }), []);
    assert.deepEqual(exponentWarnings({ alpha: 0.076, beta: 0.095 }), []);
    const flat = exponentWarnings({ alpha: 5.66, beta: 3.16 });
    assert.equal(flat.length, 2);
    assert.match(flat[0], /α = 5\.66 is outside 0\.05–1\.5/);
    assert.match(exponentWarnings({ alpha: 0.3, beta: 0.01 })[0], /β = 0\.0100 is outside/);
    const rising = exponentWarnings({ alpha: -0.29, beta: 0.3 });
    assert.equal(rising.length, 1);
    assert.match(rising[0], /α = -0\.290 is not positive/);
  });

  it('sample size: fewer than 3 runs per fitted constant is flagged', () => {
    assert.match(sampleSizeWarnings(6, 5).join(''), /6 runs for 5 fitted constants.*at least 15 runs/);
    assert.deepEqual(sampleSizeWarnings(15, 5), []);
    assert.deepEqual(sampleSizeWarnings(6, 2), []);
  });

  it('a law needs positive exponents', () => {
    assert.equal(unusableLawReason(EPOCH), undefined);
    assert.equal(unusableLawReason({ ...EPOCH, alpha: -0.29 }), 'α = -0.290');
  });

  it('extrapolation is the ratio to the largest run on each axis', () => {
    const points = [
      { params: 3.6e9, tokens: 7e10, loss: 2.5 },
      { params: 1e9, tokens: 2e11, loss: 2.6 },
    ];
    const reach = extrapolation(points, { params: 30e9, tokens: 1e11 });
    assert.ok(Math.abs(reach.params - 30 / 3.6) < 1e-12);
    assert.equal(reach.tokens, 0.5);
    assert.equal(reach.largestTokens, 2e11);
  });

  it('a fit to one isoFLOP curve converges yet warns; a well-spread ladder does not', () => {
    const grid = { a: [5, 10], b: [5, 10], e: [0, 1], alpha: [0.5], beta: [0.5] };
    assert.match(fitChinchilla(isoFlopLadder([1e19]), { grid }).warnings.join('\n'), ISOFLOP);
    assert.deepEqual(fitChinchilla(isoFlopLadder([1e18, 1e19, 1e20]), { grid }).warnings, []);
  });

  it('bootstrap intervals that miss their estimate or rest on few resamples are flagged', () => {
    const around = (estimate: number, low = estimate * 0.9, high = estimate * 1.1): Interval => ({ estimate, low, high, standardError: 0 });
    const constants = {
      E: around(1.8),
      A: around(480),
      B: around(2000),
      alpha: around(0.35),
      beta: around(0.37),
      paramsExponent: around(0.51),
    };
    assert.deepEqual(bootstrapWarnings(constants, 1000), []);
    const missed = bootstrapWarnings({ ...constants, alpha: around(1.507, 0.1546, 1.332) }, 1000);
    assert.match(
      missed.join(''),
      /intervals from 1000 resamples are unreliable \(the intervals of α exclude the fitted value\); use bootstrap=1000/,
    );
    assert.match(bootstrapWarnings(constants, 5).join(''), /only 5 resamples succeeded/);
  });
});
