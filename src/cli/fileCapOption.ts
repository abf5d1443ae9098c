import { DEFAULT_MAX_FILE_MEGABYTES } from '../language/limits';
import { UsageError } from './cliArgs';
import type { CliIo } from './cliIo';

/** The option every command takes, as the extension's `scaling.data.maxFileMegabytes` setting. */
export const FILE_CAP_OPTION = '--max-file-megabytes';

/**
 * Takes `--max-file-megabytes N` (or `=N`) out of a command's arguments, wherever it stands, and
 * returns the rest with an io whose reads are capped at N megabytes (default 64).
 */
export function withFileCap(argv: readonly string[], io: CliIo): { argv: string[]; io: CliIo } {
  const rest: string[] = [];
  let megabytes = DEFAULT_MAX_FILE_MEGABYTES;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg !== FILE_CAP_OPTION && !arg.startsWith(`${FILE_CAP_OPTION}=`)) {
      rest.push(arg);
      continue;
    }
    const text = arg === FILE_CAP_OPTION ? argv[++index] : arg.slice(FILE_CAP_OPTION.length + 1);
    megabytes = Number(text);
    if (text === undefined || text.trim() === '' || !(megabytes > 0) || !Number.isFinite(megabytes)) {
      const given = text === undefined ? 'nothing' : `"${text}"`;
      throw new UsageError(`${FILE_CAP_OPTION} needs a number of megabytes above zero, got ${given}`);
    }
  }
  return { argv: rest, io: { ...io, readFile: (path) => io.readFile(path, megabytes) } };
}
