import { parseCount, parseFraction } from '../core';
import { lawFromFit, parseRunsCsv, type RunColumn } from '../core/fit';
import { computeFitRequest } from '../language/evaluator/inThreadFitRunner';
import type { FitRequest } from '../language/evaluator/resources';
import { fitPayload } from '../language/output/fitPayload';
import { payloadToText } from '../language/output/payloadText';
import { UsageError, parseArgs, readOption } from './cliArgs';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './cliIo';

export const FIT_USAGE = 'fit FILE.csv [--bootstrap N] [--seed S] [--confidence 95%] [--delta 1e-3] [--params|--tokens|--compute|--loss COLUMN] [--json]';

function wholeNumber(text: string, what: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${what} must be a whole number ≥ ${minimum}, got "${text}"`);
  return value;
}

/**
 * `fit`: fits L(N, D) = E + A/N^α + B/D^β to the runs in a CSV file (Hoffmann et al. 2022, Approach 3),
 * with bootstrap intervals on request. `--json` prints at least {E, A, B, alpha, beta, objective,
 * points, starts, ci?}.
 */
export function runFit(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['bootstrap', 'seed', 'confidence', 'delta', 'params', 'tokens', 'compute', 'loss'], ['json']);
  const [file, ...extra] = args.positionals;
  if (!file) throw new UsageError(`missing CSV file: expected ${FIT_USAGE}`);
  if (extra.length > 0) throw new UsageError(`one CSV file at a time: unexpected "${extra[0]}"`);
  const samples = readOption(args, 'bootstrap', (text) => wholeNumber(text, 'resamples', 0)) ?? 0;
  const seed = readOption(args, 'seed', (text) => wholeNumber(text, 'seed', 0));
  const confidence = readOption(args, 'confidence', (text) => parseFraction(text, 'confidence'));
  const delta = readOption(args, 'delta', (text) => parseCount(text, 'delta'));
  const columns = Object.fromEntries((['params', 'tokens', 'compute', 'loss'] as RunColumn[]).flatMap((key) => (args.options.has(key) ? [[key, args.options.get(key)!]] : [])));
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const runs = parseRunsCsv(text, { columns });
  const fitOptions = delta === undefined ? {} : { delta };
  const request: FitRequest =
    samples > 0
      ? { kind: 'bootstrap', points: runs.points, options: { samples, ...(seed !== undefined ? { seed } : {}), ...(confidence !== undefined ? { confidence } : {}), fit: fitOptions } }
      : { kind: 'fit', points: runs.points, options: fitOptions };
  const outcome = computeFitRequest(request);
  if ('error' in outcome) {
    io.err(`fit: ${file}: ${outcome.error}`);
    return EXIT_FAILURE;
  }
  const { fit, bootstrap } = outcome;
  if (args.flags.has('json')) {
    const { E, A, B, alpha, beta, objective, points, starts, converged, paramsExponent, warnings } = fit;
    const ci = bootstrap && { confidence: bootstrap.confidence, samples: bootstrap.completedSamples, ...bootstrap.constants };
    io.out(JSON.stringify({ E, A, B, alpha, beta, paramsExponent, objective, points, starts, converged, warnings, columns: runs.columns, ...(ci ? { ci } : {}) }, null, 2));
  } else {
    const payload = fitPayload(file, runs.points, outcome, lawFromFit(fit, 'fitted'), [], 1);
    io.out(payloadToText({ ...payload, notes: [`Columns: ${runs.summary}.`, ...payload.notes] }));
  }
  return EXIT_OK;
}
