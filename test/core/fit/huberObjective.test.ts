import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CHINCHILLA_HUBER_DELTA, ChinchillaHuberObjective, huberLoss, type FitPoint } from '../../../src/core/fit';

const RUNS: FitPoint[] = [
  { params: 1e8, tokens: 2e9, loss: 3.4 },
  { params: 4e8, tokens: 8e9, loss: 2.9 },
  { params: 1e9, tokens: 2e10, loss: 2.6 },
  { params: 3e7, tokens: 6e9, loss: 3.9 },
  { params: 2e9, tokens: 1e10, loss: 2.55 },
  { params: 7e8, tokens: 4e9, loss: 2.85 },
  // A size used twice, as across the budgets of an isoFLOP ladder.
  { params: 1e8, tokens: 8e9, loss: 3.05 },
];

/** Σ Huber written out from the definition, as an independent check of the fast loop. */
function slowObjective(points: readonly FitPoint[], theta: readonly number[], delta: number): number {
  const [a, b, e, alpha, beta] = theta;
  return points.reduce((total, point) => {
    const predicted = Math.log(Math.exp(a - alpha * Math.log(point.params)) + Math.exp(b - beta * Math.log(point.tokens)) + Math.exp(e));
    return total + huberLoss(predicted - Math.log(point.loss), delta);
  }, 0);
}

describe('Huber loss', () => {
  it('is quadratic inside δ and linear outside, as in Hoffmann et al. 2022', () => {
    assert.equal(huberLoss(0.5, 1), 0.125);
    assert.equal(huberLoss(-0.5, 1), 0.125);
    assert.equal(huberLoss(3, 1), 2.5);
    assert.equal(huberLoss(-3, 1), 2.5);
    assert.equal(huberLoss(2e-3, 1e-3), 1e-3 * (2e-3 - 0.5e-3));
  });
});

describe('ChinchillaHuberObjective', () => {
  it('matches the objective written out from its definition, in both regimes of the Huber loss', () => {
    // δ = 10 puts every residual in the quadratic part, δ = 1e-3 nearly all in the linear part.
    for (const delta of [10, 0.05, 1e-3]) {
      const objective = new ChinchillaHuberObjective(RUNS, delta);
      for (const theta of [
        [6, 7, 0.5, 0.3, 0.3],
        [6.18, 7.64, 0.6, 0.348, 0.366],
        [1, 20, -1, 0, 2],
      ]) {
        const value = objective.evaluate(theta, new Float64Array(5));
        const expected = slowObjective(RUNS, theta, delta);
        assert.ok(Math.abs(value - expected) < 1e-12 * Math.max(1, expected), `δ=${delta}, θ=${theta}: ${value} vs ${expected}`);
      }
    }
  });

  it('has an analytic gradient that agrees with central finite differences', () => {
    const objectives = [new ChinchillaHuberObjective(RUNS, 10), new ChinchillaHuberObjective(RUNS, 0.05)];
    const parameter = fc.tuple(
      fc.double({ min: 0, max: 12, noNaN: true }),
      fc.double({ min: 0, max: 12, noNaN: true }),
      fc.double({ min: -1, max: 1.5, noNaN: true }),
      fc.double({ min: 0.05, max: 1, noNaN: true }),
      fc.double({ min: 0.05, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(parameter, fc.constantFrom(...objectives), (theta, objective) => {
        const gradient = new Float64Array(5);
        objective.evaluate(theta, gradient);
        const scratch = new Float64Array(5);
        for (let k = 0; k < 5; k++) {
          const step = 1e-6;
          const up = [...theta];
          const down = [...theta];
          up[k] += step;
          down[k] -= step;
          const numeric = (objective.evaluate(up, scratch) - objective.evaluate(down, scratch)) / (2 * step);
          // The Huber kink can fall between the two probes: allow for one point's curvature jump.
          assert.ok(
            Math.abs(numeric - gradient[k]) <= 1e-5 + 1e-4 * Math.abs(numeric),
            `∂f/∂θ${k}: analytic ${gradient[k]}, numeric ${numeric}`,
          );
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('gives the exact answer where a naive log-sum-exp overflows', () => {
    // exp(750) overflows a double; LSE(750, ·, ·) is 750 to within e^-700, so every residual is
    // 750 − log L, far beyond δ, and each point pulls a with slope δ.
    const objective = new ChinchillaHuberObjective(RUNS);
    const gradient = new Float64Array(5);
    const value = objective.evaluate([750, 0, 0, 0, 0.5], gradient);
    const expected = RUNS.reduce((total, point) => total + huberLoss(750 - Math.log(point.loss), CHINCHILLA_HUBER_DELTA), 0);
    assert.ok(Math.abs(value - expected) < 1e-12 * expected, `${value} vs ${expected}`);
    assert.ok(Math.abs(gradient[0] - RUNS.length * CHINCHILLA_HUBER_DELTA) < 1e-15);
  });

  it('stays finite where a naive log-sum-exp overflows or underflows', () => {
    const objective = new ChinchillaHuberObjective(RUNS);
    const gradient = new Float64Array(5);
    for (const theta of [
      [800, 0, 0, 0, 0],
      [-800, -800, -800, 0, 0],
      [0, 0, 0, -40, 40],
    ]) {
      const value = objective.evaluate(theta, gradient);
      assert.ok(Number.isFinite(value), `value at ${theta} is ${value}`);
      assert.ok(gradient.every(Number.isFinite), `gradient at ${theta} is ${gradient}`);
    }
  });

  it('is a sum over points, so it doubles when every point is counted twice', () => {
    const once = new ChinchillaHuberObjective(RUNS).evaluate([6, 7, 0.5, 0.3, 0.3], new Float64Array(5));
    const twice = new ChinchillaHuberObjective(
      RUNS,
      CHINCHILLA_HUBER_DELTA,
      RUNS.map(() => 2),
    ).evaluate([6, 7, 0.5, 0.3, 0.3], new Float64Array(5));
    assert.ok(once > 0);
    assert.ok(Math.abs(twice - 2 * once) < 1e-15);
  });

  it('weights a point by its repeat count exactly as if it were copied', () => {
    const theta = [6, 7, 0.5, 0.3, 0.3];
    const repeats = [0, 3, 1, 0, 2, 1, 0];
    const copied = RUNS.flatMap((point, index) => Array.from({ length: repeats[index] }, () => point));
    const weightedGradient = new Float64Array(5);
    const copiedGradient = new Float64Array(5);
    const weighted = new ChinchillaHuberObjective(RUNS, 0.01, repeats);
    assert.equal(weighted.size, 4);
    assert.equal(weighted.weightTotal, 7);
    const weightedValue = weighted.evaluate(theta, weightedGradient);
    const copiedValue = new ChinchillaHuberObjective(copied, 0.01).evaluate(theta, copiedGradient);
    assert.ok(Math.abs(weightedValue - copiedValue) < 1e-12);
    weightedGradient.forEach((value, k) => assert.ok(Math.abs(value - copiedGradient[k]) < 1e-12));
  });
});
