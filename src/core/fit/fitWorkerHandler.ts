import { bootstrapChinchilla } from './chinchillaBootstrap';
import { fitChinchilla } from './fitChinchilla';
import type { FitWorkerRequest, FitWorkerResponse } from './fitWorkerProtocol';
import { fitMixtureRequest } from '../mixtures/fitMixtureLaw';

/**
 * Runs one request inside a worker and posts progress, then the result or an error; never throws.
 * The Node and browser worker entries only wire their `postMessage` to this.
 *
 * @example parentPort.on('message', (request) => handleFitWorkerRequest(request, (response) => parentPort.postMessage(response)))
 */
export function handleFitWorkerRequest(request: FitWorkerRequest, post: (response: FitWorkerResponse) => void): void {
  const { id } = request;
  const flag = request.cancelFlag ? new Int32Array(request.cancelFlag) : undefined;
  const isCancelled = () => (flag ? Atomics.load(flag, 0) !== 0 : false);
  try {
    if (request.kind === 'mixture') {
      const fit = fitMixtureRequest(request.points, request.options, {
        isCancelled,
        // A mixture fit is one full fit: its progress counts local minimisations.
        onProgress: (finished, total) => post({ kind: 'progress', id, finished, total, phase: 'full fit' }),
      });
      post({ kind: 'mixture', id, fit });
    } else if (request.kind === 'fit') {
      const fit = fitChinchilla(request.points, {
        ...request.options,
        isCancelled,
        onProgress: (finished, total) => post({ kind: 'progress', id, finished, total, phase: 'full fit' }),
      });
      post({ kind: 'fit', id, fit });
    } else {
      const bootstrap = bootstrapChinchilla(request.points, {
        ...request.options,
        isCancelled,
        onProgress: (finished, total, phase) => post({ kind: 'progress', id, finished, total, phase }),
      });
      post({ kind: 'bootstrap', id, bootstrap });
    }
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    post({ kind: 'error', id, name, message });
  }
}
