import type { CliIo } from '../../src/cli/cliIo';

/** An in-memory CliIo: what the command printed, and files served from a map. */
export function memoryIo(files: Record<string, string> = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return files[path];
    },
    cwd: '/work',
  };
}
