import { bootstrapChinchilla, fitChinchilla } from '../../core/fit';
import { fitMixtureRequest } from '../../core/mixtures';
import type { FitOutcome, FitProgress, FitRequest, FitRunner, OutcomeOf } from './resources';

/**
 * Computes a fit request in the calling thread. Errors (bad data, cancellation) become the
 * outcome's message, so a failed fit is a located error in its cell and never a crash.
 */
export function computeFitRequest<Request extends FitRequest>(
  request: Request,
  onProgress?: FitProgress,
  signal?: AbortSignal,
): OutcomeOf<Request> {
  return computeAnyFitRequest(request, onProgress, signal) as OutcomeOf<Request>;
}

function computeAnyFitRequest(request: FitRequest, onProgress?: FitProgress, signal?: AbortSignal): FitOutcome {
  const isCancelled = () => signal?.aborted === true;
  try {
    if (request.kind === 'mixture') {
      return {
        mixture: fitMixtureRequest(request.points, request.options, {
          isCancelled,
          ...(onProgress ? { onProgress: (done, total) => onProgress(done, total, 'mixture fit') } : {}),
        }),
      };
    }
    if (request.kind === 'fit') {
      return {
        fit: fitChinchilla(request.points, {
          ...request.options,
          isCancelled,
          ...(onProgress ? { onProgress: (done, total) => onProgress(done, total, 'fit') } : {}),
        }),
      };
    }
    const bootstrap = bootstrapChinchilla(request.points, { ...request.options, isCancelled, ...(onProgress ? { onProgress } : {}) });
    return { fit: bootstrap.fit, bootstrap };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** A {@link FitRunner} for hosts without worker threads (the CLI, a web extension host without workers). */
export const inThreadFitRunner: FitRunner = {
  run: async (request, onProgress, signal) => computeFitRequest(request, onProgress, signal),
};
