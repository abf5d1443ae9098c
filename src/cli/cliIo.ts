import type { FitProgress } from '../language/evaluator/resources';

/** Where a CLI command writes and reads; tests pass an in-memory one. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /**
   * Reads a regular UTF-8 file relative to the working directory, refusing anything else (pipes,
   * devices, folders) and files above `maxMegabytes`; a byte-order mark is dropped.
   */
  readFile(path: string, maxMegabytes?: number): string;
  /** The path with every symbolic link resolved, relative to the working directory; throws when it does not exist. */
  realPath(path: string): string;
  /** Writes a UTF-8 file relative to the working directory, creating its folder. */
  writeFile(path: string, text: string): void;
  readonly cwd: string;
  /** Where long fits report progress: given only when stderr is a terminal. */
  readonly progress?: FitProgress;
}

/** Exit statuses: 0 ok, 1 a notebook cell failed, 2 bad arguments or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
