/** Command-line parsing shared by every CLI command: `--name value`, `--flag`, and positionals. */
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
