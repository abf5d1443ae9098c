/**
 * Messages between a host (the extension, the CLI, a notebook renderer) and a worker that runs a
 * fit or bootstrap off the UI thread: a Node worker thread or a browser web worker. Message types
 * only; `handleFitWorkerRequest` answers them. Everything here survives structured cloning.
 *
 * Cancelling: a running fit is a synchronous loop that cannot read new messages, so the host
 * either sets a shared flag (`cancelFlag`: Int32Array over a SharedArrayBuffer, index 0 set to 1;
 * the fit stops at its next start or resample) or, where SharedArrayBuffer is unavailable (a web
 * page that is not cross-origin isolated), terminates the worker.
 */
import type { ChinchillaBootstrap, ChinchillaBootstrapOptions } from './chinchillaBootstrap';
import type { ChinchillaFit, ChinchillaFitOptions } from './fitChinchilla';
import type { FitPoint } from './fitPoints';
import type { MixtureFit, MixtureFitRequestOptions } from '../mixtures/fitMixtureLaw';
import type { MixtureRun } from '../mixtures/mixtureObjective';

/** Fit options without the callbacks, which cannot cross a thread boundary. */
export type FitRequestOptions = Omit<ChinchillaFitOptions, 'onProgress' | 'isCancelled'>;
/** Bootstrap options without the callbacks. */
export type BootstrapRequestOptions = Omit<ChinchillaBootstrapOptions, 'onProgress' | 'isCancelled'>;

/** Host → worker. `id` is echoed in every response to the request. */
export type FitWorkerRequest =
  | {
      readonly kind: 'fit';
      readonly id: number;
      readonly points: readonly FitPoint[];
      readonly options: FitRequestOptions;
      readonly cancelFlag?: SharedArrayBuffer;
    }
  | {
      readonly kind: 'bootstrap';
      readonly id: number;
      readonly points: readonly FitPoint[];
      readonly options: BootstrapRequestOptions;
      readonly cancelFlag?: SharedArrayBuffer;
    }
  | {
      readonly kind: 'mixture';
      readonly id: number;
      readonly points: readonly MixtureRun[];
      readonly options: MixtureFitRequestOptions;
      readonly cancelFlag?: SharedArrayBuffer;
    };

/** Worker → host. */
export type FitWorkerResponse =
  | {
      readonly kind: 'progress';
      readonly id: number;
      readonly finished: number;
      readonly total: number;
      readonly phase: 'full fit' | 'resamples';
    }
  | { readonly kind: 'fit'; readonly id: number; readonly fit: ChinchillaFit }
  | { readonly kind: 'bootstrap'; readonly id: number; readonly bootstrap: ChinchillaBootstrap }
  | { readonly kind: 'mixture'; readonly id: number; readonly fit: MixtureFit }
  | {
      readonly kind: 'error';
      readonly id: number;
      /** `FitDataError` (bad data: show the message), `FitCancelledError`, or another error's name. */
      readonly name: string;
      readonly message: string;
    };
