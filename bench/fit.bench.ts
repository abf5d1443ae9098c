/**
 * Benchmark of the Approach-3 fit (Hoffmann et al. 2022, Sec. 3.3 and Appendix D.2) and its
 * bootstrap, against scipy (bench/fit_reference.py), on a deterministic 240-run synthetic ladder
 * (BENCHMARK_LADDER: Epoch's constants, 1% noise) or the runs of a CSV file.
 *
 * 1. The full fit: screened (the 40 best of 4,500 starts searched) and exhaustive (all 4,500), in
 *    process and from the CLI (dist/cli.js, when built), and scipy L-BFGS-B with analytic gradients
 *    over the same grid. Goals (issue 12): the screened fit finds the exhaustive optimum; the CLI
 *    fit under 1 s; at least 20× faster than scipy.
 * 2. The bootstrap: 1,000 resamples, and scipy's tight-tolerance fit (ftol 1e-15, gtol 1e-12, from
 *    the full-data optimum) of the same resamples; prints the standard-error ratio ours/scipy per
 *    constant. Goals: every ratio within 15% of 1; 1,000 resamples under 10 s.
 *
 * Usage: npx tsx bench/fit.bench.ts [--quick] [--csv RUNS.csv] [--samples N]
 *   --quick    scipy's grid fit runs every 45th start only (100 of 4,500), its time extrapolated,
 *              and scipy's bootstrap the first 200 resamples (the ratio is over those).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BENCHMARK_LADDER,
  bootstrapChinchilla,
  fitChinchilla,
  formatRunsCsv,
  parseRunsCsv,
  syntheticRuns,
  type ChinchillaFit,
} from '../src/core/fit';
import { findPresetLaw } from '../src/core/laws/presets';
import type { ChinchillaConstants } from '../src/core/laws/scalingLaw';
import { resampleInput } from './resampleInputs';
import { median, timed } from './timing';

const GOAL_CLI_SECONDS = 1;
const GOAL_SPEEDUP = 20;
const GOAL_BOOTSTRAP_SECONDS = 10;
const GOAL_SE_RATIO = 0.15;
/** In --quick mode scipy fits every QUICK_EVERY-th start of the grid, and QUICK_RESAMPLES resamples. */
const QUICK_EVERY = 45;
const QUICK_RESAMPLES = 200;
const CLI_RUNS = 5;

interface ScipyGrid {
  readonly seconds: number;
  readonly cpu_seconds: number;
  readonly starts: number;
  readonly objective: number;
}

function describe(fit: ChinchillaFit): string {
  return `E=${fit.E.toFixed(4)} A=${fit.A.toFixed(1)} B=${fit.B.toFixed(1)} α=${fit.alpha.toFixed(4)} β=${fit.beta.toFixed(4)}`;
}

