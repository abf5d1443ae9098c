import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeOptimalAllocation, findPresetLaw, hardwareBudget } from '../../src/core';
import { main } from '../../src/cli/main';
import { diskIo, memoryIo } from './memoryIo';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const exampleFiles = readdirSync(EXAMPLES).filter((name) => name.endsWith('.scaling'));

async function run(files: Record<string, string>, ...argv: string[]) {
  const io = memoryIo(files);
  const status = await main(argv, io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('cli run', () => {
  it('has at least the three example notebooks', () => {
    for (const name of ['chinchilla-vs-gopher.scaling', 'plan-a-training-run.scaling', 'is-my-model-undertrained.scaling'])
      assert.ok(exampleFiles.includes(name), name);
  });

  for (const name of exampleFiles) {
    it(`evaluates examples/${name} with no failing cell`, async () => {
      const io = diskIo(ROOT);
      const status = await main(['run', `examples/${name}`, '--format', 'json'], io);
      const [out, err] = [io.stdout.join('\n'), io.stderr.join('\n')];
      assert.equal(err, '');
      assert.equal(status, 0);
      const report = JSON.parse(out);
      assert.ok(report.ok);
      assert.ok(report.cells.length >= 3);
      for (const cell of report.cells) assert.ok(cell.results.length > 0, `cell ${cell.cell} has results`);
    });
  }

  it('the plan example recommends the closed-form optimum for its cluster', async () => {
    const text = readFileSync(join(EXAMPLES, 'plan-a-training-run.scaling'), 'utf8');
    const report = JSON.parse((await run({ plan: text }, 'run', 'plan', '--format', 'json')).out);
    const optimal = report.cells[0].results.find((result: { kind: string }) => result.kind === 'optimal');
    const compute = hardwareBudget({ accelerators: 2048, accelerator: 'H100', hours: 60 * 24, mfu: 0.4 }).compute;
    assert.equal(optimal.data.params, computeOptimalAllocation(findPresetLaw('epoch')!, compute).params);
    assert.equal(optimal.data.cost, 2048 * 60 * 24 * 2.5);
  });

  it('writes a Markdown report with tables and charts as Vega-Lite JSON blocks', async () => {
    const text = readFileSync(join(EXAMPLES, 'chinchilla-vs-gopher.scaling'), 'utf8');
    const { status, out } = await run({ nb: text }, 'run', 'nb', '--format', 'markdown');
    assert.equal(status, 0);
    assert.match(out, /\| model \| N \|/);
    assert.match(out, /```json\n\{\n {2}"\$schema": "https:\/\/vega\.github\.io\/schema\/vega-lite/);
  });

  it('exits 1 with FILE:line:col messages at file positions, and still evaluates the other cells', async () => {
    const notebook =
      '# t\n\n```scaling\nmodel a params=1B tokens=20B\nmodel b params=-1B tokens=1T\n```\n\ntext\n\n```scaling\ncheck a, zz\n```\n\n```scaling\ncheck a\n```\n';
    const { status, out, err } = await run({ 'bad.scaling': notebook }, 'run', 'bad.scaling', '--format', 'json');
    assert.equal(status, 1);
    assert.match(err, /^bad\.scaling:5:16: error: params must be greater than zero/m);
    assert.match(err, /^bad\.scaling:11:10: error: unknown model "zz"/m);
    const report = JSON.parse(out);
    assert.deepEqual(
      report.cells.map((cell: { ok: boolean }) => cell.ok),
      [false, false, true],
    );
  });

  it('reports an unreadable file and a bad format as usage errors', async () => {
    assert.equal((await run({}, 'run', 'missing.scaling')).status, 2);
    assert.match((await run({ x: '' }, 'run', 'x', '--format', 'pdf')).err, /--format: expected text, markdown, json or html/);
  });
});
