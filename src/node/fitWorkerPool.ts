/**
 * Node worker-thread entry for fits, and a pool on the host side that shares a fit's start grid
 * between worker threads (one per core), so the 4,500-start fit neither blocks the caller's
 * thread nor waits on one core. The pool is meant to live as long as its user (a CLI run, the
 * extension host) so that workers start once, not once per fit.
 *
 * Loaded as a worker, this file answers `FitWorkerRequest`s; imported, it exports
 * {@link FitWorkerPool} (fits and bootstraps) and {@link fitChinchillaInWorkers}.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import {
  bestOfFits,
  type BootstrapRequestOptions,
  type ChinchillaBootstrap,
  chinchillaStartGrid,
  handleFitWorkerRequest,
  SCREENED_STARTS,
  splitStarts,
  type ChinchillaFit,
  type FitPoint,
  type FitRequestOptions,
  type FitWorkerRequest,
  type FitWorkerResponse,
} from '../core/fit';
import type { MixtureFit, MixtureFitRequestOptions, MixtureRun } from '../core/mixtures';

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (request: FitWorkerRequest) => handleFitWorkerRequest(request, (response) => port.postMessage(response)));
}

/**
 * A worker running `script`. A TypeScript source (tests, `tsx bench/...`) is loaded through tsx's
 * require hook, which a worker does not inherit from a parent that registered it in-process.
 */
function startWorker(script: string): Worker {
  if (!script.endsWith('.ts')) return new Worker(script);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { eval: true });
}

/** Omit over each member of a union (plain Omit would merge the members). */
type DistributiveOmit<Union, Key extends PropertyKey> = Union extends unknown ? Omit<Union, Key> : never;

/**
 * Runs `work` with a shared cancel flag (see `FitWorkerRequest`) that `signal` sets, already set
 * when the signal was aborted before the call.
 */
