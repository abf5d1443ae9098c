import { FLOP_PER_PARAM_TOKEN, extrapolationNotes, parseCount, parseFraction, withRunsValidity } from '../core';
import { lawFromFit, type RunColumn } from '../core/fit';
import { unusableLawReason } from '../core/fit/fitDiagnostics';
import { FIT_APPROACHES, type FitApproach } from '../language/statements/fitApproaches';
import { assessFit } from '../language/evaluator/fitAssessment';
import { computeFitRequest } from '../language/evaluator/inThreadFitRunner';
import type { FitRequest } from '../language/evaluator/resources';
import { fitPayload } from '../language/output/fitPayload';
import { payloadToText } from '../language/output/payloadText';
import { MAX_BOOTSTRAP_SAMPLES } from '../language/limits';
import { parseBudgets, runApproachFit } from './approachFitCommand';
import { UsageError, parseArgs, readOption } from './cliArgs';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './cliIo';
import { readFitData } from './fitData';

export const FIT_USAGE =
  'fit FILE.csv|FILE.jsonl [--approach parametric|isoflop|envelope|all] [--bootstrap N] [--seed S] [--confidence 95%] ' +
  '[--delta 1e-3] [--at C,…] [--tokens-per-step N] [--params|--tokens|--compute|--loss COLUMN] [--predict 7B:140B,…] [--json]';

