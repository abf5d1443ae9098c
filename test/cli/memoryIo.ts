import * as assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIo } from '../../src/cli/cliIo';
import { main } from '../../src/cli/main';
import { readRegularTextFile } from '../../src/cli/regularFiles';
import { DEFAULT_MAX_FILE_MEGABYTES } from '../../src/language/limits';

/** An in-memory CliIo: what the command printed, files served from a map, and files written (in `written`). */
export function memoryIo(files: Record<string, string> = {}): CliIo & { stdout: string[]; stderr: string[]; written: Map<string, string> } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const written = new Map<string, string>();
  return {
    stdout,
    stderr,
    written,
    writeFile: (path, text) => void written.set(path, text),
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return files[path];
    },
    realPath: (path) => resolve('/work', path),
    cwd: '/work',
  };
}

/** A CliIo reading the real file system rooted at `cwd`, capturing what the command prints and writes. */
export function diskIo(cwd: string): CliIo & { stdout: string[]; stderr: string[]; written: Map<string, string> } {
  const io = memoryIo();
  return {
    ...io,
    readFile: (path, maxMegabytes = DEFAULT_MAX_FILE_MEGABYTES) => readRegularTextFile(resolve(cwd, path), path, maxMegabytes),
    realPath: (path) => realpathSync(resolve(cwd, path)),
    cwd,
  };
}

/** Runs the CLI on `argv` in memory: exit status and what it printed to stdout and stderr. */
export async function runCli(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const io = memoryIo();
  const status = await main(argv, io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** A test that the CLI refuses `argv`: exit status 2 and one line on stderr matching `message`. */
export function itRefuses(argv: readonly string[], message: RegExp): void {
  it(`exits 2 with one line for: ${argv.join(' ')}`, async () => {
    const { status, err } = await runCli(...argv);
    assert.equal(status, 2);
    assert.match(err, message);
    assert.equal(err.split('\n').length, 1);
    assert.doesNotMatch(err, /at .*\.ts:\d+/, 'no stack trace');
  });
}
