import { requireBetaShape, requireCoverageTarget, requireSuccessRate, type SuccessRates } from '../core';
import { DEFAULT_COVERAGE_SAMPLES, coveragePayload } from '../language/output/coveragePayload';
import { UsageError, parseArgs, readOption, type ParsedArgs } from './cliArgs';
import type { CliIo } from './cliIo';
import { parseCheckedFraction, parseNumberList, parseRange } from './cliNumbers';
import { printPayload, refusePositionals } from './payloadOutput';

export const COVERAGE_USAGE = 'coverage --p 5% | --beta 0.3,3 [--samples 1..10000] [--target 90%] [--json]';

function ratesFromArgs(args: ParsedArgs): SuccessRates {
  const p = readOption(args, 'p', (text) => parseCheckedFraction(text, 'p', (p) => requireSuccessRate(p, 'p')));
  const shapes = readOption(args, 'beta', (text) => {
    const [a, b, ...rest] = parseNumberList(text, 'beta');
    if (b === undefined || rest.length > 0) throw new UsageError(`expected two shapes a,b like 0.3,3, got "${text}"`);
    requireBetaShape({ a, b });
    return { a, b };
  });
  if (p !== undefined && shapes) throw new UsageError('give either --p or --beta, not both');
  if (p !== undefined) return { kind: 'single', p };
  if (!shapes) throw new UsageError(`missing --p RATE or --beta A,B: expected ${COVERAGE_USAGE}`);
  return { kind: 'beta', ...shapes };
}

/** `coverage`: the share of problems k samples each solve, the samples a target needs, −ln coverage's power law. */
export function runCoverage(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['p', 'beta', 'samples', 'target'], ['json']);
  refusePositionals(args, COVERAGE_USAGE);
  const rates = ratesFromArgs(args);
  const samples = readOption(args, 'samples', (text) => parseRange(text, 'samples')) ?? DEFAULT_COVERAGE_SAMPLES;
  const target = readOption(args, 'target', (text) => parseCheckedFraction(text, 'target coverage', requireCoverageTarget));
  return printPayload(io, args, coveragePayload({ rates, samples, ...(target !== undefined ? { target } : {}) }, 1));
}
