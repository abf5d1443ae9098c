import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_MIXTURE_LAW, EXAMPLE_MIXTURE_STUDY, optimalMixture, syntheticMixtureRuns } from '../../src/core';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { evaluateWithResources, FitCache, type ResourceProvider } from '../../src/language/evaluator/evaluateWithResources';
import { computeFitRequest } from '../../src/language/evaluator/inThreadFitRunner';
import { completionsAt } from '../../src/language/completionItems';
import { hoverAt } from '../../src/language/hoverContent';
import { dataOf } from './helpers';

const STUDY_CSV = readFileSync(join(__dirname, '../../examples/runs/mixtures.csv'), 'utf8');

/** Files from a map; fits computed in this thread, counted by kind. */
function provider(files: Record<string, string>) {
  const counts: Record<string, number> = {};
  const resources: ResourceProvider = {
    readFile: async (path) => (path in files ? { text: files[path] } : { error: `no such file ${path}` }),
    runFit: async (request) => {
      counts[request.kind] = (counts[request.kind] ?? 0) + 1;
      return computeFitRequest(request);
    },
  };
  return { resources, counts };
}

async function evaluate(cells: string[], files: Record<string, string> = { 'mixtures.csv': STUDY_CSV }, cache = new FitCache()) {
  const { resources, counts } = provider(files);
  const { evaluations } = await evaluateWithResources(cells, {}, resources, cache);
  return { evaluations, counts };
}

const FIT = 'data study from "mixtures.csv"\nfit study mixture=joint';

