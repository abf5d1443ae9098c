import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { main } from './src/cli/main';
(async () => {
  for (const f of readdirSync('examples').filter((n) => n.endsWith('.scaling'))) {
    const out: string[] = [];
    await main(['run', `examples/${f}`, '--format', 'markdown'], { out: (t) => out.push(t), err: () => {}, readFile: (p) => readFileSync(p, 'utf8'), cwd: process.cwd() } as any);
    writeFileSync(`${process.argv[2]}/${f}.md`, out.join('\n'));
  }
})();
