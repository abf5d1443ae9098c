/**
 * Node worker-thread entry for fits, and the host side that shares a fit's start grid between
 * worker threads (one per core) so the 4,500-start fit neither blocks nor waits on one core.
 *
 * Loaded as a worker, this file answers `FitWorkerRequest`s; imported, it exports
 * {@link fitChinchillaInWorkers}.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import {
  bestOfFits,
  chinchillaStartGrid,
  splitStarts,
  type ChinchillaFit,
  type FitRequestOptions,
} from '../core/fit';
import { handleFitWorkerRequest } from '../core/fit/fitWorkerHandler';
import type { FitPoint } from '../core/fit/fitPoints';
import type { FitWorkerRequest, FitWorkerResponse } from '../core/fit/fitWorkerProtocol';

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

/** How {@link fitChinchillaInWorkers} runs. */
export interface WorkerFitOptions {
  /** Worker threads, default one per available core. */
  readonly workers?: number;
  /** Starts finished over all workers. */
  readonly onProgress?: (finished: number, total: number) => void;
  /** Cancels the fit; it then rejects with a FitCancelledError. */
  readonly signal?: AbortSignal;
  /** The worker script, default this file (a bundle that inlines it must pass its own entry). */
  readonly workerScript?: string;
}

/**
 * The full-grid Chinchilla fit split over worker threads; resolves to the same fit as
 * `fitChinchilla(points, options)` on one thread (ties resolve in grid order).
 *
 * @example await fitChinchillaInWorkers(runs, {}, { workers: 2 })
 */
export async function fitChinchillaInWorkers(
  points: readonly FitPoint[],
  options: FitRequestOptions = {},
  run: WorkerFitOptions = {},
): Promise<ChinchillaFit> {
  const startCount = (options.starts ?? chinchillaStartGrid(options.grid, options.fixed)).length;
  const ranges = splitStarts(startCount, run.workers ?? availableParallelism());
  const cancelFlag = new SharedArrayBuffer(4);
  const cancel = () => Atomics.store(new Int32Array(cancelFlag), 0, 1);
  if (run.signal?.aborted) cancel();
  run.signal?.addEventListener('abort', cancel);
  const finished = ranges.map(() => 0);
  try {
    const parts = await Promise.all(
      ranges.map(
        (startRange, part) =>
          new Promise<ChinchillaFit>((resolve, reject) => {
            const worker = startWorker(run.workerScript ?? __filename);
            const settle = (action: () => void) => {
              void worker.terminate();
              action();
            };
            worker.on('error', (error) => settle(() => reject(error)));
            // After a result this is a no-op: a promise settles once.
            worker.on('exit', (code) => reject(new Error(`fit worker stopped before answering (exit code ${code})`)));
            worker.on('message', (response: FitWorkerResponse) => {
              if (response.kind === 'progress') {
                finished[part] = response.finished;
                run.onProgress?.(finished.reduce((total, count) => total + count, 0), startCount);
              } else if (response.kind === 'fit') {
                settle(() => resolve(response.fit));
              } else if (response.kind === 'error') {
                settle(() => reject(Object.assign(new Error(response.message), { name: response.name })));
              }
            });
            const request: FitWorkerRequest = { kind: 'fit', id: part, points, options: { ...options, startRange }, cancelFlag };
            worker.postMessage(request);
          }),
      ),
    );
    return bestOfFits(parts);
  } finally {
    run.signal?.removeEventListener('abort', cancel);
  }
}
