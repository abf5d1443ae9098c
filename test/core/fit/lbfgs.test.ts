import * as assert from 'node:assert/strict';
import { LbfgsMinimizer, type ValueAndGradient } from '../../../src/core/fit';

/** The n-dimensional Rosenbrock function, minimum 0 at (1, …, 1): a curved, badly scaled valley. */
const rosenbrock: ValueAndGradient = (x, gradient) => {
  let value = 0;
  gradient.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const valley = x[i + 1] - x[i] * x[i];
    const offset = 1 - x[i];
    value += 100 * valley * valley + offset * offset;
    gradient[i] += -400 * x[i] * valley - 2 * offset;
    gradient[i + 1] += 200 * valley;
  }
  return value;
};

describe('LbfgsMinimizer', () => {
  it('finds the minimum of the 2-D Rosenbrock function from the classic start (−1.2, 1)', () => {
    const result = new LbfgsMinimizer(2, { gradientTolerance: 1e-9 }).minimize(rosenbrock, [-1.2, 1]);
    assert.equal(result.converged, true, result.reason);
    assert.ok(Math.abs(result.x[0] - 1) < 1e-6 && Math.abs(result.x[1] - 1) < 1e-6, `stopped at ${result.x}`);
    assert.ok(result.value < 1e-12);
    // A working quasi-Newton method needs a few dozen iterations here, not thousands.
    assert.ok(result.iterations < 100, `${result.iterations} iterations`);
  });

  it('finds the minimum of the 10-D Rosenbrock function', () => {
    const start = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    // Stop on the gradient alone: the relative-reduction rule stops at ~1e-6 of the minimum here.
    const result = new LbfgsMinimizer(10, { gradientTolerance: 1e-9, relativeTolerance: 0 }).minimize(rosenbrock, start);
    assert.equal(result.converged, true, result.reason);
    for (const coordinate of result.x) assert.ok(Math.abs(coordinate - 1) < 1e-6, `stopped at ${result.x}`);
  });

  it('minimises a badly scaled quadratic exactly', () => {
    const scales = [1, 10, 100, 1000, 1e4];
    const quadratic: ValueAndGradient = (x, gradient) => {
      let value = 0;
      x.forEach((coordinate, i) => {
        value += 0.5 * scales[i] * (coordinate - i) ** 2;
        gradient[i] = scales[i] * (coordinate - i);
      });
      return value;
    };
    const result = new LbfgsMinimizer(5, { gradientTolerance: 1e-10 }).minimize(quadratic, [5, 5, 5, 5, 5]);
    result.x.forEach((coordinate, i) => assert.ok(Math.abs(coordinate - i) < 1e-9, `x${i} = ${coordinate}`));
  });

  it('can be reused: a second run from another start gives the same answer', () => {
    const minimizer = new LbfgsMinimizer(2, { gradientTolerance: 1e-9 });
    const first = Array.from(minimizer.minimize(rosenbrock, [-1.2, 1]).x);
    const second = Array.from(minimizer.minimize(rosenbrock, [2, 2]).x);
    first.forEach((coordinate, i) => assert.ok(Math.abs(coordinate - second[i]) < 1e-6));
  });

  it('says it did not converge when it runs out of iterations', () => {
    const result = new LbfgsMinimizer(2, { maxIterations: 3 }).minimize(rosenbrock, [-1.2, 1]);
    assert.equal(result.converged, false);
    assert.equal(result.reason, 'iteration limit');
    assert.equal(result.iterations, 3);
  });

  it('says it did not converge when it runs out of evaluations', () => {
    const result = new LbfgsMinimizer(2, { maxEvaluations: 5 }).minimize(rosenbrock, [-1.2, 1]);
    assert.equal(result.converged, false);
    assert.equal(result.reason, 'evaluation limit');
    assert.ok(result.evaluations <= 5);
  });

  it('stops with a reason, not an exception, when the objective is not finite at the start', () => {
    const result = new LbfgsMinimizer(1).minimize(
      (_x, gradient) => {
        gradient[0] = NaN;
        return NaN;
      },
      [0],
    );
    assert.equal(result.converged, false);
    assert.equal(result.reason, 'non-finite value');
  });

  it('backs off from a region where the objective is not finite', () => {
    // f = −x − 0.01·log(2 − x): infinite at x ≥ 2, minimum at x = 1.99. From 0 the slope is
    // nearly constant, so the line search expands its step past the barrier and must come back.
    let infiniteTrials = 0;
    const barrier: ValueAndGradient = (x, gradient) => {
      if (x[0] >= 2) {
        infiniteTrials++;
        gradient[0] = NaN;
        return Infinity;
      }
      gradient[0] = -1 + 0.01 / (2 - x[0]);
      return -x[0] - 0.01 * Math.log(2 - x[0]);
    };
    const result = new LbfgsMinimizer(1, { gradientTolerance: 1e-10, relativeTolerance: 0 }).minimize(barrier, [0]);
    assert.ok(infiniteTrials > 0, 'the test should make the line search step past the barrier');
    assert.equal(result.converged, true, result.reason);
    assert.ok(Math.abs(result.x[0] - 1.99) < 1e-8, `stopped at ${result.x[0]}`);
  });

  it('calls a line search that fails on round-off at the minimum converged, and one that fails far from it not', () => {
    // 1 + (x − 3)² with a gradient off by 1e-12, as a rounded gradient is: it never vanishes, and
    // with no reduction test (a negative tolerance) only the rounding of f near 1 can stop the search.
    const shifted: ValueAndGradient = (x, gradient) => {
      gradient[0] = 2 * (x[0] - 3) + 1e-12;
      return 1 + (x[0] - 3) ** 2;
    };
    const atMinimum = new LbfgsMinimizer(1, { gradientTolerance: 0, relativeTolerance: -1 }).minimize(shifted, [0]);
    assert.equal(atMinimum.reason, 'no decrease left at machine precision');
    assert.equal(atMinimum.converged, true);
    assert.ok(Math.abs(atMinimum.x[0] - 3) < 1e-7, `stopped at ${atMinimum.x[0]}`);
    // A gradient that points the wrong way: no step along −gradient lowers f, far from any minimum.
    const lying: ValueAndGradient = (x, gradient) => {
      gradient[0] = -2 * x[0];
      return x[0] * x[0];
    };
    const stuck = new LbfgsMinimizer(1).minimize(lying, [5]);
    assert.equal(stuck.reason, 'line search failed');
    assert.equal(stuck.converged, false);
  });
});
