/** Where a CLI command writes and reads; tests pass an in-memory one. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a UTF-8 file relative to the working directory. */
  readFile(path: string): string;
  /** Writes a UTF-8 file relative to the working directory, creating its folder. */
  writeFile(path: string, text: string): void;
  /** Replaces the progress line; present only when stderr is a terminal, so logs never get one. '' clears it. */
  readonly progress?: (text: string) => void;
  readonly cwd: string;
}

/** Exit statuses: 0 ok, 1 a notebook cell failed, 2 bad arguments or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
