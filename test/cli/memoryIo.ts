import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

/** A CliIo over the real file system rooted at `cwd`, capturing what the command prints. */
export function diskIo(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const io = memoryIo();
  return { ...io, readFile: (path) => readFileSync(resolve(cwd, path), 'utf8'), cwd };
}
