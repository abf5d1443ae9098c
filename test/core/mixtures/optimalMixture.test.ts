import * as assert from 'node:assert/strict';
import {
  EXAMPLE_MIXTURE_LAW,
  EXAMPLE_MIXTURE_STUDY,
  fitMixtureLaw,
  mixtureLoss,
  optimalMixture,
  syntheticMixtureRuns,
  type AdditiveMixtureConstants,
} from '../../../src/core';

/** Two domains with γ = ½: the best mixture maximises C₁√h + C₂√(1 − h). */
const twoDomains = (C: [number, number]): AdditiveMixtureConstants => ({
  form: 'additive',
  domains: ['web', 'code'],
  E: 1.5,
  A: 400,
  B: 400,
  alpha: 0.34,
  beta: 0.28,
  C,
  gamma: [0.5, 0.5],
});

function assertOnSimplex(weights: readonly number[]): void {
  assert.ok(
    weights.every((weight) => weight > 0 && weight < 1),
    `weights ${weights}`,
  );
  assert.ok(Math.abs(weights.reduce((sum, weight) => sum + weight, 0) - 1) < 1e-12);
}

describe('core/mixtures/optimalMixture', () => {
  it('finds the optimum worked by hand, whatever the scale, for the additive law', () => {
    // d/dh [√h + 2√(1 − h)] = 1/(2√h) − 1/√(1 − h) = 0 ⇔ 1 − h = 4h ⇔ h = 0.2.
    for (const [params, tokens] of [
      [1e8, 2e9],
      [70e9, 1.4e12],
    ]) {
      const optimum = optimalMixture([{ name: 'web', law: twoDomains([1, 2]), importance: 1 }], params, tokens);
      assert.equal(optimum.converged, true);
      assert.ok(Math.abs(optimum.weights[0] - 0.2) < 1e-6, `h = ${optimum.weights}`);
      assert.ok(optimum.gap <= 1e-7);
    }
  });

  it('balances targets by importance: mirror-image targets of equal importance meet in the middle', () => {
    const targets = [
      { name: 'web', law: twoDomains([1, 2]), importance: 1 },
      { name: 'code', law: twoDomains([2, 1]), importance: 1 },
    ];
    const optimum = optimalMixture(targets, 1e9, 2e10);
    assert.ok(Math.abs(optimum.weights[0] - 0.5) < 1e-6);
    assert.deepEqual(
      optimum.losses.map((entry) => entry.name),
      ['web', 'code'],
    );
    const leaning = optimalMixture([{ ...targets[0], importance: 3 }, targets[1]], 1e9, 2e10);
    assert.ok(leaning.weights[0] < 0.5 && leaning.weights[0] > 0.2, `h = ${leaning.weights}`);
  });

  it('on synthetic data, stays on the simplex and beats every training mixture', () => {
    const runs = syntheticMixtureRuns(EXAMPLE_MIXTURE_LAW, EXAMPLE_MIXTURE_STUDY);
    const fit = fitMixtureLaw(runs, EXAMPLE_MIXTURE_LAW.domains, { seed: 1 });
    // Inside the study's range (20M–1.2B parameters), where a noisy fit is to be trusted.
    const [params, tokens] = [5e8, 2e10];
    const optimum = optimalMixture([{ name: 'web', law: fit.law, importance: 1 }], params, tokens);
    assertOnSimplex(optimum.weights);
    for (const mixture of EXAMPLE_MIXTURE_STUDY.mixtures) {
      assert.ok(optimum.loss < mixtureLoss(fit.law, params, tokens, mixture), `fitted law: ${mixture}`);
      assert.ok(
        mixtureLoss(EXAMPLE_MIXTURE_LAW, params, tokens, optimum.weights) < mixtureLoss(EXAMPLE_MIXTURE_LAW, params, tokens, mixture),
        `true law: ${mixture}`,
      );
    }
  });

  it('under a joint law, the best mixture moves with scale', () => {
    const at = (params: number) => optimalMixture([{ name: 'web', law: EXAMPLE_MIXTURE_LAW, importance: 1 }], params, 20 * params).weights;
    const small = at(1e8);
    const large = at(70e9);
    assertOnSimplex(small);
    assert.ok(large[0] > small[0] + 0.3, `web weight ${small[0]} at 100M, ${large[0]} at 70B`);
  });

  it('refuses targets that disagree on the domains, and importances that are not positive', () => {
    const other = { ...twoDomains([1, 1]), domains: ['code', 'web'] };
    assert.throws(
      () =>
        optimalMixture(
          [
            { name: 'a', law: twoDomains([1, 2]), importance: 1 },
            { name: 'b', law: other, importance: 1 },
          ],
          1e9,
          2e10,
        ),
      /b has domains code, web, but a has web, code/,
    );
    assert.throws(
      () => optimalMixture([{ name: 'a', law: twoDomains([1, 2]), importance: 0 }], 1e9, 2e10),
      /importance of a must be a finite number greater than zero/,
    );
    assert.throws(() => optimalMixture([], 1e9, 2e10), /at least one target/);
  });
});
