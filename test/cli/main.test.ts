import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { memoryIo } from './memoryIo';

async function run(...argv: string[]) {
  const io = memoryIo();
  const status = await main(argv, io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('cli', () => {
  it('check --json prints the verdict with numbers in plain units', async () => {
    const { status, out } = await run('check', '--params', '280B', '--tokens', '300B', '--json');
    assert.equal(status, 0);
    const json = JSON.parse(out);
    assert.equal(json.params, 280e9);
    assert.equal(json.tokens, 300e9);
    assert.equal(json.compute, 6 * 280e9 * 300e9);
    assert.equal(json.verdict, 'undertrained');
    assert.equal(json.law, 'besiroglu2024');
    for (const key of ['activeParams', 'tokensPerParam', 'loss', 'lossGap', 'computeEfficiency'])
      assert.equal(typeof json[key], 'number', key);
    for (const key of ['params', 'tokens', 'tokensPerParam', 'loss']) assert.equal(typeof json.optimal[key], 'number', key);
  });

  it('check --json carries an extrapolation array, empty inside the fitted range, and MoE warnings', async () => {
    const inside = JSON.parse((await run('check', '--params', '1B', '--tokens', '20B', '--json')).out);
    assert.deepEqual(inside.extrapolation, []);
    assert.deepEqual(inside.warnings, []);
    const moe = JSON.parse((await run('check', '--params', '671B', '--active', '37B', '--tokens', '14.8T', '--json')).out);
    assert.match(moe.extrapolation.join(' '), /D = 14\.8T tokens is 1\.7 decades above the largest token count/); // log10(14.8T / 318B) = 1.67
    assert.match(moe.warnings[0], /mixture-of-experts/);
    assert.match(moe.explanation, /^Dense-equivalent assumption/);
  });

  it('check under kaplan never prints an efficiency above 100% (GPT-3: 87.6%, App. B.4)', async () => {
    const json = JSON.parse((await run('check', '--params', '175B', '--tokens', '300B', '--law', 'kaplan', '--json')).out);
    assert.ok(Math.abs(json.computeEfficiency - 0.87588) < 1e-4, String(json.computeEfficiency));
    assert.ok(json.lossGap >= 0);
    assert.match(json.warnings.join(' '), /non-embedding/);
  });

  it('check prints an aligned table by default', async () => {
    const { status, out } = await run('check', '--params', '8B', '--tokens', '15T', '--law', 'chinchilla');
    assert.equal(status, 0);
    assert.match(out, /overtrained/);
    assert.match(out, /hoffmann2022|Hoffmann/);
  });

  it('check accepts custom constants as the law', async () => {
    const { status, out } = await run(
      'check',
      '--params=70B',
      '--tokens=1.4T',
      '--json',
      '--law',
      'E=1.69 A=406.4 B=410.7 alpha=0.34 beta=0.28',
    );
    assert.equal(status, 0);
    assert.ok(Math.abs(JSON.parse(out).loss - 1.93665) < 5e-6);
  });

  it('optimal --compute gives the closed-form optimum', async () => {
    const { status, out } = await run('optimal', '--compute', '5.76e23', '--json', '--law', 'epoch');
    assert.equal(status, 0);
    const json = JSON.parse(out);
    assert.ok(Math.abs(json.tokensPerParam - 18.3) < 0.1);
    assert.equal(json.compute, 5.76e23);
    assert.equal(json.law, 'besiroglu2024');
  });

  it('optimal from a GPU booking reports GPU-hours and cost', async () => {
    const { status, out } = await run(
      'optimal',
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
      '--json',
    );
    assert.equal(status, 0);
    const json = JSON.parse(out);
    assert.equal(json.gpuHours, 1024 * 720);
    assert.equal(json.cost, 1024 * 720 * 2.5);
    assert.equal(json.compute, 1024 * 720 * 3600 * 989e12 * 0.4);
  });

  const badCalls: Array<[string[], RegExp]> = [
    [['check', '--params', '-5B', '--tokens', '1T'], /--params: parameters must be greater than zero/],
    [['check', '--tokens', '1T'], /missing --params/],
    [['check', '--params', '7B', '--tokens', 'lots'], /--tokens: cannot read tokens "lots"/],
    [['check', '--params', '7B', '--active', '9B', '--tokens', '1T'], /--active: active parameters \(9B\) cannot exceed --params \(7B\)/],
    [['check', '--params', '7B', '--tokens', '1T', '--law', 'gpt'], /--law: unknown law "gpt"/],
    [['check', '--params', '7B', '--tokens', '1T', '--frobnicate'], /unknown option --frobnicate/],
    [['optimal'], /missing budget/],
    [['optimal', '--gpus', '8', '--gpu', 'X1', '--days', '1', '--mfu', '0.4'], /unknown accelerator "X1"/],
    [['optimal', '--gpus', '8', '--gpu', 'H100', '--days', '1', '--mfu', '2'], /--mfu: MFU must be between 0% and 100%/],
    [['optimal', '--compute'], /--compute needs a value/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['chek'], /unknown command "chek": did you mean "check"\?/],
    [['check', '--param', '7B', '--tokens', '1T'], /unknown option --param: did you mean --params\?/],
  ];
  for (const [argv, message] of badCalls) {
    it(`exits 2 with one line for: ${argv.join(' ')}`, async () => {
      const { status, err } = await run(...argv);
      assert.equal(status, 2);
      assert.match(err, message);
      assert.equal(err.split('\n').length, 1);
      assert.doesNotMatch(err, /at .*\.ts:\d+/);
    });
  }

  it('lists laws and models with sources', async () => {
    const laws = await run('laws', '--json');
    assert.deepEqual(
      JSON.parse(laws.out).map((law: { id: string }) => law.id),
      ['hoffmann2022', 'hoffmann2022-precise', 'besiroglu2024', 'kaplan2020', 'muennighoff2023'],
    );
    const kaplan = JSON.parse(laws.out).find((law: { id: string }) => law.id === 'kaplan2020');
    assert.deepEqual(kaplan.validity.params, { low: 768, high: 1.5e9 }); // Kaplan et al. 2020, Sec. 3
    assert.match((await run('laws')).out, /N 70M–16B, D 5B–500B tokens, C 1\.4e18–1\.3e22 FLOP/);
    const models = await run('models');
    assert.match(models.out, /deepseek-v3\s+671B\s+37B\s+14\.8T/);
    assert.match(models.out, /gopher\s+280B\s+300B\s+1\.07K?\s+5\.76e23/);
  });

  describe('cli check --unique', () => {
    it('adds epochs, effective tokens and the loss lost to repetition to the JSON', async () => {
      const { status, out } = await run('check', '--params', '8B', '--tokens', '2T', '--unique', '500B', '--law', 'muennighoff', '--json');
      assert.equal(status, 0);
      const json = JSON.parse(out);
      // 2T / 500B = 4 epochs; D′ = 500B·(1 + 15.387756·(1 − e^(−3/15.387756))) = 1.862837T;
      // lost: 2.106780 − 2.105047 = 0.001733 (core/dataConstrained worked examples).
      assert.equal(json.epochs, 4);
      assert.ok(Math.abs(json.effectiveTokens / 1.862837e12 - 1) < 1e-6);
      assert.ok(Math.abs(json.repetitionLoss - 0.001733) < 1e-6);
      assert.equal(json.uniqueTokens, 500e9);
      assert.equal(json.verdict, 'overtrained');
    });

    it('prints the repetition table under the verdict', async () => {
      const { status, out } = await run('check', '--params', '8B', '--tokens', '2T', '--unique', '50B', '--law', 'muennighoff2023');
      assert.equal(status, 0);
      assert.match(out, /Repeated data under Data-constrained/);
      assert.match(out, /model\s+8B\s+2T\s+2\.1050\s+50B\s+40\s+758B\s+2\.1407\s+\+0\.0356/);
    });

    it('leaves the JSON as it was without --unique', async () => {
      const { out } = await run('check', '--params', '8B', '--tokens', '2T', '--json');
      assert.equal(JSON.parse(out).epochs, undefined);
    });

    it('refuses unique tokens that are not a positive count, on one line', async () => {
      const { status, err } = await run('check', '--params', '8B', '--tokens', '2T', '--unique', '-5B');
      assert.equal(status, 2);
      assert.equal(err, 'check: --unique: unique tokens must be greater than zero, got -5B');
    });
  });
});
