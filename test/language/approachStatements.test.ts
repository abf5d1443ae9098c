import * as assert from 'node:assert/strict';
import { fitChinchilla } from '../../src/core/fit';
import { logSpace } from '../../src/core/sweeps';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { evaluateWithResources, FitCache, type ResourceProvider } from '../../src/language/evaluator/evaluateWithResources';
import type { AllocationFitData } from '../../src/language/output/resultData';
import { dataOf } from './helpers';

/**
 * An isoFLOP sweep whose profiles are exact parabolas in ln N, L = 2 + (ln N − ln N*)², with
 * N*(C) = 0.05·C^0.5: by hand, a = b = 0.5, G = 0.05 and N_opt(1e24) = 0.05·1e12 = 5e10.
 */
function parabolaSweep(): string {
  const rows = logSpace(1e18, 1e21, 4).flatMap((compute) =>
    logSpace(1e7, 1e10, 5).map(
      (params) => `  ${params}, ${compute / (6 * params)}, ${2 + Math.log(params / (0.05 * compute ** 0.5)) ** 2}`,
    ),
  );
  return ['data sweep', '  params, tokens, loss', ...rows].join('\n');
}

/**
 * Training curves whose envelope is known: loss = 2 + (ln N − ln N*(C))² along each curve, N* = 0.05·C^0.5.
 * With `schedules` > 1, each size has more runs, the k-th tilted by 0.01·k·sin(ln C) so they cross.
 */
function curveTable(schedules = 1): string {
  const rows = logSpace(1e7, 1e10, 13).flatMap((params, run) =>
    Array.from({ length: schedules }, (_, k) =>
      logSpace(params, 1000 * params, 30).map((tokens) => {
        const compute = 6 * params * tokens;
        const loss = 2 + Math.log(params / (0.05 * compute ** 0.5)) ** 2 + 1e-3 * Math.log(1e12 / compute);
        return `  r${run}s${k}, ${params}, ${tokens}, ${loss + 0.01 * k * Math.sin(Math.log(compute))}`;
      }),
    ).flat(),
  );
  return ['data curves', '  run, params, tokens, loss', ...rows].join('\n');
}

function messages(cells: string[]): string[] {
  return evaluateNotebook(cells).flatMap((evaluation) => evaluation.diagnostics.map((diagnostic) => diagnostic.message));
}

