import type { CellEvaluation, EvaluateOptions } from './evaluateNotebook';
import { IncrementalEvaluator } from './incrementalEvaluator';
import { fitRequestKey, type FileOutcome, type FitOutcome, type FitRequest, type ProvidedResources } from './resources';

/**
 * How the caller reads data files and runs fits: its own file system, its own threads. Without
 * `runFit` (the editor's diagnostics), fits come only from the cache and otherwise stay pending.
 */
export interface ResourceProvider {
  readFile(path: string): Promise<FileOutcome>;
  runFit?(request: FitRequest): Promise<FitOutcome>;
}

/** Evaluations, and the resources they were given (for hovers and completions over the same state). */
export interface ResolvedNotebook {
  readonly evaluations: CellEvaluation[];
  readonly resources: ProvidedResources;
}

/** Fits already computed, by request key; kept across evaluations (a fit depends only on its request). */
export class FitCache {
  private readonly outcomes = new Map<string, FitOutcome>();
  private stored = 0;

  constructor(private readonly capacity = 32) {}

  /** Grows with every fit stored: evaluations cached before a new fit are stale. */
  get generation(): number {
    return this.stored;
  }

  get(key: string): FitOutcome | undefined {
    return this.outcomes.get(key);
  }

  set(key: string, outcome: FitOutcome): void {
    this.outcomes.delete(key);
    this.outcomes.set(key, outcome);
    this.stored++;
    // Forget the least recently stored fit beyond capacity.
    if (this.outcomes.size > this.capacity) this.outcomes.delete(this.outcomes.keys().next().value!);
  }

  /** A read-only view for {@link EvaluateOptions.resources}. */
  asMap(): ReadonlyMap<string, FitOutcome> {
    return this.outcomes;
  }
}

/**
 * What a caller keeps between evaluations of one notebook: the evaluator's cache, and the data files
 * read so far, by path (the caller removes a file when it changes on disk).
 */
export interface EvaluationState {
  readonly evaluator: IncrementalEvaluator;
  readonly files: Map<string, FileOutcome>;
}

/** Rounds of providing before giving up on anything still pending (it stays an information note). */
const MAX_ROUNDS = 8;

/**
 * Evaluates, provides what the cells wait for, and evaluates again until nothing is pending: a fit
 * can only be requested once its data file has been read. Files are read when `state` does not hold
 * them yet (by default, on every call); fits come from `fits` when the same request was seen before.
 * Each round re-evaluates only the cells whose files or fits arrived, and those that use them.
 */
export async function evaluateWithResources(
  cells: readonly string[],
  options: Omit<EvaluateOptions, 'resources'>,
  provider: ResourceProvider,
  fits: FitCache = new FitCache(),
  state: EvaluationState = { evaluator: new IncrementalEvaluator(), files: new Map() },
): Promise<ResolvedNotebook> {
  const { files, evaluator } = state;
  const resources: ProvidedResources = { files, fits: fits.asMap() };
  const evaluate = (): ResolvedNotebook => ({ evaluations: evaluator.evaluate(cells, { ...options, resources }), resources });
  // Each round can only unlock the next step of a chain (file → fit), and chains are short.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const resolved = evaluate();
    // One loop, no copies: the kernel's Run All calls this once per cell, over every cell above.
    const pendingFiles = new Set<string>();
    const pendingFits: FitRequest[] = [];
    for (const { pending } of resolved.evaluations) {
      if (pending.files.length > 0) pending.files.filter((path) => !files.has(path)).forEach((path) => pendingFiles.add(path));
      if (pending.fits.length > 0 && provider.runFit)
        pendingFits.push(...pending.fits.filter((request) => !fits.get(fitRequestKey(request))));
    }
    if (pendingFiles.size === 0 && pendingFits.length === 0) return resolved;
    for (const path of pendingFiles) files.set(path, await provider.readFile(path));
    for (const request of pendingFits) {
      const key = fitRequestKey(request);
      if (!fits.get(key)) fits.set(key, await provider.runFit!(request));
    }
  }
  return evaluate();
}
