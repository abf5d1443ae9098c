import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { diskIo, itRefuses, memoryIo } from './memoryIo';

const ROOT = join(__dirname, '..', '..');

async function run(io: ReturnType<typeof memoryIo>, ...argv: string[]) {
  const status = await main(argv, io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('cli mixture', () => {
  it('mixture fits the shipped study and gives the best mixture for a planned run as JSON', async () => {
    const { status, out, err } = await run(
      diskIo(ROOT),
      'mixture',
      'examples/runs/mixtures.csv',
      '--params',
      '7B',
      '--tokens',
      '150B',
      '--json',
    );
    assert.equal(status, 0, err);
    const json = JSON.parse(out);
    assert.equal(json.form, 'joint');
    assert.deepEqual(json.domains, ['web', 'code', 'books']);
    assert.equal(json.converged, true);
    const weights = Object.values(json.optimum.weights) as number[];
    assert.ok(Math.abs(weights.reduce((sum, weight) => sum + weight, 0) - 1) < 1e-12);
  });

  it('prints the fitted constants and the best mixture as tables by default', async () => {
    const { status, out } = await run(
      diskIo(ROOT),
      'mixture',
      'examples/runs/mixtures.csv',
      '--law',
      'additive',
      '--params',
      '7B',
      '--tokens',
      '150B',
    );
    assert.equal(status, 0);
    assert.match(out, /Fitted constants \(additive law\)[\s\S]*Best data mixture for examples\/runs\/mixtures\.csv at N = 7B, D = 150B/);
  });

  it('a fit that cannot be made is one line on stderr and status 1', async () => {
    const io = memoryIo({ 'study.csv': 'params,tokens,w_a,w_b,loss\n1e8,2e9,0.5,0.5,3.1\n' });
    const { status, err } = await run(io, 'mixture', 'study.csv', '--law', 'additive');
    assert.equal(status, 1);
    assert.match(err, /mixture: study\.csv: 1 point cannot determine 9 free parameters/);
  });

  for (const [argv, message] of [
    [['mixture'], /missing CSV file/],
    [['mixture', 'study.csv', '--law', 'mixed'], /--law: expected joint or additive, got "mixed"/],
  ] as const) {
    itRefuses(argv, message);
  }

  it('refuses a table without domain weights with status 2', async () => {
    const { status, err } = await run(memoryIo({ 'plain.csv': 'params,tokens,loss\n1e8,2e9,3.1\n' }), 'mixture', 'plain.csv');
    assert.equal(status, 2);
    assert.match(err, /plain\.csv has no domain weight columns: add w_… columns/);
  });
});
