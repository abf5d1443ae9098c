import * as assert from 'node:assert/strict';
import { assessModel, computeOptimalAllocation, findPresetLaw, kaplanExcessCompute, kaplanRun, logSpace } from '../../../src/core';

const kaplan = findPresetLaw('kaplan')!;
const close = (actual: number, expected: number, relative: number, what: string) =>
  assert.ok(Math.abs(actual / expected - 1) < relative, `${what}: ${actual} vs ${expected}`);

// Expected values: bench/kaplan_reference.py (scipy, written from the paper's equations), and by hand where noted.
describe('core/laws/kaplanFrontier', () => {
  it("optimal at GPT-3's compute (3.14e23 FLOP) is Kaplan's Table 6 allocation with C_min = C/2", () => {
    // By hand: C_min = 3.14e23 / 2 / 8.64e19 = 1817.1 PF-days; N = 1.3e9·1817.1^0.73 = 311.4B,
    // D = 2e10·1817.1^0.27 = 151.7B, L = (3.1e8/1817.1)^0.05 = 1.8264 (Eq. 1.3).
    const optimum = computeOptimalAllocation(kaplan, 3.14e23);
    close(optimum.params, 3.113831e11, 1e-6, 'N');
    close(optimum.tokens, 1.517275e11, 1e-6, 'D');
    close(optimum.loss, 1.826412, 1e-6, 'L(C_min)');
  });

  it("reproduces Hoffmann et al. 2022's reading of Kaplan at 1e21 FLOP: 4.68B parameters (App. D.4)", () => {
    close(computeOptimalAllocation(kaplan, 1e21).params, 4.68e9, 1e-3, 'N at 1e21');
  });

  it('excess compute of off-frontier sizes matches App. B.4: 0.6× and 2.2× the optimal size cost under 20% more', () => {
    assert.equal(kaplanExcessCompute(1), 1);
    close(kaplanExcessCompute(0.6), 1.164733, 1e-5, 'x = 0.6');
    close(kaplanExcessCompute(2.2), 1.20372, 1e-5, 'x = 2.2');
    assert.equal(kaplanExcessCompute(0.2), Number.POSITIVE_INFINITY);
  });

  for (const [name, params, tokens, efficient, efficiency, loss] of [
    ['GPT-3', 175e9, 300e9, 2.833268e11, 0.87588, 1.838262],
    ['Gopher', 280e9, 300e9, 4.14333e11, 0.921376, 1.791026],
    ['Chinchilla', 70e9, 1.4e12, 1.983339e11, 0.287871, 1.883721],
  ] as const) {
    it(`places ${name} on the frontier: efficient size, efficiency and loss as the scipy reference`, () => {
      const run = kaplanRun(params, 6 * params * tokens);
      close(run.efficientParams, efficient, 1e-5, 'N_eff');
      close(run.efficiency, efficiency, 1e-5, 'efficiency');
      close(run.loss, loss, 1e-6, 'loss');
    });
  }

  it('never shows an efficiency above 100% nor a loss below the frontier, over 1M–10T parameters and 1B–100T tokens', () => {
    for (const params of logSpace(1e6, 1e13, 15)) {
      for (const tokens of logSpace(1e9, 1e14, 11)) {
        const verdict = assessModel(kaplan, { params, tokens });
        assert.ok(verdict.computeEfficiency <= 1 + 1e-9, `${params}, ${tokens}: ${verdict.computeEfficiency}`);
        assert.ok(verdict.lossGap >= -1e-9, `${params}, ${tokens}: gap ${verdict.lossGap}`);
      }
    }
  });

  it("the minimum of a run's loss over N at fixed compute is the published frontier (one consistent law)", () => {
    const compute = 1e22;
    const optimum = computeOptimalAllocation(kaplan, compute);
    const sizes = logSpace(optimum.params / 5, optimum.params * 5, 401);
    const best = sizes.reduce((a, b) => (kaplan.loss(a, compute / (6 * a)) <= kaplan.loss(b, compute / (6 * b)) ? a : b));
    close(best, optimum.params, 0.01, 'argmin N');
    close(kaplan.loss(best, compute / (6 * best)), optimum.loss, 1e-6, 'minimum loss');
  });

  it('returns under kaplan remove a constant 1 − 10^−0.05 ≈ 10.9% of the loss per decade (Eq. 1.3)', () => {
    const share = 1 - computeOptimalAllocation(kaplan, 1e24).loss / computeOptimalAllocation(kaplan, 1e23).loss;
    close(share, 1 - 10 ** -0.05, 1e-9, 'share per decade');
  });
});
