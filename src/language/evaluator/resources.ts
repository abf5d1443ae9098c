import type { BootstrapRequestOptions, ChinchillaBootstrap, ChinchillaFit, FitPoint, FitRequestOptions } from '../../core/fit';
import type { MixtureFit, MixtureFitRequestOptions, MixtureRun } from '../../core/mixtures';

/**
 * What evaluation needs from outside and cannot compute in a moment: the text of data files, and
 * fits (a 4,500-start fit takes about a second; a bootstrap longer). The evaluator stays
 * synchronous and pure: it asks for them by recording a request, and the caller (kernel, editor,
 * CLI) provides them — reading files through its own file system and running fits off the main
 * thread — then evaluates again.
 */
export type FitRequest =
  | { readonly kind: 'fit'; readonly points: readonly FitPoint[]; readonly options: FitRequestOptions }
  | { readonly kind: 'bootstrap'; readonly points: readonly FitPoint[]; readonly options: BootstrapRequestOptions }
  | { readonly kind: 'mixture'; readonly points: readonly MixtureRun[]; readonly options: MixtureFitRequestOptions };

export type FitOutcome =
  { readonly fit: ChinchillaFit; readonly bootstrap?: ChinchillaBootstrap } | { readonly mixture: MixtureFit } | { readonly error: string };

/** A Chinchilla fit or bootstrap request. */
export type ChinchillaFitRequest = Extract<FitRequest, { readonly kind: 'fit' | 'bootstrap' }>;

/** A data-mixture law fit request (Shukor et al. 2025). */
export type MixtureFitRequest = Extract<FitRequest, { readonly kind: 'mixture' }>;

/** The outcome of a request of a known kind: a mixture fit for a mixture request, a Chinchilla fit otherwise, or an error. */
export type OutcomeOf<Request extends FitRequest> =
  | (Request extends MixtureFitRequest
      ? { readonly mixture: MixtureFit }
      : { readonly fit: ChinchillaFit; readonly bootstrap?: ChinchillaBootstrap })
  | { readonly error: string };

/**
 * The outcome provided for `request`, typed by its kind: the key holds the kind, so whatever is
 * stored under it answers a request of that kind.
 */
export function providedFit<Request extends FitRequest>(resources: ProvidedResources, request: Request): OutcomeOf<Request> | undefined {
  return resources.fits?.get(fitRequestKey(request)) as OutcomeOf<Request> | undefined;
}

export type FileOutcome = { readonly text: string } | { readonly error: string };

/** Something that answers lookups by key; a ReadonlyMap is one. Statements only look up, so lookups can be recorded. */
export interface Lookup<Value> {
  get(key: string): Value | undefined;
}

/** Results provided so far, keyed by file path and by {@link fitRequestKey}. */
export interface ProvidedResources {
  readonly files?: Lookup<FileOutcome>;
  readonly fits?: Lookup<FitOutcome>;
}

/** What a cell is waiting for. */
export interface PendingResources {
  readonly files: string[];
  readonly fits: FitRequest[];
}

/** One key per distinct request: the same data and options give the same fit. */
export function fitRequestKey(request: FitRequest): string {
  return JSON.stringify([
    request.kind,
    request.points.map((point) => [point.params, point.tokens, point.loss, ...(point.weights ?? [])]),
    request.options,
  ]);
}

/** Thrown to set a statement aside until a file or fit it needs is provided; never an error. */
export class PendingResourceError extends Error {
  constructor(readonly what: string) {
    super(`waiting for ${what}`);
    this.name = 'PendingResourceError';
  }
}

/** Progress of a fit: starts (or resamples) finished out of a total, and which phase. */
export type FitProgress = (finished: number, total: number, phase: string) => void;

/** Runs fit requests: in this thread, in worker threads, or in a web worker. */
export interface FitRunner {
  run(request: FitRequest, onProgress: FitProgress, signal: AbortSignal): Promise<FitOutcome>;
  dispose?(): void;
}
