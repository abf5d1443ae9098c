import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitChinchilla, SCREENED_STARTS } from '../../../src/core/fit';
import { variedLadders } from './screeningLadders';

/**
 * The exhaustive fit of each of `variedLadders(60)`: L-BFGS from all 4,500 grid starts, written by
 * the command stored in the file. theta = (log A, log B, log E, α, β).
 */
interface ExhaustiveReference {
  readonly command: string;
  readonly ladders: readonly {
    readonly ladder: number;
    readonly runs: number;
    readonly objective: number;
    readonly theta: readonly number[];
    readonly winningRank: number;
  }[];
}

const reference = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'exhaustiveFits.json'), 'utf8')) as ExhaustiveReference;
const ladders = variedLadders(reference.ladders.length);

/** Exponents inside the band where published fits land (PLAUSIBLE_EXPONENTS): the data identify the law. */
const identified = (theta: readonly number[]) => theta[3] > 0.05 && theta[3] < 1.5 && theta[4] > 0.05 && theta[4] < 1.5;

describe('the screened fit finds the optimum of the exhaustive 4,500-start fit', () => {
  it('on every ladder of 60 (truths, sizes, noise 0.3%–4%) whose exhaustive optimum is a plausible law', () => {
    const plausible = reference.ladders.filter(({ theta }) => identified(theta));
    assert.ok(plausible.length >= 50, `${plausible.length} ladders`);
    let screenedOnly = 0;
    for (const { ladder, runs, objective, theta } of plausible) {
      const { points } = ladders[ladder];
      assert.equal(points.length, runs, `ladder ${ladder}`);
      const fit = fitChinchilla(points);
      assert.ok(Math.abs(fit.objective / objective - 1) < 1e-9, `ladder ${ladder}: objective ${fit.objective}, exhaustive ${objective}`);
      if (fit.searchedStarts === SCREENED_STARTS) screenedOnly++;
      // The optimum itself, not just its value (log E may run off towards E = 0 on a flat floor).
      assert.ok(
        Math.abs(fit.alpha - theta[3]) < 1e-3 && Math.abs(fit.beta - theta[4]) < 1e-3,
        `ladder ${ladder}: α, β ${fit.alpha}, ${fit.beta} vs ${theta[3]}, ${theta[4]}`,
      );
    }
    assert.equal(screenedOnly, plausible.length, 'a plausible optimum needs no search beyond the screened starts');
  });

  it('searches every start when the screened optimum is implausible, and then finds the exhaustive one', () => {
    // Ladder 11 (4% noise): the 40 best-screened starts lead to β < 0; the exhaustive optimum
    // (β ≈ 102, from the start ranked 1,583rd) is no better a law, but it is the grid's optimum.
    const { objective, winningRank } = reference.ladders[11];
    assert.ok(winningRank > SCREENED_STARTS);
    const fit = fitChinchilla(ladders[11].points);
    assert.equal(fit.searchedStarts, 4500);
    assert.ok(Math.abs(fit.objective / objective - 1) < 1e-9, `objective ${fit.objective}, exhaustive ${objective}`);
    assert.match(fit.warnings.join('\n'), /β = .* is outside/);
  });
});
