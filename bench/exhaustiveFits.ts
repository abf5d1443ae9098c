/**
 * Reference for test/core/fit/screenedFit.test.ts: the exhaustive Approach-3 fit (an L-BFGS search
 * from every one of Hoffmann et al.'s 4,500 grid starts, no screening) of each ladder of
 * `variedLadders`, and the rank, by objective value at the start, of the best-ranked start that
 * reaches the optimum. The fit itself searches only from the best-ranked starts (SCREENED_STARTS);
 * the test checks that it finds these optima, and the ranks show how much margin that has.
 *
 * Usage: npx tsx bench/exhaustiveFits.ts [COUNT] > test/core/fit/fixtures/exhaustiveFits.json
 * (about 5 s of CPU per ladder).
 */
import { CHINCHILLA_LBFGS_OPTIONS, chinchillaStartGrid, ChinchillaHuberObjective, LbfgsMinimizer, PARAMETER_COUNT } from '../src/core/fit';
import { variedLadders } from '../test/core/fit/screeningLadders';

/** Optima whose objectives agree to this relative margin are the same optimum. */
const SAME_OBJECTIVE = 1e-9;

const count = Number(process.argv[2] ?? 60);
const grid = chinchillaStartGrid();
const minimizer = new LbfgsMinimizer(PARAMETER_COUNT, CHINCHILLA_LBFGS_OPTIONS);
const gradient = new Float64Array(PARAMETER_COUNT);
const ladders = variedLadders(count).map(({ points }, ladder) => {
  const objective = new ChinchillaHuberObjective(points);
  const f = (x: Float64Array, into: Float64Array) => objective.evaluate(x, into);
  const runs = grid.map((start, index) => {
    const x = [start.a, start.b, start.e, start.alpha, start.beta];
    const startValue = objective.evaluate(x, gradient);
    const result = minimizer.minimize(f, x);
    return { index, startValue: Number.isFinite(startValue) ? startValue : Infinity, value: result.value, x: Array.from(result.x) };
  });
  const best = runs.reduce((winner, run) => (run.value < winner.value ? run : winner));
  const ranked = [...runs].sort((left, right) => left.startValue - right.startValue || left.index - right.index);
  const winningRank = ranked.findIndex((run) => run.value <= best.value * (1 + SAME_OBJECTIVE));
  process.stderr.write(`ladder ${ladder}: ${points.length} runs, objective ${best.value.toExponential(6)}, winning rank ${winningRank}\n`);
  return { ladder, runs: points.length, objective: best.value, theta: best.x, winningRank };
});
console.log(
  JSON.stringify(
    { command: `npx tsx bench/exhaustiveFits.ts ${count}`, grid: '4,500 starts of Hoffmann et al. 2022, App. D.2', ladders },
    null,
    1,
  ),
);
