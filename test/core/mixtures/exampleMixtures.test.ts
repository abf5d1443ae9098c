import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXAMPLE_MIXTURE_LAW,
  EXAMPLE_MIXTURE_STUDY,
  fitMixtureLaw,
  formatCount,
  optimalMixture,
  parseRunsCsv,
  syntheticMixtureRuns,
  type MixtureRun,
} from '../../../src/core';

const MIXTURES_PATH = join(__dirname, '../../../examples/runs/mixtures.csv');

/**
 * The contents of examples/runs/mixtures.csv: the mixture study {@link EXAMPLE_MIXTURE_STUDY} drawn
 * from the invented joint law {@link EXAMPLE_MIXTURE_LAW} with 0.1% noise, losses rounded to 4
 * decimals. Run names start with "synthetic" because a CSV cannot carry a comment saying so.
 * Regenerate the file with `UPDATE_EXAMPLES=1 npx mocha test/core/mixtures/exampleMixtures.test.ts`.
 */
function exampleMixturesCsv(): string {
  const runs = syntheticMixtureRuns(EXAMPLE_MIXTURE_LAW, EXAMPLE_MIXTURE_STUDY);
  const mixtureNumber = (run: MixtureRun) =>
    EXAMPLE_MIXTURE_STUDY.mixtures.findIndex((mixture) => mixture.join() === run.weights.join()) + 1;
  const header = ['run', 'params', 'tokens', ...EXAMPLE_MIXTURE_LAW.domains.map((domain) => `w_${domain}`), 'loss'];
  const lines = runs.map((run) =>
    [
      `synthetic-N${formatCount(run.params)}-D${formatCount(run.tokens)}-mix${mixtureNumber(run)}`,
      run.params,
      run.tokens,
      ...run.weights,
      run.loss.toFixed(4),
    ].join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

describe('examples/runs/mixtures.csv', () => {
  if (process.env.UPDATE_EXAMPLES === '1') before(() => writeFileSync(MIXTURES_PATH, exampleMixturesCsv()));

  it('is exactly what its generator produces', () => {
    assert.equal(readFileSync(MIXTURES_PATH, 'utf8'), exampleMixturesCsv());
  });

  it('reads as 80 runs over web, code and books, and a joint fit finds nearly the best mixture of the law it was drawn from', () => {
    const runs = parseRunsCsv(readFileSync(MIXTURES_PATH, 'utf8'));
    assert.equal(runs.points.length, 80);
    assert.deepEqual(runs.domains, ['web', 'code', 'books']);
    assert.deepEqual(runs.ignoredColumns, ['run']);
    const fit = fitMixtureLaw(runs.points as MixtureRun[], runs.domains);
    assert.equal(fit.converged, true);
    const best = (law: typeof fit.law) => optimalMixture([{ name: 'web', law, importance: 1 }], 7e9, 150e9).weights;
    const [fitted, truth] = [best(fit.law), best(EXAMPLE_MIXTURE_LAW)];
    fitted.forEach((weight, i) => assert.ok(Math.abs(weight - truth[i]) < 0.1, `${runs.domains[i]}: fitted ${weight}, truth ${truth[i]}`));
  });
});