describe('language/mixture statements', () => {
  it('data keeps the domain weights and shows them; fit … mixture= waits for the caller, who runs it once', async () => {
    const [waiting] = evaluateNotebook([FIT], { resources: { files: new Map([['mixtures.csv', { text: STUDY_CSV }]]) } });
    assert.equal(waiting.pending.fits[0].kind, 'mixture');
    assert.equal(waiting.diagnostics[0].code, 'pending');
    const cache = new FitCache();
    const first = await evaluate([FIT, 'optimal mixture for study params=7B tokens=150B'], undefined, cache);
    assert.ok(
      first.evaluations.every((evaluation) => evaluation.ok),
      JSON.stringify(first.evaluations.map((evaluation) => evaluation.diagnostics)),
    );
    const [data, fit] = first.evaluations[0].results;
    assert.deepEqual(data.tables[0].columns, ['run', 'N', 'D', 'web', 'code', 'books', 'loss']);
    assert.equal(fit.kind, 'fit');
    assert.match(fit.title, /Mixture law fitted to study \(80 runs over web, code, books\)/);
    assert.deepEqual(first.counts, { mixture: 1 });
    const again = await evaluate([FIT], undefined, cache);
    assert.deepEqual(again.counts, {});
  });

  it('optimal mixture gives weights on the simplex that beat the training mixtures, with a bar chart', async () => {
    const { evaluations } = await evaluate([FIT, 'optimal mixture for study params=7B tokens=150B']);
    const [result] = evaluations[1].results;
    assert.equal(result.kind, 'optimal-mixture');
    const data = dataOf(result, 'optimal-mixture');
    assert.ok(Math.abs(data.weights.reduce((sum, weight) => sum + weight, 0) - 1) < 1e-12);
    assert.ok(data.comparisons.every((mixture) => mixture.loss > data.loss));
    // Fitted to runs of the invented law with 0.1% noise: within 10 points of the law's own optimum.
    const truth = optimalMixture([{ name: 'web', law: EXAMPLE_MIXTURE_LAW, importance: 1 }], 7e9, 150e9).weights;
    data.weights.forEach((weight, i) => assert.ok(Math.abs(weight - truth[i]) < 0.1, `${weight} vs ${truth[i]}`));
    assert.ok(result.chart);
    assert.deepEqual(
      result.tables[0].rows.map((row) => row[0]),
      ['web', 'code', 'books', 'predicted loss'],
    );
    assert.ok(result.notes.some((note) => /At the largest training run's scale \(N = 1\.2B, D = 72B\)/.test(note)));
    // Every column of shares (best, each training mixture, equal weights) adds up to 100% as printed.
    for (let column = 1; column < result.tables[0].columns.length; column++) {
      const shown: number[] = result.tables[0].rows.slice(0, 3).map((row) => Number(String(row[column]).replace('%', '')));
      assert.equal(Math.round(shown.reduce((sum, share) => sum + share, 0) * 10), 1000, `${result.tables[0].columns[column]}: ${shown}`);
    }
  });

  it('weights several targets by importance, matching domains by name whatever their column order', async () => {
    const runs = syntheticMixtureRuns(EXAMPLE_MIXTURE_LAW, { ...EXAMPLE_MIXTURE_STUDY, modelSizes: [2e7, 1.5e8, 1.2e9] });
    const reordered = [
      'params,tokens,w_books,w_web,w_code,loss',
      ...runs.map((run) => [run.params, run.tokens, run.weights[2], run.weights[0], run.weights[1], run.loss].join(',')),
    ].join('\n');
    const files = { 'mixtures.csv': STUDY_CSV, 'books-first.csv': reordered };
    const cells = [
      `${FIT}\ndata other from "books-first.csv"\nfit other mixture=additive`,
      'optimal mixture for study, other params=7B tokens=150B importance=3,1',
    ];
    const { evaluations } = await evaluate(cells, files);
    assert.ok(evaluations[1].ok, JSON.stringify(evaluations[1].diagnostics));
    const [result] = evaluations[1].results;
    assert.match(result.title, /study, other \(importance 3:1\)/);
    assert.deepEqual(dataOf(result, 'optimal-mixture').domains, ['web', 'code', 'books']);
    assert.equal(result.tables[1].rows.length, 2);
  });

  it('plot mixture draws loss against each weight, with the losses at 0%, the best and 100% as its table', async () => {
    const { evaluations } = await evaluate([FIT, 'plot mixture study params=7B tokens=150B points=21']);
    const [plot] = evaluations[1].results;
    assert.equal(plot.kind, 'plot');
    assert.deepEqual(plot.tables[0].columns, ['domain', 'best weight', 'loss at 0%', 'loss at best', 'loss at 100%']);
    assert.equal(plot.chart!.fileName, 'mixture-weights-7b-150b');
  });

  it('fit … mixture= leaves the Chinchilla fit and the active law alone', async () => {
    const { evaluations } = await evaluate([`${FIT}\nfit study`, 'check chinchilla']);
    assert.ok(evaluations.every((evaluation) => evaluation.ok));
    assert.equal((evaluations[1].results[0].data as { law: string }).law, 'study');
  });

  for (const [cells, code, message] of [
    [['data t\n  params,tokens,loss\n  1e8,2e9,3\n  2e8,2e9,2.9\nfit t mixture=joint'], 'data-error', /t has no domain weights/],
    [[`${FIT.replace('joint', 'jiont')}`], 'invalid-value', /unknown mixture law "jiont".*/],
    [[`${FIT} bootstrap=100`], 'unknown-property', /"fit mixture" has no property "bootstrap"/],
    [
      ['data study from "mixtures.csv"', 'optimal mixture for study params=7B tokens=150B'],
      'invalid-value',
      /study has no fitted mixture law/,
    ],
    [[FIT, 'optimal mixture params=7B tokens=150B'], 'syntax', /needs the data sets whose mixture laws to use/],
    [[FIT, 'optimal mixture for study params=7B'], 'missing-property', /needs tokens=/],
    [[FIT, 'optimal mixture for study params=7B tokens=150B importance=1,2'], 'invalid-value', /importance= lists 2 values for 1 target/],
    [
      [FIT, 'optimal mixture for study params=7B tokens=150B compute=1e24'],
      'unknown-property',
      /"optimal mixture" has no property "compute"/,
    ],
    [[FIT, 'plot mixture params=7B tokens=150B'], 'syntax', /"plot mixture" needs a data set/],
    [['data bad\n  params,tokens,w_a,w_b,loss\n  1e8,2e9,0.5,0.4,3.1'], 'invalid-value', /this table row: the domain weights sum to 0\.9/],
  ] as const) {
    it(`"${cells.join(' / ').replace(/\n/g, ' ⏎ ')}" → ${code}`, async () => {
      const { evaluations } = await evaluate([...cells]);
      const diagnostic = evaluations.flatMap((evaluation) => evaluation.diagnostics).find((candidate) => candidate.severity === 'error');
      assert.equal(diagnostic?.code, code, JSON.stringify(evaluations.map((evaluation) => evaluation.diagnostics)));
      assert.match(diagnostic!.message, message);
    });
  }

  it('a model named "mixture" is still found by optimal', () => {
    const [evaluation] = evaluateNotebook(['model mixture params=1B tokens=20B\noptimal mixture']);
    assert.ok(evaluation.ok, JSON.stringify(evaluation.diagnostics));
    assert.equal(evaluation.results[1].kind, 'optimal');
  });

  it('the editor explains the new properties and offers them', () => {
    const hover = hoverAt(['fit study mixture=joint'], 0, { line: 0, column: 12 });
    assert.match(hover!.markdown, /\*\*mixture\*\* — fit Shukor et al\. 2025's data-mixture law/);
    const completions = completionsAt(['data runs from "x.csv" '], 0, { line: 0, column: 23 }).map((entry) => entry.label);
    assert.ok(completions.includes('domains'));
    const kinds = completionsAt(['plot '], 0, { line: 0, column: 5 }).map((entry) => entry.label);
    assert.ok(kinds.includes('mixture'));
  });
});
