import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { diskIo, memoryIo } from './memoryIo';

const ROOT = join(__dirname, '..', '..');
/** numpy's Approach 2 on the same file (test/fixtures/isoflop_reference.py). */
const REFERENCE = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/isoflop-reference.json'), 'utf8')) as { paramsExponent: number };

describe('cli fit --approach', () => {
  it('isoflop --json prints the allocation with the keys scripts read, intervals and predictions', async () => {
    const io = diskIo(ROOT);
    const status = await main(
      ['fit', 'examples/runs/isoflop-sweep.csv', '--approach', 'isoflop', '--bootstrap', '100', '--seed', '2', '--at', '5.76e23', '--json'],
      io,
    );
    assert.equal(status, 0, io.stderr.join('\n'));
    const json = JSON.parse(io.stdout.join('\n'));
    for (const key of [
      'approach',
      'paramsExponent',
      'tokensExponent',
      'paramsCoefficient',
      'tokensCoefficient',
      'ci',
      'budgets',
      'warnings',
      'predictions',
    ])
      assert.ok(key in json, key);
    assert.equal(json.approach, 'isoflop');
    assert.ok(Math.abs(json.paramsExponent - REFERENCE.paramsExponent) < 0.005);
    assert.equal(json.ci.samples, 100);
    assert.ok(json.ci.paramsExponent[0] < json.paramsExponent && json.paramsExponent < json.ci.paramsExponent[1]);
    assert.equal(json.budgets.length, 9);
    assert.deepEqual(Object.keys(json.budgets[0]).sort(), ['compute', 'loss', 'params', 'runs', 'sizes', 'tokens']);
    const [prediction] = json.predictions;
    assert.equal(prediction.compute, 5.76e23);
    assert.ok(Math.abs((6 * prediction.params * prediction.tokens) / 5.76e23 - 1) < 1e-9);
  });

  it('envelope reads JSON Lines curves with steps and prints the table and the caveat', async () => {
    const io = diskIo(ROOT);
    assert.equal(await main(['fit', 'examples/runs/training-curves.jsonl', '--approach', 'envelope'], io), 0, io.stderr.join('\n'));
    const text = io.stdout.join('\n');
    assert.match(text, /Approach 1, envelope of training curves, fitted to examples\/runs\/training-curves\.jsonl: N_opt ∝ C\^0\.5/);
    assert.match(text, /cosine schedule overstate the loss/);
  });

  it('all prints a and b per approach and says which do not apply', async () => {
    const io = memoryIo({
      'runs.csv': [
        'params,tokens,loss',
        ...[1e18, 1e19, 1e20].flatMap((compute) =>
          [1e8, 3e8, 1e9].map((params) => `${params},${compute / (6 * params)},${2 + Math.log(params / (0.05 * compute ** 0.5)) ** 2}`),
        ),
      ].join('\n'),
    });
    assert.equal(await main(['fit', 'runs.csv', '--approach', 'all', '--json'], io), 0, io.stderr.join('\n'));
    const json = JSON.parse(io.stdout.join('\n'));
    assert.equal(json.approach, 'all');
    assert.deepEqual(
      json.approaches.map((entry: { approach: string }) => entry.approach),
      ['envelope', 'isoflop', 'parametric'],
    );
    assert.match(json.approaches[0].notApplicable, /needs training curves/);
    assert.ok(Math.abs(json.approaches[1].paramsExponent - 0.5) < 1e-9);
  });

  it('tells how to get N and D on the command line, not with a notebook statement', async () => {
    const io = diskIo(ROOT);
    assert.equal(await main(['fit', 'examples/runs/isoflop-sweep.csv', '--approach', 'isoflop'], io), 0, io.stderr.join('\n'));
    const text = io.stdout.join('\n');
    assert.doesNotMatch(text, /optimal BUDGET|law=/);
    assert.match(text, /fit examples\/runs\/isoflop-sweep\.csv --approach isoflop --at 1e24 gives N and D at a budget/);
  });

  it('all shows the warnings of each approach in the text, as the JSON has them', async () => {
    const io = diskIo(ROOT);
    assert.equal(await main(['fit', 'examples/runs/training-curves.jsonl', '--approach', 'all'], io), 0, io.stderr.join('\n'));
    const lines = io.stdout.join('\n').split('\n');
    const parametric = lines.findIndex((line) => line.includes('Approach 3, parametric'));
    assert.match(lines[parametric + 1], /^ +warning: α = -0\.0131 is not positive: .* no compute-optimal size follows$/);
  });

  it('rejects an unknown approach and data an approach cannot use with status 2', async () => {
    const io = memoryIo({ 'runs.csv': 'params,tokens,loss\n1e8,1e9,3\n2e8,5e8,3.1\n' });
    assert.equal(await main(['fit', 'runs.csv', '--approach', 'isoflops'], io), 2);
    assert.match(io.stderr.join('\n'), /--approach: expected parametric, isoflop, envelope, all, got "isoflops"/);
    const few = memoryIo({ 'runs.csv': 'params,tokens,loss\n1e8,1e9,3\n2e8,5e8,3.1\n' });
    assert.equal(await main(['fit', 'runs.csv', '--approach', 'isoflop'], few), 2);
    assert.match(few.stderr.join('\n'), /runs\.csv: no isoFLOP budget has a minimum: 6e17 FLOP \(2 model sizes/);
  });
});
