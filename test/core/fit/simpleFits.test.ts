import * as assert from 'node:assert/strict';
import {
  fitAllocationExponents,
  fitLogLogLine,
  fitPowerLaw,
  isoflopOptima,
  lowestLossPerBudget,
  seededRandom,
  standardNormal,
  type FitPoint,
} from '../../../src/core/fit';
import { customLaw, findPresetLaw } from '../../../src/core/laws/presets';
import type { ChinchillaConstants } from '../../../src/core/laws/scalingLaw';
import { isoflopCurve, logSpace } from '../../../src/core/sweeps';

const TRUTH = findPresetLaw('epoch')!.constants as unknown as ChinchillaConstants;

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
    const fit = fitPowerLaw(budgets.map((compute) => ({ compute, loss: (1.7 + 1200 * compute ** -0.15) * Math.exp(0.005 * standardNormal(random)) })));
    assert.ok(Math.abs(fit.exponent - 0.15) < 0.02, `γ = ${fit.exponent}`);
    assert.ok(Math.abs(fit.irreducibleLoss - 1.7) < 0.1, `E = ${fit.irreducibleLoss}`);
    assert.ok(fit.sumOfSquares < 8 * 0.005 ** 2 * 2);
  });

  it('names the bad point and asks for three budgets', () => {
    assert.throws(() => fitPowerLaw([{ compute: 1e18, loss: 3 }, { compute: 1e19, loss: -2 }, { compute: 1e20, loss: 2.5 }]), /row 2: loss must be a finite number greater than zero, got -2/);
    assert.throws(() => fitPowerLaw([{ compute: 1e18, loss: 3 }, { compute: 1e18, loss: 3.1 }, { compute: 1e19, loss: 2.5 }]), /at least 3 different compute budgets, got 2/);
  });
});

describe('log-log regressions (Approaches 1 and 2)', () => {
  it('fits a straight line in log-log space exactly', () => {
    const line = fitLogLogLine([1e18, 1e20, 1e22], [3 * 1e18 ** 0.5, 3 * 1e20 ** 0.5, 3 * 1e22 ** 0.5]);
    assert.ok(Math.abs(line.exponent - 0.5) < 1e-12);
    assert.ok(Math.abs(line.coefficient / 3 - 1) < 1e-9);
    assert.ok(Math.abs(line.rSquared - 1) < 1e-12);
    assert.throws(() => fitLogLogLine([1, 1], [2, 3]), /at least 2 different x values/);
    assert.throws(() => fitLogLogLine([1, 2], [2, 0], 'optimal parameters'), /row 2: optimal parameters must be a finite number greater than zero, got 0/);
  });

  it('recovers a and b from exact compute-optimal allocations', () => {
    // N_opt = 0.1·C^0.52 and D_opt = C/(6·N_opt) = (10/6)·C^0.48.
    const optima = logSpace(1e18, 1e24, 7).map((compute) => ({ compute, params: 0.1 * compute ** 0.52, tokens: compute / (6 * 0.1 * compute ** 0.52) }));
    const { params, tokens } = fitAllocationExponents(optima);
    assert.ok(Math.abs(params.exponent - 0.52) < 1e-12, `a = ${params.exponent}`);
    assert.ok(Math.abs(tokens.exponent - 0.48) < 1e-12, `b = ${tokens.exponent}`);
    assert.ok(Math.abs(params.coefficient / 0.1 - 1) < 1e-9);
  });

  it('Approach 2 finds each isoFLOP minimum exactly when loss is a parabola in log N', () => {
    // L = 2 + (log N − log N*(C))² with N*(C) = 0.05·C^0.5: the parabola is exact.
    const runs: FitPoint[] = logSpace(1e18, 1e21, 4).flatMap((compute) =>
      logSpace(1e7, 1e10, 7).map((params) => ({ params, tokens: compute / (6 * params), loss: 2 + Math.log(params / (0.05 * compute ** 0.5)) ** 2 })),
    );
    const { optima, skipped } = isoflopOptima(runs);
    assert.deepEqual(skipped, []);
    assert.equal(optima.length, 4);
    for (const optimum of optima) {
      assert.ok(Math.abs(optimum.params / (0.05 * optimum.compute ** 0.5) - 1) < 1e-9, `N_opt at ${optimum.compute}`);
      assert.ok(Math.abs(optimum.loss - 2) < 1e-9);
      assert.equal(optimum.runs, 7);
    }
    assert.ok(Math.abs(fitAllocationExponents(optima).params.exponent - 0.5) < 1e-9);
  });

  it('Approach 2 on Chinchilla-form data gives a close to the law’s β/(α+β)', () => {
    // As in an isoFLOP study, sizes spread 4× either side of each budget's optimum.
    const law = customLaw('truth', TRUTH);
    const runs: FitPoint[] = logSpace(1e18, 1e21, 6).flatMap((compute) => isoflopCurve(law, compute, 9, 4));
    const exponent = fitAllocationExponents(isoflopOptima(runs).optima).params.exponent;
    // The parabola only approximates each (skewed) profile: about 0.01 is as close as it gets.
    assert.ok(Math.abs(exponent - law.parameterExponent) < 0.01, `a = ${exponent}, law ${law.parameterExponent}`);
  });

  it('Approach 2 skips budgets it cannot use, naming the runs and the reason', () => {
    const runs: FitPoint[] = [
      { params: 1e8, tokens: 1e18 / 6e8, loss: 3 },
      { params: 2e8, tokens: 1e18 / 12e8, loss: 2.9 },
      ...[1e8, 2e8, 4e8].map((params, i) => ({ params, tokens: 1e20 / (6 * params), loss: 2.5 - 0.1 * i * i })),
    ];
    const { optima, skipped } = isoflopOptima(runs);
    assert.equal(optima.length, 0);
    assert.match(skipped[0].reason, /2 model sizes \(row 1, row 2\); a parabola needs 3/);
    assert.match(skipped[1].reason, /does not curve upwards/);
  });

  it('flags an isoFLOP minimum outside the sizes tried', () => {
    const runs: FitPoint[] = [1e8, 2e8, 4e8].map((params) => ({ params, tokens: 1e20 / (6 * params), loss: 2 + Math.log(params / 1e9) ** 2 }));
    const [optimum] = isoflopOptima(runs).optima;
    assert.equal(optimum.extrapolated, true);
    assert.ok(Math.abs(optimum.params / 1e9 - 1) < 1e-9);
  });

  it('Approach 1 from final losses takes the best run at each budget, grouping rounded budgets', () => {
    const runs: FitPoint[] = [
      { params: 1e8, tokens: 1.667e9, loss: 3.2 },
      { params: 2e8, tokens: 8.33e8, loss: 3.1 },
      { params: 4e8, tokens: 4.17e8, loss: 3.3 },
      { params: 4e8, tokens: 4.17e9, loss: 2.7 },
    ];
    const best = lowestLossPerBudget(runs);
    assert.equal(best.length, 2);
    assert.deepEqual([best[0].params, best[0].loss, best[1].params], [2e8, 3.1, 4e8]);
    assert.ok(Math.abs(best[0].compute / 1e18 - 1) < 0.001);
  });
});
