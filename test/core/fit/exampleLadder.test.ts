import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_LADDER, fitChinchilla, formatRunsCsv, parseRunsCsv, syntheticRuns } from '../../../src/core/fit';
import { trainingCompute } from '../../../src/core/compute';
import { customLaw, findPresetLaw } from '../../../src/core/laws/presets';
import type { ChinchillaConstants } from '../../../src/core/laws/scalingLaw';
import { formatCount, formatScientific } from '../../../src/core/numberFormat';

const LADDER_PATH = join(__dirname, '../../../examples/runs/ladder.csv');
const EPOCH = findPresetLaw('epoch')!.constants as unknown as ChinchillaConstants;

/**
 * The contents of examples/runs/ladder.csv: a synthetic isoFLOP ladder drawn from Epoch's law
 * (Besiroglu et al. 2024) with 1% noise ({@link EXAMPLE_LADDER}), tokens rounded to 4 significant
 * digits and losses to 4 decimals as a training log would print them. Each run's name starts with
 * "synthetic" because a CSV cannot carry a comment saying so. Regenerate the file with
 * `UPDATE_EXAMPLES=1 npx mocha test/core/fit/exampleLadder.test.ts`.
 */
function exampleLadderCsv(): string {
  const runs = syntheticRuns(EPOCH, EXAMPLE_LADDER);
  const names = runs.map((run) => `synthetic-C${formatScientific(trainingCompute(run.params, run.tokens), 2)}-N${formatCount(run.params)}`);
  const rounded = runs.map((run) => ({ params: run.params, tokens: Number(run.tokens.toPrecision(4)), loss: Number(run.loss.toFixed(4)) }));
  return formatRunsCsv(rounded, names);
}

describe('examples/runs/ladder.csv', () => {
  if (process.env.UPDATE_EXAMPLES === '1') before(() => writeFileSync(LADDER_PATH, exampleLadderCsv()));

  it('is exactly what its generator produces', () => {
    assert.equal(readFileSync(LADDER_PATH, 'utf8'), exampleLadderCsv());
  });

  it('reads as 53 runs and fits back to the law it was drawn from', () => {
    const runs = parseRunsCsv(readFileSync(LADDER_PATH, 'utf8'));
    assert.equal(runs.points.length, 53);
    assert.deepEqual(runs.ignoredColumns, ['run']);
    const fit = fitChinchilla(runs.points);
    assert.equal(fit.converged, true);
    assert.ok(Math.abs(fit.alpha - EPOCH.alpha) < 0.05, `α = ${fit.alpha}`);
    assert.ok(Math.abs(fit.beta - EPOCH.beta) < 0.05, `β = ${fit.beta}`);
    const [fitted, truth] = [customLaw('fit', fit), customLaw('truth', EPOCH)].map((law) => law.optimalParams(1e21));
    assert.ok(Math.abs(Math.log(fitted / truth)) < Math.log(1.5), `N_opt at 1e21 FLOP: fitted ${fitted}, truth ${truth}`);
  });
});
