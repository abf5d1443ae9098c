/**
 * Benchmark of the Approach-3 fit (Hoffmann et al. 2022, Sec. 3.3 and Appendix D.2): the full
 * 4,500-start L-BFGS fit of the Chinchilla law to a deterministic 240-run synthetic ladder
 * (BENCHMARK_LADDER: Epoch's constants, 1% noise), on one thread and shared between worker threads.
 * When python3 has scipy, bench/fit_reference.py fits the same CSV with scipy's L-BFGS-B, same
 * objective and grid, and the two are compared. Goal: under 3 s, objective no worse than scipy's
 * by more than 1e-6 relative.
 *
 * Usage: npx tsx bench/fit.bench.ts [--quick]
 *   --quick  scipy fits every 45th start only (100 of 4,500) and its full time is extrapolated;
 *            the objective is then compared with ours over the same 100 starts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BENCHMARK_LADDER,
  chinchillaStartGrid,
  fitChinchilla,
  formatRunsCsv,
  parseRunsCsv,
  syntheticRuns,
  type ChinchillaFit,
} from '../src/core/fit';
import { findPresetLaw } from '../src/core/laws/presets';
import type { ChinchillaConstants } from '../src/core/laws/scalingLaw';
import { FitWorkerPool } from '../src/node/fitWorkerPool';

const GOAL_SECONDS = 3;
const GOAL_RELATIVE_OBJECTIVE = 1e-6;
/** In --quick mode scipy fits every QUICK_EVERY-th start of the grid. */
const QUICK_EVERY = 45;

interface ScipyResult {
  readonly seconds: number;
  readonly cpu_seconds: number;
  readonly starts: number;
  readonly objective: number;
  readonly theta: readonly number[];
  readonly evaluations: number;
}

function describe(fit: ChinchillaFit): string {
  return `E=${fit.E.toFixed(4)} A=${fit.A.toFixed(1)} B=${fit.B.toFixed(1)} α=${fit.alpha.toFixed(4)} β=${fit.beta.toFixed(4)}`;
}

function cpuSeconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

function hasScipy(): boolean {
  return spawnSync('python3', ['-c', 'import scipy'], { stdio: 'ignore' }).status === 0;
}

function runScipy(csvPath: string, every: number): ScipyResult {
  const script = join(__dirname, 'fit_reference.py');
  // One BLAS thread: the reference is a single-threaded optimiser, like the 1-thread TypeScript run.
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const result = spawnSync('python3', [script, csvPath, '--every', String(every)], { encoding: 'utf8', maxBuffer: 1 << 20, env });
  if (result.status !== 0) throw new Error(`fit_reference.py failed (exit ${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as ScipyResult;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const truth = findPresetLaw('epoch')!.constants as unknown as ChinchillaConstants;
  const csvPath = join(mkdtempSync(join(tmpdir(), 'fit-bench-')), 'ladder240.csv');
  writeFileSync(csvPath, formatRunsCsv(syntheticRuns(truth, BENCHMARK_LADDER)));
  // Read the points back from the file, so both sides fit exactly the same numbers.
  const points = parseRunsCsv(readFileSync(csvPath, 'utf8')).points;
  console.log(`data: ${points.length} synthetic runs (Epoch's constants, 1% noise) in ${csvPath}`);

  let started = performance.now();
  const cpuStarted = process.cpuUsage();
  const single = fitChinchilla(points);
  const singleSeconds = (performance.now() - started) / 1000;
  const singleCpu = cpuSeconds(process.cpuUsage(cpuStarted));
  console.log(`TypeScript, 1 thread:   ${single.starts} starts in ${singleSeconds.toFixed(2)} s (${singleCpu.toFixed(2)} s CPU), objective ${single.objective.toExponential(10)} (${single.evaluations} evaluations, best start converged: ${single.converged})`);

  // Workers start once per session, as in the extension; their start-up is timed apart.
  started = performance.now();
  const pool = new FitWorkerPool(availableParallelism());
  await pool.fit(points, { starts: chinchillaStartGrid().slice(0, pool.size) });
  console.log(`worker pool: ${pool.size} threads started and warmed up in ${((performance.now() - started) / 1000).toFixed(2)} s (once per session)`);
  started = performance.now();
  const parallel = await pool.fit(points);
  const parallelSeconds = (performance.now() - started) / 1000;
  await pool.close();
  const workers = pool.size;
  console.log(`TypeScript, ${workers} workers:  ${parallel.starts} starts in ${parallelSeconds.toFixed(2)} s, objective ${parallel.objective.toExponential(10)}`);
  console.log(`fit: ${describe(single)}`);
  console.log(`truth: E=${truth.E.toFixed(4)} A=${truth.A.toFixed(1)} B=${truth.B.toFixed(1)} α=${truth.alpha.toFixed(4)} β=${truth.beta.toFixed(4)}`);
  const fastest = Math.min(singleSeconds, parallelSeconds);
  const [load] = loadavg();
  if (load > availableParallelism()) {
    console.log(`note: the machine is busy (load average ${load.toFixed(1)} on ${availableParallelism()} cores), so wall-clock times are inflated; CPU times are steadier`);
  }

  if (!hasScipy()) {
    console.log('scipy: not available (python3 -c "import scipy" failed); no reference run');
    console.log(`goal (< ${GOAL_SECONDS} s): ${fastest < GOAL_SECONDS ? 'met' : 'NOT met'}`);
    return;
  }
  const every = quick ? QUICK_EVERY : 1;
  const scipy = runScipy(csvPath, every);
  // Our objective over the same starts scipy ran, for a like-for-like comparison in --quick mode.
  const ours = quick ? fitChinchilla(points, { starts: chinchillaStartGrid().filter((_, index) => index % every === 0) }) : single;
  const relative = (ours.objective - scipy.objective) / scipy.objective;
  const scipyFullSeconds = (scipy.seconds * 4500) / scipy.starts;
  const scipyFullCpu = (scipy.cpu_seconds * 4500) / scipy.starts;
  const label = quick ? `extrapolated from ${scipy.starts} of 4500 starts (${scipy.seconds.toFixed(2)} s measured)` : 'measured';
  console.log(`scipy L-BFGS-B:          ${scipy.starts} starts in ${scipy.seconds.toFixed(2)} s (${scipy.cpu_seconds.toFixed(2)} s CPU), objective ${scipy.objective.toExponential(10)} (${scipy.evaluations} evaluations)`);
  console.log(`scipy, all 4500 starts:  ${scipyFullSeconds.toFixed(1)} s (${scipyFullCpu.toFixed(1)} s CPU) (${label})`);
  console.log(`objective, ours − scipy (relative${quick ? `, over the same ${scipy.starts} starts` : ''}): ${relative.toExponential(2)} (${relative <= 0 ? 'ours is as low or lower' : 'scipy is lower'})`);
  console.log(`speed-up over scipy${quick ? ' (extrapolated)' : ''}: ${(scipyFullSeconds / singleSeconds).toFixed(1)}× on 1 thread (${(scipyFullCpu / singleCpu).toFixed(1)}× in CPU time), ${(scipyFullSeconds / parallelSeconds).toFixed(1)}× with ${workers} workers`);
  const met = fastest < GOAL_SECONDS && relative <= GOAL_RELATIVE_OBJECTIVE;
  console.log(`goal (< ${GOAL_SECONDS} s, objective within ${GOAL_RELATIVE_OBJECTIVE} of scipy's): ${met ? 'met' : 'NOT met'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
