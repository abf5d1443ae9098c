import { QuantityError } from '../quantities';

/** One finished training run: a model of `params` parameters trained on `tokens` tokens reached `loss`. */
export interface FitPoint {
  readonly params: number;
  readonly tokens: number;
  /** Final loss in nats per token (the fits take its logarithm, so it must be positive). */
  readonly loss: number;
  /** Where the run came from, for messages, e.g. "line 7"; defaults to "row <index + 1>". */
  readonly source?: string;
  /** The domain weights of a run on a data mixture, in the order of its table's domains. */
  readonly weights?: readonly number[];
  /** The run's training compute in FLOP when its table gives it (an isoFLOP sweep's budget); else 6·N·D applies. */
  readonly compute?: number;
}

/** Thrown for data a fit cannot use; the message names the row or column at fault. */
export class FitDataError extends QuantityError {
  /** @param line the 1-based line of the table at fault, when the problem is on one line */
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'FitDataError';
  }
}

/** Thrown when a fit or bootstrap is cancelled through `isCancelled` before it has an answer. */
export class FitCancelledError extends Error {
  constructor(message = 'fit cancelled') {
    super(message);
    this.name = 'FitCancelledError';
  }
}

const FIELD_NAMES: Readonly<Record<'params' | 'tokens' | 'loss', string>> = {
  params: 'parameters',
  tokens: 'tokens',
  loss: 'loss',
};

/** The label messages use for the point at `index`. */
export function pointLabel(point: FitPoint, index: number): string {
  return point.source ?? `row ${index + 1}`;
}

/**
 * Checks that every point has finite, positive parameters, tokens and loss, that no run appears
 * twice, and that there are at least `minimumPoints` of them (one per free parameter: with fewer,
 * the fit is underdetermined). Throws a {@link FitDataError} naming the first bad row.
 *
 * Repeated (N, D) with different losses are allowed: they are seeds of the same configuration.
 *
 * @example validateFitPoints([{ params: 1e8, tokens: 2e9, loss: 3.1 }], 1)
 */
export function validateFitPoints(points: readonly FitPoint[], minimumPoints: number): void {
  points.forEach((point, index) => {
    for (const field of ['params', 'tokens', 'loss'] as const) {
      const value = point[field];
      const where = `${pointLabel(point, index)}: ${FIELD_NAMES[field]}`;
      if (typeof value !== 'number' || Number.isNaN(value)) throw new FitDataError(`${where} is not a number (${String(value)})`);
      if (!Number.isFinite(value)) throw new FitDataError(`${where} must be finite, got ${value}`);
      if (value <= 0) throw new FitDataError(`${where} must be greater than zero, got ${value}`);
    }
  });
  const firstSeen = new Map<string, number>();
  points.forEach((point, index) => {
    // Runs of a mixture study differ by their weights alone when two mixtures happen to tie.
    const key = `${point.params}|${point.tokens}|${point.loss}|${point.weights ?? ''}`;
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) {
      throw new FitDataError(
        `${pointLabel(point, index)} duplicates ${pointLabel(points[earlier], earlier)} (parameters ${point.params}, tokens ${point.tokens}, loss ${point.loss}); remove one of them`,
      );
    }
    firstSeen.set(key, index);
  });
  if (points.length < minimumPoints) {
    throw new FitDataError(
      `${points.length} point${points.length === 1 ? '' : 's'} cannot determine ${minimumPoints} free parameters: give at least ${minimumPoints} runs or fix some parameters`,
    );
  }
}
