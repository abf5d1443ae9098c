import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitIsoflopProfiles, fitParabola, groupIntoBudgets, parseRunsCsv, predictAllocation, type FitPoint } from '../../../src/core/fit';
import { customLaw, findPresetLaw } from '../../../src/core/laws/presets';
import type { ChinchillaConstants } from '../../../src/core/laws/scalingLaw';
import { isoflopCurve, logSpace } from '../../../src/core/sweeps';

const ROOT = join(__dirname, '../../..');
const EPOCH = findPresetLaw('epoch')!.constants as unknown as ChinchillaConstants;

/**
 * numpy's Approach 2 on examples/runs/isoflop-sweep.csv (9 budgets × 9 sizes from Epoch's law, 0.5%
 * noise; examples/runs/make_sweeps.py), computed independently by
 * `python3 test/fixtures/isoflop_reference.py examples/runs/isoflop-sweep.csv > test/fixtures/isoflop-reference.json`.
 */
const REFERENCE = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/isoflop-reference.json'), 'utf8')) as {
  paramsExponent: number;
  tokensExponent: number;
  paramsCoefficient: number;
  optimalParams: number[];
};

describe('Approach 2: isoFLOP profiles', () => {
  const sweep = parseRunsCsv(readFileSync(join(ROOT, 'examples/runs/isoflop-sweep.csv'), 'utf8')).points;

  it('matches the numpy computation of the same procedure on the example sweep', () => {
    const fit = fitIsoflopProfiles(sweep);
    assert.equal(fit.grouping, 'compute column');
    assert.equal(fit.budgets.length, 9);
    assert.ok(
      Math.abs(fit.params.exponent - REFERENCE.paramsExponent) < 0.005,
      `a = ${fit.params.exponent}, numpy ${REFERENCE.paramsExponent}`,
    );
    assert.ok(
      Math.abs(fit.tokens.exponent - REFERENCE.tokensExponent) < 0.005,
      `b = ${fit.tokens.exponent}, numpy ${REFERENCE.tokensExponent}`,
    );
    assert.ok(Math.abs(fit.params.coefficient / REFERENCE.paramsCoefficient - 1) < 0.01, `G = ${fit.params.coefficient}`);
    fit.optima.forEach((optimum, i) =>
      assert.ok(Math.abs(optimum.params / REFERENCE.optimalParams[i] - 1) < 1e-6, `N_opt at ${optimum.compute}`),
    );
    assert.deepEqual(fit.warnings, []);
  });

  it('puts the truth β/(α+β) inside its bootstrap interval, resampling runs within budgets', () => {
    const truth = EPOCH.beta / (EPOCH.alpha + EPOCH.beta);
    const fit = fitIsoflopProfiles(sweep, { bootstrap: { samples: 400, seed: 1 } });
    const { paramsExponent, tokensExponent } = fit.intervals!;
    assert.ok(
      paramsExponent.low < truth && truth < paramsExponent.high,
      `a interval ${paramsExponent.low}–${paramsExponent.high}, truth ${truth}`,
    );
    assert.ok(tokensExponent.low < 1 - truth && 1 - truth < tokensExponent.high);
    // An interval that covers everything would pass the line above: it must be narrow too (Hoffmann et al.
    // 2022, Table 2, report 0.462–0.534 for their Approach 2).
    assert.ok(paramsExponent.high - paramsExponent.low < 0.1, `width ${paramsExponent.high - paramsExponent.low}`);
    assert.equal(fit.intervals!.failedSamples, 0);
    // Seeded: the same seed gives the same interval, another seed another one.
    assert.deepEqual(fitIsoflopProfiles(sweep, { bootstrap: { samples: 400, seed: 1 } }).intervals!.paramsExponent, paramsExponent);
    assert.notEqual(fitIsoflopProfiles(sweep, { bootstrap: { samples: 400, seed: 2 } }).intervals!.paramsExponent.low, paramsExponent.low);
  });

  it('predicts N_opt = G·C^a with a band that widens away from the data', () => {
    const fit = fitIsoflopProfiles(sweep, { bootstrap: { samples: 200, seed: 3 } });
    const inside = predictAllocation(fit, 1e20);
    const outside = predictAllocation(fit, 1e25);
    assert.ok(Math.abs(inside.params / (fit.params.coefficient * 1e20 ** fit.params.exponent) - 1) < 1e-12);
    assert.ok(Math.abs((inside.params * inside.tokens * 6) / 1e20 - 1) < 1e-9, 'N·D·6 = C');
    const width = (prediction: typeof inside) => prediction.paramsInterval!.high / prediction.paramsInterval!.low;
    assert.ok(width(outside) > width(inside), `band at 1e25 ×${width(outside)}, at 1e20 ×${width(inside)}`);
  });

  it('finds each minimum exactly when loss is a parabola in ln N', () => {
    // L = 2 + (ln N − ln N*(C))² with N*(C) = 0.05·C^0.5: the parabola is exact.
    const runs: FitPoint[] = logSpace(1e18, 1e21, 4).flatMap((compute) =>
      logSpace(1e7, 1e10, 7).map((params) => ({
        params,
        tokens: compute / (6 * params),
        loss: 2 + Math.log(params / (0.05 * compute ** 0.5)) ** 2,
      })),
    );
    const fit = fitIsoflopProfiles(runs);
    assert.equal(fit.grouping, '6ND');
    for (const optimum of fit.optima)
      assert.ok(Math.abs(optimum.params / (0.05 * optimum.compute ** 0.5) - 1) < 1e-9, `N_opt at ${optimum.compute}`);
    assert.ok(Math.abs(fit.params.exponent - 0.5) < 1e-9);
    assert.ok(Math.abs(fit.tokens.exponent - 0.5) < 1e-9);
  });

  it('gives a close to β/(α+β) on noise-free Chinchilla-form profiles', () => {
    const law = customLaw('truth', EPOCH);
    const runs: FitPoint[] = logSpace(1e18, 1e21, 6).flatMap((compute) => isoflopCurve(law, compute, 9, 4));
    const exponent = fitIsoflopProfiles(runs).params.exponent;
    assert.ok(Math.abs(exponent - law.parameterExponent) < 0.01, `a = ${exponent}, law ${law.parameterExponent}`);
  });

  it('groups runs by 6ND within 5%, so rounded tokens stay in their budget', () => {
    const runs: FitPoint[] = [
      { params: 1e8, tokens: 1.667e9, loss: 3.2 },
      { params: 2e8, tokens: 8.33e8, loss: 3.1 },
      { params: 4e8, tokens: 4.17e8, loss: 3.3 },
      { params: 4e8, tokens: 4.17e9, loss: 2.7 },
    ];
    const groups = groupIntoBudgets(runs);
    assert.deepEqual(
      groups.map((group) => group.runs.length),
      [3, 1],
    );
    assert.ok(Math.abs(groups[0].compute / 1e18 - 1) < 0.001);
    assert.deepEqual(
      groups[1].runs.map((run) => run.source),
      ['row 4'],
    );
  });

  it('groups by the compute column when every run has one, even where 6ND differs', () => {
    // Both runs of the first budget count 20% attention FLOPs beyond 6ND; 6ND alone would split it.
    const runs: FitPoint[] = [
      { params: 1e8, tokens: 1e18 / 7.2e8, loss: 3, compute: 1e18 },
      { params: 3e8, tokens: 1e18 / 18e8, loss: 3, compute: 1e18 },
      { params: 1e8, tokens: 1e19 / 6e8, loss: 3, compute: 1e19 },
    ];
    assert.deepEqual(
      groupIntoBudgets(runs).map((group) => [group.compute, group.runs.length]),
      [
        [1e18, 2],
        [1e19, 1],
      ],
    );
  });

  it('skips budgets with under 3 sizes or a downward parabola, with reasons, and warns on an extrapolated vertex', () => {
    const bowl = (compute: number, centre: number) =>
      [1e8, 2e8, 4e8].map((params) => ({ params, tokens: compute / (6 * params), loss: 2 + Math.log(params / centre) ** 2 }));
    const runs: FitPoint[] = [
      { params: 1e8, tokens: 1e18 / 6e8, loss: 3 },
      { params: 2e8, tokens: 1e18 / 12e8, loss: 2.9 },
      ...[1e8, 2e8, 4e8].map((params, i) => ({ params, tokens: 1e20 / (6 * params), loss: 2.5 - 0.1 * i * i })),
      ...bowl(1e21, 2e8),
      ...bowl(1e22, 1e9),
      ...bowl(1e23, 3e8),
    ];
    const fit = fitIsoflopProfiles(runs);
    assert.equal(fit.budgets.length, 5);
    assert.match(fit.budgets[0].skipped!, /2 model sizes \(row 1, row 2\); a parabola needs 3/);
    assert.match(fit.budgets[1].skipped!, /opens downwards/);
    assert.equal(fit.budgets[2].outsideSampled, false);
    assert.equal(fit.budgets[3].outsideSampled, true);
    assert.ok(Math.abs(fit.budgets[3].optimum!.params / 1e9 - 1) < 1e-9);
    assert.equal(fit.optima.length, 3);
    assert.equal(fit.warnings.length, 3);
    assert.match(fit.warnings[0], /^1e18 FLOP skipped: 2 model sizes/);
    assert.match(fit.warnings[2], /^1e22 FLOP: the minimum \(N = 1B\) lies outside the sizes trained \(100M–400M\)/);
  });

  it('says when there are too few budgets for an interval, and names every budget when none is usable', () => {
    const bowl = (compute: number) =>
      [1e8, 2e8, 4e8].map((params) => ({ params, tokens: compute / (6 * params), loss: 2 + Math.log(params / 2e8) ** 2 }));
    const two = fitIsoflopProfiles([...bowl(1e19), ...bowl(1e20)], { bootstrap: { samples: 50, seed: 1 } });
    assert.equal(two.intervals, undefined);
    assert.match(two.warnings[0], /only 2 budgets have a minimum: too few for a bootstrap interval/);
    const flat = [1e8, 2e8].map((params) => ({ params, tokens: 1e19 / (6 * params), loss: 3 }));
    assert.throws(
      () => fitIsoflopProfiles([...flat, ...[1e8, 2e8].map((params) => ({ params, tokens: 1e21 / (6 * params), loss: 2 }))]),
      /no isoFLOP budget has a minimum: 1e19 FLOP \(2 model sizes.*; 1e21 FLOP \(2 model sizes/,
    );
    assert.throws(
      () => fitIsoflopProfiles([...bowl(1e19), ...flat.map((run) => ({ ...run, tokens: run.tokens * 100 }))]),
      /only one isoFLOP budget \(1e19 FLOP\) has a minimum.*skipped: 1e21 FLOP/,
    );
  });

  it('fits a weighted parabola as repeated points would', () => {
    const xs = [0, 1, 2, 3];
    const ys = [1, 0.2, 0.5, 2];
    const weighted = fitParabola(xs, ys, [2, 1, 0, 1])!;
    const repeated = fitParabola([0, 0, 1, 3], [1, 1, 0.2, 2])!;
    const at = (p: typeof weighted, x: number) => p.c0 + p.c1 * (x - p.center) + p.c2 * (x - p.center) ** 2;
    for (const x of [0, 1.5, 3]) assert.ok(Math.abs(at(weighted, x) - at(repeated, x)) < 1e-12);
    assert.equal(fitParabola([1, 1, 2], [1, 2, 3]), undefined);
  });
});
