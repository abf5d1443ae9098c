import * as assert from 'node:assert/strict';
import { fitAllocationExponents, fitLogLogLine, fitPowerLaw, seededRandom, standardNormal } from '../../../src/core/fit';
import { logSpace } from '../../../src/core/sweeps';

describe('fitPowerLaw', () => {
  const budgets = logSpace(1e17, 1e22, 8);

  it('recovers E, k and γ exactly from exact data', () => {
    const fit = fitPowerLaw(budgets.map((compute) => ({ compute, loss: 1.7 + 1200 * compute ** -0.15 })));
    assert.equal(fit.converged, true, fit.stopReason);
    assert.ok(Math.abs(fit.irreducibleLoss - 1.7) < 1e-8, `E = ${fit.irreducibleLoss}`);
    assert.ok(Math.abs(fit.coefficient / 1200 - 1) < 1e-8, `k = ${fit.coefficient}`);
    assert.ok(Math.abs(fit.exponent - 0.15) < 1e-9, `γ = ${fit.exponent}`);
    assert.ok(Math.abs(fit.predict(1e25) - (1.7 + 1200 * 1e25 ** -0.15)) < 1e-8);
  });

  it('recovers them within the noise from noisy data', () => {
    const random = seededRandom(3);
    const fit = fitPowerLaw(
      budgets.map((compute) => ({ compute, loss: (1.7 + 1200 * compute ** -0.15) * Math.exp(0.005 * standardNormal(random)) })),
    );
    assert.ok(Math.abs(fit.exponent - 0.15) < 0.02, `γ = ${fit.exponent}`);
    assert.ok(Math.abs(fit.irreducibleLoss - 1.7) < 0.1, `E = ${fit.irreducibleLoss}`);
    assert.ok(fit.sumOfSquares < 8 * 0.005 ** 2 * 2);
  });

  it('names the bad point and asks for three budgets', () => {
    assert.throws(
      () =>
        fitPowerLaw([
          { compute: 1e18, loss: 3 },
          { compute: 1e19, loss: -2 },
          { compute: 1e20, loss: 2.5 },
        ]),
      /row 2: loss must be a finite number greater than zero, got -2/,
    );
    assert.throws(
      () =>
        fitPowerLaw([
          { compute: 1e18, loss: 3 },
          { compute: 1e18, loss: 3.1 },
          { compute: 1e19, loss: 2.5 },
        ]),
      /at least 3 different compute budgets, got 2/,
    );
  });
});

describe('log-log regressions (Approaches 1 and 2)', () => {
  it('fits a straight line in log-log space exactly', () => {
    const line = fitLogLogLine([1e18, 1e20, 1e22], [3 * 1e18 ** 0.5, 3 * 1e20 ** 0.5, 3 * 1e22 ** 0.5]);
    assert.ok(Math.abs(line.exponent - 0.5) < 1e-12);
    assert.ok(Math.abs(line.coefficient / 3 - 1) < 1e-9);
    assert.ok(Math.abs(line.rSquared - 1) < 1e-12);
    assert.throws(() => fitLogLogLine([1, 1], [2, 3]), /at least 2 different x values/);
    assert.throws(
      () => fitLogLogLine([1, 2], [2, 0], 'optimal parameters'),
      /row 2: optimal parameters must be a finite number greater than zero, got 0/,
    );
  });

  it('recovers a and b from exact compute-optimal allocations', () => {
    // N_opt = 0.1·C^0.52 and D_opt = C/(6·N_opt) = (10/6)·C^0.48.
    const optima = logSpace(1e18, 1e24, 7).map((compute) => ({
      compute,
      params: 0.1 * compute ** 0.52,
      tokens: compute / (6 * 0.1 * compute ** 0.52),
    }));
    const { params, tokens } = fitAllocationExponents(optima);
    assert.ok(Math.abs(params.exponent - 0.52) < 1e-12, `a = ${params.exponent}`);
    assert.ok(Math.abs(tokens.exponent - 0.48) < 1e-12, `b = ${tokens.exponent}`);
    assert.ok(Math.abs(params.coefficient / 0.1 - 1) < 1e-9);
  });
});
