import * as assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { diskIo, memoryIo } from './memoryIo';

const ROOT = join(__dirname, '..', '..');
/** A mixture study of one run: too few to fit. */
const ONE_RUN = 'params,tokens,w_a,w_b,loss\n1e8,2e9,0.5,0.5,3.1\n';

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

  it('reads the file named on the command line as given, also outside the working directory', async () => {
    const { status, err } = await run(diskIo(tmpdir()), 'mixture', join(ROOT, 'examples', 'runs', 'mixtures.csv'), '--json');
    assert.equal(status, 0, err);
  });

  it('--domains names the weight columns, in its order', async () => {
    const { status, out } = await run(diskIo(ROOT), 'mixture', 'examples/runs/mixtures.csv', '--domains', 'books,web,code', '--json');
    assert.equal(status, 0);
    assert.deepEqual(JSON.parse(out).domains, ['books', 'web', 'code']);
  });

  it('--params needs --tokens: the run to find the best mixture for', async () => {
    const { status, err } = await run(diskIo(ROOT), 'mixture', 'examples/runs/mixtures.csv', '--params', '7B');
    assert.equal(status, 2);
    assert.equal(err, 'mixture needs --tokens … (add --tokens 150B)');
  });

  it('a fit that cannot be made is one line on stderr and status 1', async () => {
    const { status, err } = await run(memoryIo({ 'study.csv': ONE_RUN }), 'mixture', 'study.csv', '--law', 'additive');
    assert.equal(status, 1);
    assert.match(err, /^mixture: cannot fit a mixture law to study\.csv: 1 point cannot determine 9 free parameters/);
  });

  for (const [files, argv, message] of [
    [{}, ['mixture'], /^mixture: missing CSV file: expected mixture FILE\.csv/],
    [{}, ['mixture', 'a.csv', 'b.csv'], /^mixture: one CSV file at a time: unexpected "b\.csv"$/],
    [{}, ['mixture', 'study.csv'], /^mixture: cannot read "study\.csv": ENOENT/],
    [
      { 'study.csv': ONE_RUN },
      ['mixture', 'study.csv', '--law', 'mixed'],
      /^mixture: --law: unknown mixture law "mixed" \(use --law joint or --law additive\)$/,
    ],
    [
      { 'plain.csv': 'params,tokens,loss\n1e8,2e9,3.1\n' },
      ['mixture', 'plain.csv'],
      /^mixture: plain\.csv has no domain weights: a mixture law needs/,
    ],
  ] as const) {
    it(`exits 2 with one line for: ${argv.join(' ')}`, async () => {
      const { status, err } = await run(memoryIo(files), ...argv);
      assert.equal(status, 2);
      assert.match(err, message);
    });
  }
});
