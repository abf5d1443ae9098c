import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { main } from './cli/main';
import { readRegularTextFile } from './cli/regularFiles';
import { DEFAULT_MAX_FILE_MEGABYTES } from './language/limits';

// A reader that stops early (`… | head`) closes the pipe: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Entry point of dist/cli.js: wires the CLI to the process. Everything else is in src/cli/.
void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path, maxMegabytes = DEFAULT_MAX_FILE_MEGABYTES) => readRegularTextFile(resolve(process.cwd(), path), path, maxMegabytes),
  realPath: (path) => realpathSync(resolve(process.cwd(), path)),
  cwd: process.cwd(),
}).then((status) => {
  process.exitCode = status;
});
