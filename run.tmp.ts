import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { main } from './src/cli/main';
const t = Date.now();
void main(process.argv.slice(2), { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n'), readFile: (p) => readFileSync(p, 'utf8'),
  writeFile: (p, t) => { mkdirSync(dirname(resolve(p)), { recursive: true }); writeFileSync(p, t); }, cwd: process.cwd() }).then((s) => console.error('status', s, Date.now() - t, 'ms'));
