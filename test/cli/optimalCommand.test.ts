import * as assert from 'node:assert/strict';
import { computeOptimalAllocation, findPresetLaw, hardwareBudget, inferenceAwareOptimum, optimalForLoss } from '../../src/core';
import { main } from '../../src/cli/main';
import { join } from 'node:path';
import { diskIo, memoryIo } from './memoryIo';

const epoch = findPresetLaw('epoch')!;
const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);

async function optimal(...argv: string[]) {
  const io = memoryIo();
  const status = await main(['optimal', ...argv], io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('cli optimal: inference-aware sizing', () => {
  it('--loss --inference-tokens --json gives both models and the saving in plain units', async () => {
    const { status, out } = await optimal('--loss', '1.95', '--inference-tokens', '2e12', '--json');
    assert.equal(status, 0);
    const json = JSON.parse(out);
    const expected = inferenceAwareOptimum(epoch, 1.95, 2e12);
    assert.equal(json.law, 'besiroglu2024');
    assert.equal(json.targetLoss, 1.95);
    assert.equal(json.inferenceTokens, 2e12);
    assert.equal(json.inferenceAware.params, expected.params);
    assert.equal(json.inferenceAware.tokens, expected.trainTokens);
    assert.equal(json.inferenceAware.totalFlops, expected.totalFlops);
    assert.equal(json.chinchilla.params, expected.chinchilla.params);
    for (const key of ['tokensPerParam', 'trainFlops', 'inferenceFlops', 'totalFlops'])
      assert.equal(typeof json.chinchilla[key], 'number', key);
    assert.equal(json.saving.fraction, expected.savingFraction);
    assert.equal(json.cost, undefined);
  });

  it('--loss under the printed Chinchilla constants reproduces the worked example', async () => {
    // Serving 4.65 × (410.7/0.1)^(1/0.28) = 3.7402e13 tokens at loss 2: N = (406.4/0.21)^(1/0.34) = 4.6437e9.
    const json = JSON.parse((await optimal('--loss', '2', '--inference-tokens', '37.402T', '--law', 'chinchilla', '--json')).out);
    assert.ok(relative(json.inferenceAware.params, 4.6437e9) < 1e-4);
  });

  it("--compute sets the target to the budget's compute-optimal loss; a GPU booking with a price adds dollars", async () => {
    const fromCompute = JSON.parse((await optimal('--compute', '1e24', '--inference-tokens', '1T', '--json')).out);
    assert.equal(fromCompute.targetLoss, computeOptimalAllocation(epoch, 1e24).loss);
    assert.deepEqual(fromCompute.budget, { name: 'this budget', compute: 1e24 });
    const priced = JSON.parse(
      (
        await optimal(
          '--gpus',
          '1024',
          '--gpu',
          'H100',
          '--days',
          '30',
          '--mfu',
          '0.4',
          '--price',
          '2.5',
          '--inference-tokens',
          '10T',
          '--json',
        )
      ).out,
    );
    const booking = hardwareBudget({ accelerators: 1024, accelerator: 'H100', hours: 720, mfu: 0.4, pricePerHour: 2.5 });
    // Dollars per FLOP: $2.50 / (989e12 FLOP/s × 0.4 × 3600 s) = $1.7554e-18.
    assert.ok(relative(priced.costPerFlop, 1.7554e-18) < 1e-4);
    assert.equal(priced.budget.compute, booking.compute);
    assert.ok(relative(priced.saving.cost, priced.saving.flops * priced.costPerFlop) < 1e-12);
    assert.ok(priced.inferenceAware.cost < priced.chinchilla.cost);
  });

  it('prints the comparison table and the saving as text', async () => {
    const { status, out } = await optimal('--loss', '1.95', '--inference-tokens', '2T');
    assert.equal(status, 0);
    assert.match(out, /Chinchilla-optimal\s+116B\s+2\.09T/);
    assert.match(out, /inference-aware\s+88\.1B\s+2\.84T.*3\.52%/);
    assert.match(out, /Sardana et al\. 2023/);
  });

  it('--loss alone gives the compute-optimal model reaching that loss', async () => {
    const json = JSON.parse((await optimal('--loss', '1.95', '--json')).out);
    assert.equal(json.params, optimalForLoss(epoch, 1.95).params);
  });

  it("the serve-cheaply example sizes its cluster's model for a year of 50M requests of 1,000 tokens a day", async () => {
    const io = diskIo(join(__dirname, '..', '..'));
    assert.equal(await main(['run', 'examples/serve-cheaply.scaling', '--format', 'json'], io), 0);
    const report = JSON.parse(io.stdout.join('\n'));
    const answer = report.cells[1].results.find((result: { kind: string }) => result.kind === 'optimal').data;
    assert.equal(answer.inferenceTokens, 50e6 * 1e3 * 365);
    assert.ok(answer.inferenceAware.params < answer.chinchilla.params / 2);
    assert.ok(answer.saving.cost > 0 && answer.inferenceAware.cost < answer.chinchilla.cost);
  });

  const badCalls: Array<[string[], RegExp]> = [
    [['--loss', '1.95', '--compute', '1e24', '--inference-tokens', '1T'], /give either --loss or a budget/],
    [['--loss', '1.5', '--inference-tokens', '1T'], /target loss 1\.5 is not reachable/],
    [['--loss', '2.5', '--inference-tokens', '1T', '--law', 'kaplan'], /not of the Chinchilla form/],
    [['--loss', '1.95', '--inference-tokens', '-1'], /--inference-tokens: inference tokens must be greater than zero/],
    [['--inference-tokens', '1T'], /missing budget: .*or --loss L/],
    [['--loss', 'low', '--inference-tokens', '1T'], /--loss: cannot read target loss "low"/],
  ];
  for (const [argv, message] of badCalls) {
    it(`exits 2 with one line for: optimal ${argv.join(' ')}`, async () => {
      const { status, err } = await optimal(...argv);
      assert.equal(status, 2);
      assert.match(err, message);
      assert.equal(err.split('\n').length, 1);
    });
  }
});
