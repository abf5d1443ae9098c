/**
 * Input of the per-resample reference (bench/fit_reference.py resamples or bootstrap): runs and
 * bootstrap resamples drawn exactly as `bootstrapChinchilla` draws them (`resampleRepeats` with a
 * seeded generator), as JSON on stdout.
 *
 * Usage:
 *   npx tsx bench/resampleInputs.ts fixture | python3 bench/fit_reference.py resamples > test/core/fit/fixtures/resampleOptima.json
 *     the ladder and resamples of test/core/fit/resampleOptima.test.ts (RESAMPLE_TEST_LADDER)
 *   npx tsx bench/resampleInputs.ts RUNS.csv SAMPLES SEED
 *     the runs of a CSV file and SAMPLES resamples from SEED (used by bench/fit.bench.ts)
 */
import { readFileSync } from 'node:fs';
import { parseRunsCsv, resampleRepeats, seededRandom, type FitPoint } from '../src/core/fit';
import { RESAMPLE_TEST_LADDER } from '../test/core/fit/resampleLadder';

/** The input JSON: runs as [N, D, L], and one repeat count per run for each resample. */
export function resampleInput(points: readonly FitPoint[], samples: number, seed: number, command: string): string {
  const random = seededRandom(seed);
  const repeats = Array.from({ length: samples }, () => Array.from(resampleRepeats(points.length, random)));
  return JSON.stringify({ command, seed, runs: points.map((point) => [point.params, point.tokens, point.loss]), repeats });
}

if (require.main === module) {
  const [source, samples, seed] = process.argv.slice(2);
  if (source === 'fixture') {
    const { points, samples: count, seed: fixtureSeed } = RESAMPLE_TEST_LADDER;
    const command = 'npx tsx bench/resampleInputs.ts fixture | python3 bench/fit_reference.py resamples';
    console.log(resampleInput(points, count, fixtureSeed, command));
  } else {
    const points = parseRunsCsv(readFileSync(source, 'utf8')).points;
    console.log(resampleInput(points, Number(samples), Number(seed), `resamples of ${source}`));
  }
}
