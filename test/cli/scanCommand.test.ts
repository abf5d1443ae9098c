import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { UsageError } from '../../src/cli/cliArgs';
import { runScan } from '../../src/cli/scanCommand';
import { memoryIo } from './memoryIo';

const PLAN = [
  '# Training plan',
  '',
  'Gopher (280B/300B) was undertrained; we instead train',
  'a 70B model on 1.4T tokens.',
  '',
  '| Model | Params | Tokens |',
  '|---|---|---|',
  '| small | 1B | 200B |',
].join('\n');

function scan(files: Record<string, string>, ...argv: string[]) {
  const io = memoryIo(files);
  const status = runScan(argv, io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('cli scan', () => {
  it('prints one line per mention with a clickable 1-based location, sizes, D/N and the verdict', () => {
    const { status, out, err } = scan({ 'plan.md': PLAN }, 'plan.md');
    assert.equal(status, 0);
    assert.equal(err, '');
    assert.deepEqual(out.split('\n'), [
      'plan.md:3:9  280B / 300B  D/N 1.07  undertrained (besiroglu2024)',
      'plan.md:4:3  70B / 1.4T  D/N 20  near compute-optimal (besiroglu2024)',
      'plan.md:8:1  1B / 200B  D/N 200  overtrained (besiroglu2024)',
    ]);
  });

  it('prints JSON with numbers in plain units', () => {
    const { status, out } = scan({ 'plan.md': PLAN }, '--json', 'plan.md', '--law', 'chinchilla');
    assert.equal(status, 0);
    const [gopher, chinchilla, small] = JSON.parse(out);
    assert.deepEqual(
      { ...chinchilla, optimal: undefined },
      {
        file: 'plan.md',
        line: 4,
        column: 3,
        text: '70B model on 1.4T tokens',
        source: 'prose',
        params: 70e9,
        activeParams: 70e9,
        tokens: 1.4e12,
        tokensPerParam: 20,
        compute: 5.88e23,
        verdict: chinchilla.verdict,
        law: 'hoffmann2022',
        optimal: undefined,
      },
    );
    for (const key of ['params', 'tokens', 'tokensPerParam']) assert.equal(typeof chinchilla.optimal[key], 'number', key);
    assert.equal(gopher.source, 'slash');
    assert.equal(small.name, 'small');
  });

  it('reports an unreadable file on stderr, scans the others and exits 2', () => {
    const { status, out, err } = scan({ 'b.md': 'Llama 3 8B' }, 'missing.md', 'b.md');
    assert.equal(status, 2);
    assert.match(err, /^scan: cannot read missing\.md: ENOENT/);
    assert.match(out, /^b\.md:1:1 {2}8B \/ 15T {2}D\/N 1\.88K {2}overtrained/);
  });

  it('does not count an unreadable file as scanned, in text or JSON', () => {
    const text = scan({ 'b.md': 'no sizes here' }, 'nope.md', 'b.md');
    assert.equal(text.status, 2);
    assert.equal(text.out, 'no model sizes found in 1 file');
    const alone = scan({}, 'nope.md');
    assert.deepEqual([alone.status, alone.out], [2, '']);
    const json = scan({}, 'nope.md', '--json');
    assert.deepEqual([json.status, JSON.parse(json.out)], [2, []]);
  });

  it('judges each size on its own, however many times sizes repeat', () => {
    const doc = 'A 7B model on 140B tokens.\n\nA 7B model on 2T tokens.\n\nAgain, a 7B model on 140B tokens.';
    const verdicts = JSON.parse(scan({ 'a.md': doc, 'b.md': doc }, 'a.md', 'b.md', '--json').out).map(
      (entry: { file: string; verdict: string }) => `${entry.file} ${entry.verdict}`,
    );
    assert.deepEqual(verdicts, [
      'a.md near compute-optimal',
      'a.md overtrained',
      'a.md near compute-optimal',
      'b.md near compute-optimal',
      'b.md overtrained',
      'b.md near compute-optimal',
    ]);
  });

  it('pairs counts within a sentence and reports a named model once', () => {
    const review = 'Llama 3 8B was trained on 15T tokens. DeepSeek-V3 uses 671B total and 37B active parameters on 14.8T tokens.';
    assert.deepEqual(scan({ 'r.md': review }, 'r.md').out.split('\n'), [
      'r.md:1:1  8B / 15T  D/N 1.88K  overtrained (besiroglu2024)',
      'r.md:1:39  671B (37B active) / 14.8T  D/N 400  overtrained (besiroglu2024)',
    ]);
  });

  it('reports none of the examples the design-doc page lists as not detected, nor counts paired across its sentences', () => {
    const page = readFileSync('docs/design-docs.md', 'utf8');
    const notDetected = page.slice(page.indexOf('## What is not'), page.indexOf('## In the editor'));
    const firstLine = page.slice(0, page.indexOf(notDetected)).split('\n').length;
    const lastLine = firstLine + notDetected.split('\n').length - 1;
    const found = JSON.parse(scan({ 'page.md': page }, 'page.md', '--json').out) as Array<{
      line: number;
      text: string;
      params: number;
      tokens: number;
    }>;
    assert.deepEqual(
      found.filter((entry) => entry.line >= firstLine && entry.line <= lastLine).map((entry) => entry.text),
      [],
    );
    const pairs = found.map((entry) => `${entry.params / 1e9}B/${entry.tokens / 1e9}B`);
    for (const misread of ['1B/14800B', '3B/20B', '8B/60B']) assert.ok(!pairs.includes(misread), misread);
    for (const example of ['1B/20B', '3B/60B', '8B/2000B']) assert.ok(pairs.includes(example), example);
  });

  it('says so when nothing is found, and prints an empty JSON array', () => {
    assert.equal(scan({ 'a.md': 'Nothing here but $70B.' }, 'a.md').out, 'no model sizes found in 1 file');
    assert.equal(scan({ 'a.md': '' }, 'a.md', '--json').out, '[]');
  });

  it('refuses a command line without files or with an unknown option', () => {
    assert.throws(() => scan({}), UsageError);
    assert.throws(() => scan({ 'a.md': '' }, 'a.md', '--strict'), UsageError);
    assert.throws(() => scan({ 'a.md': '' }, 'a.md', '--law', 'nope'), /unknown law/);
  });
});
