/** What the benchmarks time with: medians of repeated runs, and the wall and CPU time of one run. */

/** The middle of `values` (the upper middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The median wall time in ms of `repeats` runs of `run` after `warmUp` untimed ones. `run` gets the
 * iteration number (warm-up runs first), and is awaited only when it returns a promise, so the time of
 * a synchronous run holds no await.
 */
export async function medianMs(repeats: number, warmUp: number, run: (iteration: number) => unknown): Promise<number> {
  const times: number[] = [];
  for (let iteration = 0; iteration < warmUp + repeats; iteration++) {
    const start = performance.now();
    const pending = run(iteration);
    if (pending instanceof Promise) await pending;
    if (iteration >= warmUp) times.push(performance.now() - start);
  }
  return median(times);
}

/** Wall time and CPU time of this process, in ms. */
export interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** One run of `work`: its result, with its wall and CPU time. */
export function timed<Result>(work: () => Result): Timing & { readonly result: Result } {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const result = work();
  const wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  return { result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}
