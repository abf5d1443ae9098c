import { payloadToText } from '../language/output/payloadText';
import type { ResultPayload } from '../language/output/resultPayload';
import type { ParsedArgs } from './cliArgs';
import { UsageError } from './cliArgs';
import { EXIT_OK, type CliIo } from './cliIo';

/** Prints a statement's result as the notebook's plain-text fallback, or its raw numbers with --json. */
export function printPayload(io: CliIo, args: ParsedArgs, payload: ResultPayload): number {
  io.out(args.flags.has('json') ? JSON.stringify(payload.data, null, 2) : payloadToText(payload));
  return EXIT_OK;
}

/** These commands take options only: a stray word is more likely a forgotten `--`. */
export function refusePositionals(args: ParsedArgs, usage: string): void {
  if (args.positionals.length > 0) throw new UsageError(`unexpected "${args.positionals[0]}": expected ${usage}`);
}