function wholeNumber(text: string, what: string, minimum: number, maximum = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${what} must be a whole number ≥ ${minimum}, got "${text}"`);
  if (value > maximum) {
    throw new Error(`${what} must be at most ${maximum.toLocaleString('en-US')} (the cap notebooks have too), got "${text}"`);
  }
  return value;
}

/** `--predict 7B:140B,70B:1.4T`: planned runs (N:D) whose loss the fitted law predicts. */
function plannedRuns(text: string): Array<{ name: string; params: number; tokens: number }> {
  return text.split(',').map((pair) => {
    const [params, tokens, extra] = pair.trim().split(':');
    if (tokens === undefined || extra !== undefined) {
      throw new UsageError(`--predict: expected N:D pairs like 7B:140B, got "${pair.trim()}"`);
    }
    return { name: pair.trim(), params: parseCount(params, 'parameters'), tokens: parseCount(tokens, 'tokens') };
  });
}

function readApproach(text: string): FitApproach {
  const approach = FIT_APPROACHES.find((candidate) => candidate === text.toLowerCase());
  if (!approach) throw new Error(`expected ${FIT_APPROACHES.join(', ')}, got "${text}"`);
  return approach;
}

/**
 * `fit`: fits L(N, D) = E + A/N^α + B/D^β to the runs in a CSV file (Hoffmann et al. 2022, Approach 3),
 * with bootstrap intervals on request. `--json` prints at least {E, A, B, alpha, beta, objective,
 * points, starts, ci?}.
 *
 * Exit status: 0 for a usable law; 1 when the fitted constants are no law (e.g. α < 0), after
 * printing them and the warnings; 2 for bad arguments or data (unreadable file, bad CSV, too few runs).
 */
export function runFit(argv: readonly string[], io: CliIo): number {
  const valueOptions = ['approach', 'bootstrap', 'seed', 'confidence', 'delta', 'at', 'tokens-per-step', 'predict'];
  const args = parseArgs(argv, [...valueOptions, 'params', 'tokens', 'compute', 'loss'], ['json']);
  const [file, ...extra] = args.positionals;
  if (!file) throw new UsageError(`missing CSV file: expected ${FIT_USAGE}`);
  if (extra.length > 0) throw new UsageError(`one CSV file at a time: unexpected "${extra[0]}"`);
  const samples = readOption(args, 'bootstrap', (text) => wholeNumber(text, 'resamples', 0, MAX_BOOTSTRAP_SAMPLES)) ?? 0;
  const seed = readOption(args, 'seed', (text) => wholeNumber(text, 'seed', 0));
  const confidence = readOption(args, 'confidence', (text) => parseFraction(text, 'confidence'));
  const delta = readOption(args, 'delta', (text) => parseCount(text, 'delta'));
  const columns = Object.fromEntries(
    (['params', 'tokens', 'compute', 'loss'] as RunColumn[]).flatMap((key) =>
      args.options.has(key) ? [[key, args.options.get(key)!]] : [],
    ),
  );
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const approach = readOption(args, 'approach', readApproach) ?? 'parametric';
  const tokensPerStep = readOption(args, 'tokens-per-step', (value) => parseCount(value, 'tokens per step'));
  if (approach !== 'parametric') {
    const at = readOption(args, 'at', parseBudgets) ?? [];
    const bootstrap =
      samples > 0 ? { samples, ...(seed !== undefined ? { seed } : {}), ...(confidence !== undefined ? { confidence } : {}) } : undefined;
    const optional = { ...(tokensPerStep !== undefined ? { tokensPerStep } : {}), ...(bootstrap ? { bootstrap } : {}) };
    return runApproachFit({ file, text, approach, columns, at, json: args.flags.has('json'), ...optional }, io);
  }
  const runs = readFitData(file, text, columns, tokensPerStep);
  const planned = readOption(args, 'predict', plannedRuns) ?? [];
  const fitOptions = delta === undefined ? {} : { delta };
  const request: FitRequest =
    samples > 0
      ? {
          kind: 'bootstrap',
          points: runs.points,
          options: {
            samples,
            ...(seed !== undefined ? { seed } : {}),
            ...(confidence !== undefined ? { confidence } : {}),
            fit: fitOptions,
          },
        }
      : { kind: 'fit', points: runs.points, options: fitOptions };
  const outcome = computeFitRequest(request, io.progress);
  if ('error' in outcome) {
    // Everything the fit rejects in the CLI is the data's fault (too few runs, duplicates): no cancellation here.
    io.err(`fit: ${file}: ${outcome.error}`);
    return EXIT_USAGE;
  }
  const { fit, bootstrap } = outcome;
  const problem = unusableLawReason(fit);
  const law = problem ? undefined : withRunsValidity(lawFromFit(fit, 'fitted'), runs.points);
  // Each planned run against the runs' ranges: the fitted law is untested beyond them.
  const predictions = planned.map((run) => ({
    ...run,
    loss: law?.loss(run.params, run.tokens) ?? null,
    extrapolation: extrapolationNotes('the fitted law', law?.validity, {
      params: run.params,
      tokens: run.tokens,
      compute: FLOP_PER_PARAM_TOKEN * run.params * run.tokens,
      tokensPerParam: run.tokens / run.params,
    }),
  }));
  if (args.flags.has('json')) {
    const { E, A, B, alpha, beta, objective, points, starts, searchedStarts, converged, paramsExponent } = fit;
    const warnings = [...fit.warnings, ...(bootstrap?.warnings ?? [])];
    // low and high are percentiles of the resampled values (not estimate ± SE); `percentiles` says which.
    // Rounded to 1e-9 so that 95% reads [2.5, 97.5], not 2.500000000000002.
    const tail = bootstrap ? Math.round(((1 - bootstrap.confidence) / 2) * 100 * 1e9) / 1e9 : 0;
    const ci = bootstrap && {
      confidence: bootstrap.confidence,
      samples: bootstrap.completedSamples,
      method: 'percentile',
      percentiles: [tail, 100 - tail],
      ...bootstrap.constants,
    };
    const validity = law?.validity ?? null;
    const extrapolation = predictions.flatMap((run) => run.extrapolation.map((note) => `${run.name}: ${note}`));
    const fitted = {
      E,
      A,
      B,
      alpha,
      beta,
      paramsExponent,
      objective,
      points,
      starts,
      searchedStarts,
      converged,
      usable: !problem,
      warnings,
    };
    const body = { ...fitted, columns: runs.columns, validity, predictions, extrapolation };
    io.out(JSON.stringify({ ...body, ...(ci ? { ci } : {}) }, null, 2));
  } else {
    const payload = fitPayload(file, outcome, law && assessFit(law, runs.points, planned), 1);
    io.out(payloadToText({ ...payload, notes: [`Columns: ${runs.summary}.`, ...payload.notes] }));
  }
  if (problem) {
    io.err(`fit: ${file}: the fitted constants are not a usable law (${problem}); see the warnings`);
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}
