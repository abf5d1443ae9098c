import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { main } from './cli/main';

// A reader that stops early (`… | head`) closes the pipe: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Entry point of dist/cli.js: wires the CLI to the process. Everything else is in src/cli/.
void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(resolve(process.cwd(), path), 'utf8'),
  writeFile: (path, text) => {
    const absolute = resolve(process.cwd(), path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  },
  // Carriage return and "erase line" (ECMA-48 EL, CSI 2 K) redraw one line in place.
  progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[2K${text}`) : undefined,
  cwd: process.cwd(),
}).then((status) => {
  process.exitCode = status;
});