async function withCancelFlag<Result>(
  signal: AbortSignal | undefined,
  work: (cancelFlag: SharedArrayBuffer) => Promise<Result>,
): Promise<Result> {
  const cancelFlag = new SharedArrayBuffer(4);
  const cancel = () => Atomics.store(new Int32Array(cancelFlag), 0, 1);
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel);
  try {
    return await work(cancelFlag);
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/** Progress and cancellation of one pooled fit. */
export interface PooledFitControl {
  /** Starts finished over all workers. */
  readonly onProgress?: (finished: number, total: number) => void;
  /** Cancels the fit; it then rejects with a FitCancelledError. */
  readonly signal?: AbortSignal;
}

interface PendingRequest {
  /** The worker computing it: when that worker dies, this request fails. */
  readonly worker: Worker;
  readonly resolve: (result: ChinchillaFit | ChinchillaBootstrap | MixtureFit) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: (finished: number, total: number, phase: 'full fit' | 'resamples') => void;
}

/**
 * Worker threads that run fits. Each fit's starts are split evenly between the workers and the
 * best optimum of the slices is returned (`bestOfFits`), the same fit one thread would find.
 *
 * @example const pool = new FitWorkerPool(); const fit = await pool.fit(runs); await pool.close();
 */
export class FitWorkerPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, PendingRequest>();
  private nextId = 0;
  private closing = false;

  /**
   * @param size worker threads, default one per available core
   * @param workerScript the worker entry, default this file (a bundle that inlines it must pass its own)
   */
  constructor(
    size = availableParallelism(),
    private readonly workerScript = __filename,
  ) {
    this.workers = Array.from({ length: Math.max(1, size) }, (_, slot) => this.spawn(slot));
  }

  /**
   * Starts the worker of one slot. A worker that dies (out of memory, a crash) fails the fits it was
   * running and is replaced at once, so later fits never wait on a dead thread.
   */
  private spawn(slot: number): Worker {
    const worker = startWorker(this.workerScript);
    worker.on('message', (response: FitWorkerResponse) => this.receive(response));
    worker.on('error', (error) => this.failRequestsOf(worker, new Error(`a fit worker failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (this.closing) {
        this.failRequestsOf(worker, new Error('the fit workers were stopped before the fit finished'));
        return;
      }
      const stopped = `a fit worker stopped unexpectedly (exit code ${code}) before the fit finished`;
      this.failRequestsOf(worker, new Error(`${stopped}; it has been restarted: run the fit again`));
      if (this.workers[slot] === worker) this.workers[slot] = this.spawn(slot);
    });
    return worker;
  }

  /** Number of worker threads. */
  get size(): number {
    return this.workers.length;
  }

  /**
   * The Chinchilla fit of `points` (see `fitChinchilla`). A screened fit (the default) runs on one
   * worker: it takes well under a second, and split slices would each screen and search their own
   * best starts. An exhaustive one (`searchedStarts: Infinity`) is shared by all the workers.
   */
  async fit(points: readonly FitPoint[], options: FitRequestOptions = {}, control: PooledFitControl = {}): Promise<ChinchillaFit> {
    const startCount = (options.starts ?? chinchillaStartGrid(options.grid, options.fixed)).length;
    const screened = (options.searchedStarts ?? SCREENED_STARTS) < startCount;
    const ranges = screened ? [{ from: 0, to: startCount }] : splitStarts(startCount, this.workers.length);
    // Progress counts local searches, whose number each part reports (a screened part may widen it).
    const finished = ranges.map(() => 0);
    const totals = ranges.map((range) => range.to - range.from);
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const report = (part: number) => (count: number, total: number) => {
      finished[part] = count;
      totals[part] = total;
      control.onProgress?.(sum(finished), sum(totals));
    };
    const parts = await withCancelFlag(control.signal, (cancelFlag) =>
      Promise.all(
        ranges.map((startRange, part) =>
          this.send<ChinchillaFit>(
            this.workers[part],
            { kind: 'fit', points, options: { ...options, startRange }, cancelFlag },
            report(part),
          ),
        ),
      ),
    );
    return bestOfFits(parts);
  }

  /**
   * Bootstrap intervals (see `bootstrapChinchilla`) computed on one worker, off the caller's
   * thread; cancelling returns the intervals of the resamples done so far.
   */
  async bootstrap(
    points: readonly FitPoint[],
    options: BootstrapRequestOptions = {},
    control: Omit<PooledFitControl, 'onProgress'> & {
      readonly onProgress?: (finished: number, total: number, phase: 'full fit' | 'resamples') => void;
    } = {},
  ): Promise<ChinchillaBootstrap> {
    const worker = this.workers[this.nextId % this.workers.length];
    return withCancelFlag(control.signal, (cancelFlag) =>
      this.send<ChinchillaBootstrap>(worker, { kind: 'bootstrap', points, options, cancelFlag }, (finished, total, phase) =>
        control.onProgress?.(finished, total, phase),
      ),
    );
  }

  /** A data-mixture law fit (see `fitMixtureLaw`) on one worker, off the caller's thread. */
  async mixture(points: readonly MixtureRun[], options: MixtureFitRequestOptions, control: PooledFitControl = {}): Promise<MixtureFit> {
    const worker = this.workers[this.nextId % this.workers.length];
    return withCancelFlag(control.signal, (cancelFlag) =>
      this.send<MixtureFit>(worker, { kind: 'mixture', points, options, cancelFlag }, (finished, total) =>
        control.onProgress?.(finished, total),
      ),
    );
  }

  /** Stops the workers; pending fits reject. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  /** Posts a request under a fresh id and resolves with the worker's answer to it. */
  private send<Result extends ChinchillaFit | ChinchillaBootstrap | MixtureFit>(
    worker: Worker,
    request: DistributiveOmit<FitWorkerRequest, 'id'>,
    onProgress: PendingRequest['onProgress'],
  ): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { worker, resolve: resolve as PendingRequest['resolve'], reject, onProgress });
      worker.postMessage({ ...request, id });
    });
  }

  private receive(response: FitWorkerResponse): void {
    const request = this.pending.get(response.id);
    if (!request) return;
    if (response.kind === 'progress') {
      request.onProgress(response.finished, response.total, response.phase);
      return;
    }
    this.pending.delete(response.id);
    if (response.kind === 'fit' || response.kind === 'mixture') request.resolve(response.fit);
    else if (response.kind === 'bootstrap') request.resolve(response.bootstrap);
    else request.reject(Object.assign(new Error(response.message), { name: response.name }));
  }

  private failRequestsOf(worker: Worker, error: Error): void {
    for (const [id, request] of this.pending) {
      if (request.worker !== worker) continue;
      this.pending.delete(id);
      request.reject(error);
    }
  }
}

/**
 * One fit on a pool started for it and closed after: simple, but pays the workers' start-up
 * (tens of milliseconds bundled, about half a second under tsx) on every call.
 *
 * @example await fitChinchillaInWorkers(runs, {}, { workers: 2 })
 */
export async function fitChinchillaInWorkers(
  points: readonly FitPoint[],
  options: FitRequestOptions = {},
  run: PooledFitControl & { readonly workers?: number; readonly workerScript?: string } = {},
): Promise<ChinchillaFit> {
  const pool = new FitWorkerPool(run.workers, run.workerScript);
  try {
    return await pool.fit(points, options, run);
  } finally {
    await pool.close();
  }
}
