import * as assert from 'node:assert/strict';
import { computeOptimalAllocation, findPresetLaw, hardwareBudget, inferenceAwareOptimum, optimalForLoss } from '../../src/core';
import { main } from '../../src/cli/main';
import { join } from 'node:path';
import { diskIo, itRefuses, runCli } from './memoryIo';

const epoch = findPresetLaw('epoch')!;
const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);

/** 1,024 H100s for 30 days at 40% MFU and $2.50 an hour. */
const BOOKING = ['--gpus', '1024', '--gpu', 'H100', '--days', '30', '--mfu', '0.4', '--price', '2.5'];

const optimal = (...argv: string[]) => runCli('optimal', ...argv);

describe('cli optimal', () => {
  it('--compute gives the closed-form optimum', async () => {
    const { status, out } = await optimal('--compute', '5.76e23', '--json', '--law', 'epoch');
    assert.equal(status, 0);
    const json = JSON.parse(out);
    assert.ok(Math.abs(json.tokensPerParam - 18.3) < 0.1);
    assert.equal(json.compute, 5.76e23);
    assert.equal(json.law, 'besiroglu2024');
    assert.equal(json.gpuHours, undefined);
  });

  it('a GPU booking reports GPU-hours and cost, and calls itself "this budget"', async () => {
    const json = JSON.parse((await optimal(...BOOKING, '--json')).out);
    assert.equal(json.gpuHours, 1024 * 720);
    assert.equal(json.cost, 1024 * 720 * 2.5);
    assert.equal(json.compute, 1024 * 720 * 3600 * 989e12 * 0.4);
    assert.match(json.method, /closed form/);
    const { out } = await optimal(...BOOKING);
    assert.match(out, /^Compute-optimal model for this budget under besiroglu2024\n\naccelerators +days +MFU/);
    assert.match(out, /1024 × H100 +30 +40% +1\.05e24 +737K +\$1\.84M/);
  });

  it('an accelerator the catalog lacks takes its peak; a booking without a price has a null cost', async () => {
    const json = JSON.parse(
      (await optimal('--gpus', '64', '--gpu', 'MyChip', '--hours', '240', '--mfu', '35%', '--peak', '500T', '--json')).out,
    );
    assert.equal(json.compute, 64 * 240 * 3600 * 500e12 * 0.35);
    assert.equal(json.cost, null);
  });

  it('--loss alone gives the compute-optimal model reaching that loss, other laws at the compute they need for it', async () => {
    const json = JSON.parse((await optimal('--loss', '1.95', '--json')).out);
    assert.equal(json.params, optimalForLoss(epoch, 1.95).params);
    assert.match((await optimal('--loss', '1.95')).out, /Other laws, each at the compute it needs for loss 1\.95/);
  });

  it('--unique gives the best model when data must be repeated', async () => {
    const { status, out } = await optimal('--compute', '1e24', '--unique', '500B', '--json');
    assert.equal(status, 0);
    assert.equal(JSON.parse(out).uniqueTokens, 500e9);
  });

  for (const [argv, message] of [
    [
      [],
      /^optimal needs exactly one of: a GPU booking \(--gpus\/--gpu\/--days\/--mfu\) or a catalog model, --compute …, --loss … or --params …/,
    ],
    [['--gpus', '8', '--gpu', 'X1', '--days', '1', '--mfu', '0.4'], /^optimal: --gpu: unknown accelerator "X1"/],
    [['--gpus', '8', '--gpu', 'H100', '--days', '1', '--mfu', '2'], /^optimal: --mfu: mfu must be between 0% and 100%, got 200%/],
    [['--gpus', '8', '--gpu', 'H100', '--mfu', '0.4'], /^optimal needs --days … or --hours …/],
    [['--compute'], /--compute needs a value/],
    [['--compute', '1e24', ...BOOKING], /^optimal: give --compute or a GPU booking \(--gpus\/--gpu\/--days\/--mfu\), not both$/],
    [['--compute', '1e24', '--gpus', '1024'], /^optimal: give --compute or a GPU booking \(--gpus\/--gpu\/--days\/--mfu\), not both$/],
    [['--compute', '1e24', '--price', '2.5'], /^optimal: --price needs a GPU booking \(--gpus\/--gpu\/--days\/--mfu\)$/],
    [['--compute', '1e24', '--loss', '1.9'], /^optimal: give --compute or --loss, not both$/],
    [['--loss', '1.9', '--params', '7B'], /^optimal: give --loss or --params, not both$/],
  ] as const) {
    itRefuses(['optimal', ...argv], message);
  }
});

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
    const priced = JSON.parse((await optimal(...BOOKING, '--inference-tokens', '10T', '--json')).out);
    const booking = hardwareBudget({ accelerators: 1024, accelerator: 'H100', hours: 720, mfu: 0.4, pricePerHour: 2.5 });
    // Dollars per FLOP: $2.50 / (989e12 FLOP/s × 0.4 × 3600 s) = $1.7554e-18.
    assert.ok(relative(priced.costPerFlop, 1.7554e-18) < 1e-4);
    assert.deepEqual(priced.budget, { name: 'this budget', compute: booking.compute });
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

  it("the serve-cheaply example sizes its cluster's model for a year of 50M requests of 1,000 tokens a day", async () => {
    const io = diskIo(join(__dirname, '..', '..'));
    assert.equal(await main(['run', 'examples/serve-cheaply.scaling', '--format', 'json'], io), 0);
    const report = JSON.parse(io.stdout.join('\n'));
    const answer = report.cells[1].results.find((result: { kind: string }) => result.kind === 'optimal').data;
    assert.equal(answer.inferenceTokens, 50e6 * 1e3 * 365);
    assert.ok(answer.inferenceAware.params < answer.chinchilla.params / 2);
    assert.ok(answer.saving.cost > 0 && answer.inferenceAware.cost < answer.chinchilla.cost);
  });

  for (const [argv, message] of [
    [['--loss', '1.95', '--compute', '1e24', '--inference-tokens', '1T'], /^optimal: give --compute or --loss, not both$/],
    [['--loss', '1.5', '--inference-tokens', '1T'], /^optimal: --loss: target loss 1\.5 is not reachable/],
    [['--loss', '2.5', '--inference-tokens', '1T', '--law', 'kaplan'], /not of the Chinchilla form/],
    [['--loss', '1.95', '--inference-tokens', '-1'], /^optimal: --inference-tokens: tokens served must be greater than zero/],
    [
      ['--inference-tokens', '1T'],
      /^optimal needs exactly one of: a GPU booking \(--gpus\/--gpu\/--days\/--mfu\) or a catalog model, --compute …, --loss …/,
    ],
    [['--loss', 'low', '--inference-tokens', '1T'], /^optimal: --loss: "low" is not a number here/],
    [['--loss', '1.95', '--serve', '1T', '--inference-tokens', '1T'], /give --serve or --inference-tokens \(the same thing\), not both/],
  ] as const) {
    itRefuses(['optimal', ...argv], message);
  }
});
