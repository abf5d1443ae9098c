import type { FitRunner } from '../language/evaluator/resources';
import { FitWorkerPool } from './fitWorkerPool';

/**
 * Runs fits in worker threads so the extension host stays responsive. The pool starts on the first
 * fit (not at activation) and lives until disposed. A fit's starts are split over the workers; a
 * bootstrap runs on one of them.
 *
 * @param workerScript the bundled worker entry (dist/fitWorker.js)
 */
export function nodeFitRunner(workerScript: string): FitRunner {
  let pool: FitWorkerPool | undefined;
  return {
    async run(request, onProgress, signal) {
      pool ??= new FitWorkerPool(undefined, workerScript);
      try {
        if (request.kind === 'mixture') {
          return {
            mixture: await pool.mixture(request.points, request.options, {
              signal,
              onProgress: (done, total) => onProgress(done, total, 'mixture fit'),
            }),
          };
        }
        if (request.kind === 'fit') {
          return {
            fit: await pool.fit(request.points, request.options, { signal, onProgress: (done, total) => onProgress(done, total, 'fit') }),
          };
        }
        const bootstrap = await pool.bootstrap(request.points, request.options, { signal, onProgress });
        return { fit: bootstrap.fit, bootstrap };
      } catch (error) {
        return { error: (error as Error).message };
      }
    },
    dispose() {
      void pool?.close();
      pool = undefined;
    },
  };
}
