/** Command-line parsing shared by every CLI command: `--name value`, `--flag`, and positionals. */
import { COUNT_SUFFIXES } from '../core';
import { closestWord } from '../language/closestWord';

/** A bad command line: the CLI prints the message on one line and exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  readonly options: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  readonly positionals: readonly string[];
}

/**
 * Splits `args` into options that take a value (`valueOptions`), boolean flags (`flagOptions`) and
 * positionals; `--name=value` works too. Unknown options are a {@link UsageError}.
 */
export function parseArgs(args: readonly string[], valueOptions: readonly string[], flagOptions: readonly string[]): ParsedArgs {
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      refuseDetachedSuffix(args, i);
      positionals.push(arg);
      continue;
    }
    const [name, inlineValue] = splitOnce(arg.slice(2), '=');
    if (flagOptions.includes(name) && inlineValue === undefined) {
      flags.add(name);
    } else if (valueOptions.includes(name)) {
      const value = inlineValue ?? args[++i];
      if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value`);
      }
      options.set(name, value);
    } else {
      const known = [...valueOptions, ...flagOptions].map((option) => `--${option}`).join(', ');
      const suggestion = closestWord(name, [...valueOptions, ...flagOptions]);
      throw new UsageError(`unknown option --${name}: ${suggestion ? `did you mean --${suggestion}? ` : ''}expected one of ${known}`);
    }
  }
  return { options, flags, positionals };
}

/** A plain number, the value a count suffix may follow: `1.4`, `175e9`, `1_000`. */
const PLAIN_NUMBER = /^[+-]?(?:\d[\d_]*(?:\.\d[\d_]*)?|\.\d[\d_]*)(?:e[+-]?\d+)?$/i;

/**
 * `--tokens 1.4 T`: the shell split the value, and "T" would be read as a name or a file. A word
 * that is a count suffix right after an option's plain-number value is refused, with the value joined.
 */
function refuseDetachedSuffix(args: readonly string[], index: number): void {
  const [option, value, suffix] = args.slice(index - 2, index + 1);
  if (index < 2 || !option.startsWith('--') || option.includes('=') || !PLAIN_NUMBER.test(value)) return;
  if (suffix.toUpperCase() in COUNT_SUFFIXES)
    throw new UsageError(`did you mean ${option} ${value}${suffix}? (write a count without a space)`);
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

/** Runs `read` on an option's value, turning its error into a {@link UsageError} naming the option. */
export function readOption<T>(args: ParsedArgs, name: string, read: (value: string) => T): T | undefined {
  const value = args.options.get(name);
  if (value === undefined) return undefined;
  try {
    return read(value);
  } catch (error) {
    const message = (error as Error).message;
    throw new UsageError(startsWithFlag(message, name) ? message : `--${name}: ${message}`);
  }
}

/** Whether a message already names its flag first (`--params 1e50 is out of range`), so it is not prefixed again. */
export function startsWithFlag(message: string, flag: string): boolean {
  return message.startsWith(`--${flag} `) || message.startsWith(`--${flag}:`);
}
