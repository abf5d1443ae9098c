import { evaluateNotebook, type CellEvaluation, type EvaluateOptions } from './evaluateNotebook';
import { fitRequestKey, type FileOutcome, type FitOutcome, type FitRequest } from './resources';

/** How the caller reads data files and runs fits: its own file system, its own threads. */
export interface ResourceProvider {
  readFile(path: string): Promise<FileOutcome>;
  runFit(request: FitRequest): Promise<FitOutcome>;
}

/** Fits already computed, by request key; kept across evaluations (a fit depends only on its request). */
export class FitCache {
  private readonly outcomes = new Map<string, FitOutcome>();

  constructor(private readonly capacity = 32) {}

  get(key: string): FitOutcome | undefined {
    return this.outcomes.get(key);
  }

  set(key: string, outcome: FitOutcome): void {
    this.outcomes.delete(key);
    this.outcomes.set(key, outcome);
    // Forget the least recently stored fit beyond capacity.
    if (this.outcomes.size > this.capacity) this.outcomes.delete(this.outcomes.keys().next().value!);
  }

  /** A read-only view for {@link EvaluateOptions.resources}. */
  asMap(): ReadonlyMap<string, FitOutcome> {
    return this.outcomes;
  }
}

/** Rounds of providing before giving up on anything still pending (it stays an information note). */
const MAX_ROUNDS = 8;

/**
 * Evaluates, provides what the cells wait for, and evaluates again until nothing is pending: a fit
 * can only be requested once its data file has been read. Files are read afresh on every call (a
 * CSV may have changed); fits come from `fits` when the same request was seen before.
 */
export async function evaluateWithResources(
  cells: readonly string[],
  options: Omit<EvaluateOptions, 'resources'>,
  provider: ResourceProvider,
  fits: FitCache = new FitCache(),
): Promise<CellEvaluation[]> {
  const files = new Map<string, FileOutcome>();
  const evaluate = () => evaluateNotebook(cells, { ...options, resources: { files, fits: fits.asMap() } });
  // Each round can only unlock the next step of a chain (file → fit), and chains are short.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const evaluations = evaluate();
    const pendingFiles = [...new Set(evaluations.flatMap((evaluation) => evaluation.pending.files))].filter((path) => !files.has(path));
    const pendingFits = evaluations.flatMap((evaluation) => evaluation.pending.fits).filter((request) => !fits.get(fitRequestKey(request)));
    if (pendingFiles.length === 0 && pendingFits.length === 0) return evaluations;
    for (const path of pendingFiles) files.set(path, await provider.readFile(path));
    for (const request of pendingFits) {
      const key = fitRequestKey(request);
      if (!fits.get(key)) fits.set(key, await provider.runFit(request));
    }
  }
  return evaluate();
}