describe('language/fit approach=isoflop|envelope|all', () => {
  it('fits Approach 2 in one cell, keeps the active law, and draws the isoFLOP profiles', () => {
    const [evaluation] = evaluateNotebook([`${parabolaSweep()}\nfit sweep approach=isoflop\ncheck chinchilla`]);
    assert.deepEqual(evaluation.diagnostics, []);
    const [, fit, check] = evaluation.results;
    assert.match(fit.title, /^Approach 2, isoFLOP profiles, fitted to sweep: N_opt ∝ C\^0\.5, D_opt ∝ C\^0\.5$/);
    const data = dataOf(fit, 'fit') as AllocationFitData;
    assert.equal(data.approach, 'isoflop');
    assert.ok(Math.abs(data.paramsExponent - 0.5) < 1e-9);
    assert.ok(Math.abs(data.paramsCoefficient / 0.05 - 1) < 1e-6);
    assert.equal(data.budgets.length, 4);
    assert.match(fit.chart!.fileName, /^isoflop-profiles-sweep$/);
    // The active law is still the default: an allocation has no loss to check against.
    assert.match(JSON.stringify(check.data), /besiroglu2024|epoch/i);
  });

  it('answers optimal BUDGET law=DATA from the allocation, labelled allocation-only, and refuses loss questions', () => {
    const cells = [`${parabolaSweep()}\nfit sweep approach=isoflop\nbudget big compute=1e24\noptimal big law=sweep`];
    const [evaluation] = evaluateNotebook(cells);
    assert.deepEqual(evaluation.diagnostics, []);
    const optimal = evaluation.results[3];
    assert.match(optimal.title, /allocation only/);
    const data = optimal.data as { params: number; tokens: number; allocationOnly: boolean };
    assert.equal(data.allocationOnly, true);
    assert.ok(Math.abs(data.params / 5e10 - 1) < 1e-6, `N = ${data.params}`);
    assert.ok(Math.abs(data.tokens / (1e24 / 3e11) - 1) < 1e-6, `D = ${data.tokens}`);
    assert.match(
      messages([`${parabolaSweep()}\nfit sweep approach=isoflop\noptimal loss=2 law=sweep`]).join('\n'),
      /allocation only: it says which N and D are optimal at a budget, not what loss they reach/,
    );
    assert.match(
      messages([`${parabolaSweep()}\nfit sweep approach=isoflop\ncheck chinchilla law=sweep`]).join('\n'),
      /"sweep" has an allocation fit \(Approach 2, isoFLOP profiles\), not a loss law/,
    );
    // params= inverts N_opt = G·C^a: 5e10 parameters are optimal at 1e24 FLOP.
    const [byParams] = evaluateNotebook([`${parabolaSweep()}\nfit sweep approach=isoflop\noptimal params=50B law=sweep`]);
    assert.ok(Math.abs((byParams.results[2].data as { compute: number }).compute / 1e24 - 1) < 1e-6);
  });

  it('plots the allocation extrapolated to the budgets declared above', () => {
    const [evaluation] = evaluateNotebook([
      `${parabolaSweep()}\nfit sweep approach=isoflop bootstrap=50\nbudget big compute=1e24\nplot allocation sweep`,
    ]);
    assert.deepEqual(evaluation.diagnostics, []);
    const plot = evaluation.results[3];
    assert.equal(plot.chart!.fileName, 'allocation-sweep');
    assert.match(JSON.stringify(plot.chart!.spec), /dashed: extrapolated/);
    assert.match(plot.tables[0].rows[0].join(' '), /^big 1e24 50B/);
    assert.match(messages(['plot allocation nothing']).join('\n'), /unknown data set "nothing"/);
    assert.match(messages([`${parabolaSweep()}\nplot allocation sweep`]).join('\n'), /sweep has no allocation fit/);
  });

  it('reads training curves from an inline table and fits Approach 1 with the cosine caveat', () => {
    const [evaluation] = evaluateNotebook([`${curveTable()}\nfit curves approach=envelope`]);
    assert.deepEqual(evaluation.diagnostics, []);
    const [data, fit] = evaluation.results;
    assert.match(data.title, /^curves: training curves of 13 runs \(390 evaluations\)/);
    assert.match(fit.title, /^Approach 1, envelope of training curves/);
    const exponent = (fit.data as { paramsExponent: number }).paramsExponent;
    assert.ok(Math.abs(exponent - 0.5) < 0.03, `a = ${exponent}`);
    assert.ok(fit.notes.some((note) => /cosine schedule overstate the loss/.test(note)));
    assert.equal(fit.chart!.fileName, 'training-curves-curves');
  });

  it('bootstraps Approach 1 within each size: bootstrap= gives a and b intervals around the fit, in the table and data', () => {
    // Two schedules per size: the second's loss a little higher early and lower late, so which runs a resample keeps matters.
    const [evaluation] = evaluateNotebook([`${curveTable(2)}\nfit curves approach=envelope bootstrap=100 seed=1`]);
    assert.deepEqual(evaluation.diagnostics, []);
    const fit = evaluation.results[1];
    const data = dataOf(fit, 'fit') as AllocationFitData;
    const [low, high] = data.ci!.paramsExponent;
    // By hand a = 0.5 (N* = 0.05·C^0.5), moved a little by the tilt; the interval brackets the fit. (Whether it holds the
    // truth under random noise is tested in test/core/fit/trainingCurveEnvelope.test.ts.)
    assert.ok(low < data.paramsExponent && data.paramsExponent < high, `[${low}, ${high}] around ${data.paramsExponent}`);
    assert.ok(Math.abs(data.paramsExponent - 0.5) < 0.01, `a = ${data.paramsExponent}`);
    assert.match(fit.tables[0].caption!, /95% bootstrap intervals \(100 resamples\)/);
    // One run per size: nothing to resample within a size, so no interval, and a note says why.
    const [single] = evaluateNotebook([`${curveTable()}\nfit curves approach=envelope bootstrap=100 seed=1`]);
    assert.equal((dataOf(single.results[1], 'fit') as AllocationFitData).ci, undefined);
    assert.ok(single.results[1].notes.some((note) => /No interval: each of the 13 sizes has one run/.test(note)));
  });

  it('says why an approach or property does not fit the data', () => {
    assert.match(
      messages([`${parabolaSweep()}\nfit sweep approach=envelope`]).join('\n'),
      /holds one row per finished run, and Approach 1 needs training curves/,
    );
    assert.match(messages([`${parabolaSweep()}\nfit sweep approach=isoflp`]).join('\n'), /unknown approach "isoflp".*/);
    assert.match(
      messages([`${parabolaSweep()}\nfit sweep approach=isoflop delta=1e-3`]).join('\n'),
      /delta= is for the parametric fit, not approach=isoflop/,
    );
  });

  it('approach=all puts every approach the data allow in one table, like Hoffmann et al.’s Table 2', async () => {
    const resources: ResourceProvider = {
      readFile: async () => ({ error: 'no files here' }),
      runFit: async (request) => ({ fit: fitChinchilla(request.points as never, request.options as never) }),
    };
    const { evaluations } = await evaluateWithResources(
      [`${parabolaSweep()}\nbudget big compute=1e24\nfit sweep approach=all`],
      {},
      resources,
      new FitCache(),
    );
    const [evaluation] = evaluations;
    assert.deepEqual(evaluation.diagnostics, []);
    const all = evaluation.results[2];
    assert.equal(all.title, 'Three approaches fitted to sweep');
    const [table] = all.tables;
    assert.deepEqual(
      table.rows.map((row) => row[0]),
      ['Approach 2, isoFLOP profiles', 'Approach 3, parametric L(N, D)'],
    );
    assert.equal(table.rows[0][1], '0.5');
    assert.ok(all.notes.some((note) => /Approach 1, envelope of training curves: not applicable, sweep has no training curves/.test(note)));
    assert.ok(all.tables.some((other) => /Approach 2, isoFLOP profiles: allocation at the budgets above/.test(other.caption ?? '')));
  });
});