/** One BLAS thread: the reference is a single-threaded optimiser, like the TypeScript fit. */
function runScipy(args: readonly string[], input?: string): string {
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const result = spawnSync('python3', [join(__dirname, 'fit_reference.py'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env, input });
  if (result.status !== 0) throw new Error(`fit_reference.py ${args.join(' ')} failed (exit ${result.status}): ${result.stderr}`);
  return result.stdout;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function main(): void {
  const quick = process.argv.includes('--quick');
  const samples = Number(option('--samples') ?? 1000);
  const csvOption = option('--csv');
  const truth = findPresetLaw('epoch')!.constants as unknown as ChinchillaConstants;
  const csvPath = csvOption ?? join(mkdtempSync(join(tmpdir(), 'fit-bench-')), 'ladder240.csv');
  if (!csvOption) writeFileSync(csvPath, formatRunsCsv(syntheticRuns(truth, BENCHMARK_LADDER)));
  // Read the points back from the file, so every fitter fits exactly the same numbers.
  const points = parseRunsCsv(readFileSync(csvPath, 'utf8')).points;
  const [load1] = loadavg();
  console.log(`data: ${points.length} runs in ${csvPath}${csvOption ? '' : " (synthetic: Epoch's constants, 1% noise)"}`);
  console.log(
    `machine: ${availableParallelism()} cores, load average ${load1.toFixed(1)} at start; times are wall clock (CPU in parentheses)`,
  );
  const hasScipy = spawnSync('python3', ['-c', 'import scipy'], { stdio: 'ignore' }).status === 0;

  // 1. The full fit.
  const screened = timed(() => fitChinchilla(points));
  const exhaustive = timed(() => fitChinchilla(points, { searchedStarts: Infinity }));
  const gap = screened.result.objective / exhaustive.result.objective - 1;
  console.log(
    `fit, screened:   ${screened.result.searchedStarts} of ${screened.result.starts} starts searched in ${(screened.wallMs / 1000).toFixed(2)} s (${(screened.cpuMs / 1000).toFixed(2)} s), objective ${screened.result.objective.toExponential(10)}`,
  );
  console.log(
    `fit, exhaustive: ${exhaustive.result.searchedStarts} starts searched in ${(exhaustive.wallMs / 1000).toFixed(2)} s (${(exhaustive.cpuMs / 1000).toFixed(2)} s), objective ${exhaustive.result.objective.toExponential(10)}`,
  );
  console.log(`screened − exhaustive objective (relative): ${gap.toExponential(2)}; ${describe(screened.result)}`);
  const cli = join(__dirname, '..', 'dist', 'cli.js');
  let cliSeconds: number | undefined;
  if (existsSync(cli)) {
    const times = Array.from({ length: CLI_RUNS }, () => {
      const started = performance.now();
      const run = spawnSync(process.execPath, [cli, 'fit', csvPath, '--json'], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`dist/cli.js fit failed: ${run.stderr}`);
      return (performance.now() - started) / 1000;
    });
    cliSeconds = median(times);
    console.log(
      `CLI: node dist/cli.js fit ${csvPath} --json, median of ${CLI_RUNS}: ${cliSeconds.toFixed(2)} s (all: ${times.map((t) => t.toFixed(2)).join(', ')})`,
    );
  } else {
    console.log('CLI: dist/cli.js not built (npm run build); not timed');
  }
  let speedup: number | undefined;
  if (hasScipy) {
    const every = quick ? QUICK_EVERY : 1;
    const scipy = JSON.parse(runScipy(['grid', csvPath, '--every', String(every)])) as ScipyGrid;
    const fullSeconds = (scipy.seconds * 4500) / scipy.starts;
    const fullCpu = (scipy.cpu_seconds * 4500) / scipy.starts;
    speedup = fullSeconds / (cliSeconds ?? screened.wallMs / 1000);
    const how = quick ? `extrapolated from ${scipy.starts} starts in ${scipy.seconds.toFixed(2)} s` : 'measured';
    console.log(
      `scipy L-BFGS-B (default tolerances, analytic gradient), 4,500 starts: ${fullSeconds.toFixed(1)} s (${fullCpu.toFixed(1)} s) (${how}); best objective ${scipy.objective.toExponential(10)}`,
    );
    console.log(
      `speed-up over scipy: ${speedup.toFixed(0)}× (${cliSeconds !== undefined ? 'CLI' : 'in process'}); in CPU time in process: ${((fullCpu * 1000) / screened.cpuMs).toFixed(0)}×`,
    );
  }

  // 2. The bootstrap.
  const ours = timed(() => bootstrapChinchilla(points, { samples, seed: 1, fullFit: screened.result }));
  console.log(
    `bootstrap: ${ours.result.completedSamples} resamples in ${(ours.wallMs / 1000).toFixed(2)} s (${(ours.cpuMs / 1000).toFixed(2)} s), 1 thread`,
  );
  let ratiosMet = true;
  if (hasScipy) {
    const scipySamples = quick ? Math.min(samples, QUICK_RESAMPLES) : samples;
    const input = resampleInput(points, scipySamples, 1, `bench/fit.bench.ts on ${csvPath}`);
    const reference = JSON.parse(runScipy(['bootstrap'], input)) as { optima: number[][]; seconds: number };
    const oursOnSame =
      quick && scipySamples < samples
        ? bootstrapChinchilla(points, { samples: scipySamples, seed: 1, fullFit: screened.result })
        : ours.result;
    console.log(
      `scipy bootstrap (ftol 1e-15, gtol 1e-12, from the full-data optimum): ${scipySamples} resamples in ${reference.seconds.toFixed(1)} s`,
    );
    const spread = (values: number[]) => {
      const mean = values.reduce((total, value) => total + value, 0) / values.length;
      return Math.sqrt(values.reduce((total, value) => total + (value - mean) ** 2, 0) / (values.length - 1));
    };
    const columns: [keyof typeof oursOnSame.constants, number, boolean][] = [
      ['A', 0, true],
      ['B', 1, true],
      ['E', 2, true],
      ['alpha', 3, false],
      ['beta', 4, false],
    ];
    for (const [name, column, logged] of columns) {
      const scipySe = spread(reference.optima.map((theta) => (logged ? Math.exp(theta[column]) : theta[column])));
      const ratio = oursOnSame.constants[name].standardError / scipySe;
      ratiosMet &&= Math.abs(ratio - 1) <= GOAL_SE_RATIO;
      console.log(
        `SE ${name.padEnd(5)} ours ${oursOnSame.constants[name].standardError.toPrecision(4).padStart(10)}  scipy ${scipySe.toPrecision(4).padStart(10)}  ratio ${ratio.toFixed(3)}`,
      );
    }
  }
  const [load2] = loadavg();
  if (Math.max(load1, load2) > availableParallelism()) {
    console.log(
      `note: the machine was busy (load average up to ${Math.max(load1, load2).toFixed(1)} on ${availableParallelism()} cores): wall-clock times are inflated, CPU times less so`,
    );
  }
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  console.log(`goal, screened = exhaustive optimum (1e-9): ${verdict(Math.abs(gap) < 1e-9)}`);
  if (cliSeconds !== undefined) console.log(`goal, CLI fit < ${GOAL_CLI_SECONDS} s: ${verdict(cliSeconds < GOAL_CLI_SECONDS)}`);
  if (speedup !== undefined) console.log(`goal, ≥ ${GOAL_SPEEDUP}× scipy: ${verdict(speedup >= GOAL_SPEEDUP)}`);
  console.log(`goal, ${samples} resamples < ${GOAL_BOOTSTRAP_SECONDS} s: ${verdict(ours.wallMs / 1000 < GOAL_BOOTSTRAP_SECONDS)}`);
  if (hasScipy) console.log(`goal, SE within ${GOAL_SE_RATIO * 100}% of scipy: ${verdict(ratiosMet)}`);
}

main();
