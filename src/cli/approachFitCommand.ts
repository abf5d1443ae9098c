import { formatFlops, parseFlops, QuantityError } from '../core';
import { isoflopProfilesChart, trainingCurvesChart } from '../charts';
import {
  fitAllocationApproach,
  predictAllocation,
  type AllocationBootstrapOptions,
  type EnvelopeFit,
  type IsoflopFit,
  type RunColumn,
} from '../core/fit';
import { computeFitRequest } from '../language/evaluator/inThreadFitRunner';
import { allocationFitPayload, allocationJson, APPROACH_TITLES, type NamedPrediction } from '../language/output/approachPayload';
import { payloadToText } from '../language/output/payloadText';
import { UsageError } from './cliArgs';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './cliIo';
import { readFitData, type FitData } from './fitData';

/** What `fit FILE --approach isoflop|envelope|all` reads from its command line. */
export interface ApproachFitArgs {
  readonly file: string;
  readonly text: string;
  readonly approach: 'isoflop' | 'envelope' | 'all';
  readonly columns: Partial<Record<RunColumn, string>>;
  readonly tokensPerStep?: number;
  readonly bootstrap?: AllocationBootstrapOptions;
  /** Budgets to give N_opt and D_opt at (`--at 1e24,5.76e23`). */
  readonly at: readonly number[];
  readonly json: boolean;
}

/** `--at 1e24,5.76e23`: budgets in FLOP. */
export function parseBudgets(text: string): number[] {
  return text.split(',').map((part) => parseFlops(part.trim(), 'budget'));
}

function fitOne(approach: 'isoflop' | 'envelope', data: FitData, args: ApproachFitArgs): IsoflopFit | EnvelopeFit {
  return fitAllocationApproach(approach, { name: args.file, ...data }, args.bootstrap);
}

function predictions(fit: IsoflopFit | EnvelopeFit, at: readonly number[]): NamedPrediction[] {
  return at.map((compute) => ({ name: formatFlops(compute), ...predictAllocation(fit, compute) }));
}

/**
 * `fit FILE --approach isoflop|envelope|all`: Hoffmann et al. 2022's Approach 2 or 1 (or all three
 * side by side) on a CSV of runs or a CSV / JSON Lines file of training curves. `--json` prints
 * {approach, paramsExponent, tokensExponent, paramsCoefficient, tokensCoefficient, ci?, budgets,
 * warnings, predictions}; with `all`, {approach: "all", approaches: [...]}, Approach 3 giving a =
 * β/(α+β) and b = α/(α+β). Exit status 2 for data the approach cannot use.
 */
export function runApproachFit(args: ApproachFitArgs, io: CliIo): number {
  const data = readFitData(args.file, args.text, args.columns, args.tokensPerStep);
  if (args.approach !== 'all') {
    let fit: IsoflopFit | EnvelopeFit;
    try {
      fit = fitOne(args.approach, data, args);
    } catch (error) {
      if (error instanceof QuantityError) throw new UsageError(`${args.file}: ${error.message}`);
      throw error;
    }
    const predicted = predictions(fit, args.at);
    if (args.json) io.out(JSON.stringify(allocationJson(fit, predicted), null, 2));
    else {
      const chart = fit.approach === 'isoflop' ? isoflopProfilesChart(fit, args.file) : trainingCurvesChart(fit, args.file);
      // The notebook's note names `optimal BUDGET law=DATA`; on the command line, --at asks for N and D.
      const useNote =
        `This is an allocation, not a loss law: fit ${args.file} --approach ${args.approach} --at 1e24 gives N and D at a budget; ` +
        `losses need fit ${args.file} (the parametric approach, the default).`;
      io.out(payloadToText(allocationFitPayload(args.file, fit, predicted, chart, 1, useNote)));
    }
    return EXIT_OK;
  }
  const results: Array<Record<string, unknown>> = [];
  for (const approach of ['envelope', 'isoflop'] as const) {
    try {
      const fit = fitOne(approach, data, args);
      results.push({ ...allocationJson(fit, predictions(fit, args.at)) });
    } catch (error) {
      if (!(error instanceof QuantityError)) throw error;
      results.push({ approach, notApplicable: error.message });
    }
  }
  const outcome = computeFitRequest({ kind: 'fit', points: data.points, options: {} });
  if ('error' in outcome) {
    io.err(`fit: ${args.file}: ${outcome.error}`);
    return EXIT_USAGE;
  }
  const a = outcome.fit.paramsExponent;
  results.push({
    approach: 'parametric',
    paramsExponent: a,
    tokensExponent: 1 - a,
    alpha: outcome.fit.alpha,
    beta: outcome.fit.beta,
    warnings: outcome.fit.warnings,
  });
  if (args.json) {
    io.out(JSON.stringify({ approach: 'all', approaches: results }, null, 2));
    return EXIT_OK;
  }
  const title = (approach: unknown) => APPROACH_TITLES[approach as keyof typeof APPROACH_TITLES];
  const width = Math.max(...results.map((result) => title(result.approach).length));
  io.out(`a and b by approach (Hoffmann et al. 2022, Table 2), ${args.file}:`);
  for (const result of results) {
    const label = title(result.approach).padEnd(width);
    io.out(
      'notApplicable' in result
        ? `  ${label}  not applicable: ${String(result.notApplicable)}`
        : `  ${label}  a = ${(result.paramsExponent as number).toFixed(3)}  b = ${(result.tokensExponent as number).toFixed(3)}`,
    );
    // The JSON's warnings too: α < 0 makes the parametric a and b meaningless.
    for (const warning of (result.warnings as string[] | undefined) ?? []) io.out(`  ${' '.repeat(width)}  warning: ${warning}`);
  }
  return EXIT_OK;
}
