import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { diskIo } from './memoryIo';

/** Every CLI line of the README and docs/ runs as documented (files they name are read from the repository). */
const ROOT = join(__dirname, '..', '..');

/** Words of a shell line: double quotes group, `# …` after a blank is a comment, globs are left to the shell. */
function shellWords(line: string): string[] {
  const withoutComment = line.replace(/\s+#.*$/, '');
  return [...withoutComment.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]);
}

const documents = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)].filter((path) => path.endsWith('.md'));
const commandLines = documents.flatMap((path) =>
  readFileSync(join(ROOT, path), 'utf8')
    .split('\n')
    .flatMap((line) => {
      const match = /^\s*(?:node dist\/cli\.js|scaling-notebook)\s+(.+)$/.exec(line);
      return match ? [{ path, argv: shellWords(match[1]) }] : [];
    }),
);

describe('cli: the documented command lines', () => {
  it('finds the documented lines', () => assert.ok(commandLines.length >= 20, String(commandLines.length)));

  for (const { path, argv } of commandLines) {
    // Placeholders (FILE.md…, [--json]) and globs and files a reader brings are syntax, not commands to run.
    const placeholder = argv.some((word) => /[[\]…*]/.test(word) || (/\.(csv|md|scaling)$/.test(word) && !existsSync(join(ROOT, word))));
    (placeholder ? it.skip : it)(`${path}: ${argv.join(' ')}`, async () => {
      const io = diskIo(ROOT);
      const status = await main(argv, io);
      assert.equal(status, 0, io.stderr.join('\n'));
    });
  }
});
