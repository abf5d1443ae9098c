import { resolveLaw, type ScalingLaw } from '../core';
import { readOption, type ParsedArgs } from './cliArgs';

/** The `--law NAME|"E=… A=… B=… alpha=… beta=…"` option shared by the commands; defaults to Epoch's refit. */
export function lawFromArgs(args: ParsedArgs): ScalingLaw {
  return readOption(args, 'law', resolveLaw) ?? resolveLaw(undefined);
}
