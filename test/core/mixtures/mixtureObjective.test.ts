import * as assert from 'node:assert/strict';
import { EXAMPLE_MIXTURE_LAW, EXAMPLE_MIXTURE_STUDY, syntheticMixtureRuns } from '../../../src/core';
import { MixtureHuberObjective } from '../../../src/core/mixtures/mixtureObjective';
import { mixtureParameterLayout } from '../../../src/core/mixtures/mixtureParameters';
import { seededRandom } from '../../../src/core/fit/random';

const runs = syntheticMixtureRuns(EXAMPLE_MIXTURE_LAW, EXAMPLE_MIXTURE_STUDY);
const units = { params: 1e8, tokens: 2e9 };

describe('core/mixtures/mixtureObjective', () => {
  for (const form of ['additive', 'joint'] as const) {
    // δ = 10 keeps every residual in the quadratic part, δ = 1e-9 every one in the linear part, so
    // central differences never straddle a kink of the Huber loss.
    for (const delta of [10, 1e-9]) {
      it(`${form}, δ = ${delta}: the analytic gradient agrees with central differences`, () => {
        const layout = mixtureParameterLayout(form, 3);
        const objective = new MixtureHuberObjective(runs, layout, units, delta);
        const random = seededRandom(3);
        const theta = Float64Array.from({ length: layout.size }, () => 0.2 + 0.6 * random());
        const gradient = new Float64Array(layout.size);
        objective.evaluate(theta, gradient);
        const scratch = new Float64Array(layout.size);
        for (let j = 0; j < layout.size; j++) {
          const step = 1e-6;
          const shifted = (shift: number) => {
            const moved = Float64Array.from(theta);
            moved[j] += shift;
            return objective.evaluate(moved, scratch);
          };
          const numeric = (shifted(step) - shifted(-step)) / (2 * step);
          const scale = Math.max(1e-12, Math.abs(numeric));
          assert.ok(Math.abs(gradient[j] - numeric) / scale < 1e-5, `coordinate ${j}: analytic ${gradient[j]}, numeric ${numeric}`);
        }
      });
    }
  }

  it('is the Huber loss averaged over runs: δ·(|r| − δ/2) for residuals beyond δ', () => {
    const layout = mixtureParameterLayout('additive', 2);
    const run = { params: 1e8, tokens: 2e9, weights: [0.5, 0.5], loss: 3 };
    // With units equal to the run's N and D, log N = log D = 0: the prediction is E + 1/ΣCᵢhᵢ^γᵢ + A + B.
    const objective = new MixtureHuberObjective([run, { ...run, loss: 3.1, tokens: 4e9 }], layout, { params: 1e8, tokens: 2e9 }, 1e-3);
    // log E = log 1, log A = log 0.5, log B = log 0.5, α = 0, β = 0, log C = log 1, γ = 0: 1 + 1/(1 + 1) + 0.5 + 0.5 = 2.5.
    const theta = [0, Math.log(0.5), Math.log(0.5), 0, 0, 0, 0, 0, 0];
    // Residuals 2.5 − 3 = −0.5 and 2.5 − 3.1 = −0.6: each δ·(|r| − δ/2); mean of the two.
    const expected = (1e-3 * (0.5 - 5e-4) + 1e-3 * (0.6 - 5e-4)) / 2;
    assert.ok(Math.abs(objective.evaluate(theta, new Float64Array(9)) - expected) < 1e-15);
  });
});
