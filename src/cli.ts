import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { main } from './cli/main';

// Entry point of dist/cli.js: wires the CLI to the process. Everything else is in src/cli/.
void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(resolve(process.cwd(), path), 'utf8'),
  cwd: process.cwd(),
}).then((status) => {
  process.exitCode = status;
});
