import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { main } from './cli/main';
import { outputFailure } from './cli/outputFailure';
import { readRegularTextFile } from './cli/regularFiles';
import { terminalProgress } from './cli/terminalProgress';
import { DEFAULT_MAX_FILE_MEGABYTES } from './language/limits';
import { terminalText } from './language/output/textEscaping';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  const failure = outputFailure(error, typeof process.exitCode === 'number' ? process.exitCode : 0);
  if (failure.message) process.stderr.write(`${failure.message}\n`);
  process.exit(failure.status);
});

// Entry point of dist/cli.js: wires the CLI to the process. Everything else is in src/cli/.
void main(process.argv.slice(2), {
  // Nothing from a notebook or CSV may drive the terminal: control characters are dropped.
  out: (text) => process.stdout.write(`${terminalText(text)}\n`),
  err: (text) => process.stderr.write(`${terminalText(text)}\n`),
  readFile: (path, maxMegabytes = DEFAULT_MAX_FILE_MEGABYTES) => readRegularTextFile(resolve(process.cwd(), path), path, maxMegabytes),
  realPath: (path) => realpathSync(resolve(process.cwd(), path)),
  writeFile: (path, text) => {
    const absolute = resolve(process.cwd(), path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  },
  cwd: process.cwd(),
  // Progress only on a terminal: pipes and CI logs stay clean.
  ...(process.stderr.isTTY ? { progress: terminalProgress((text) => process.stderr.write(text)) } : {}),
}).then((status) => {
  process.exitCode = status;
});
