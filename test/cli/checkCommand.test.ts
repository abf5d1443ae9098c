import * as assert from 'node:assert/strict';
import { itRefuses, runCli } from './memoryIo';

/** `check --json` with these arguments, parsed. */
async function checkJson(...argv: string[]) {
  const { status, out, err } = await runCli('check', ...argv, '--json');
  assert.equal(status, 0, err);
  return JSON.parse(out);
}

describe('cli check', () => {
  it('--json prints the verdict with numbers in plain units', async () => {
    const json = await checkJson('--params', '280B', '--tokens', '300B');
    assert.equal(json.params, 280e9);
    assert.equal(json.tokens, 300e9);
    assert.equal(json.compute, 6 * 280e9 * 300e9);
    assert.equal(json.verdict, 'undertrained');
    assert.equal(json.law, 'besiroglu2024');
    for (const key of ['activeParams', 'tokensPerParam', 'loss', 'lossGap', 'computeEfficiency'])
      assert.equal(typeof json[key], 'number', key);
    for (const key of ['params', 'tokens', 'tokensPerParam', 'loss']) assert.equal(typeof json.optimal[key], 'number', key);
  });

  it('--json carries an extrapolation array, empty inside the fitted range, and MoE warnings', async () => {
    const inside = await checkJson('--params', '1B', '--tokens', '20B');
    assert.deepEqual(inside.extrapolation, []);
    assert.deepEqual(inside.warnings, []);
    const moe = await checkJson('--params', '671B', '--active', '37B', '--tokens', '14.8T');
    assert.equal(moe.activeParams, 37e9);
    assert.equal(moe.compute, 6 * 37e9 * 14.8e12);
    assert.match(moe.extrapolation.join(' '), /D = 14\.8T tokens is 1\.7 decades above the largest token count/); // log10(14.8T / 318B) = 1.67
    assert.match(moe.warnings[0], /mixture-of-experts/);
    assert.match(moe.explanation, /^Dense-equivalent assumption/);
  });

  it('under kaplan never prints an efficiency above 100% (GPT-3: 87.6%, App. B.4)', async () => {
    const json = await checkJson('--params', '175B', '--tokens', '300B', '--law', 'kaplan');
    assert.ok(Math.abs(json.computeEfficiency - 0.87588) < 1e-4, String(json.computeEfficiency));
    assert.ok(json.lossGap >= 0);
    assert.match(json.warnings.join(' '), /non-embedding/);
  });

  it('prints an aligned table by default', async () => {
    const { status, out } = await runCli('check', '--params', '8B', '--tokens', '15T', '--law', 'chinchilla');
    assert.equal(status, 0);
    assert.match(out, /^model: overtrained\n\nVerdicts under Chinchilla \(Hoffmann et al\. 2022, printed\)\n/);
  });

  it('accepts custom constants as the law, called custom', async () => {
    const json = await checkJson('--params=70B', '--tokens=1.4T', '--law', 'E=1.69 A=406.4 B=410.7 alpha=0.34 beta=0.28');
    // 1.69 + 406.4/(70e9)^0.34 + 410.7/(1.4e12)^0.28 = 1.93665.
    assert.ok(Math.abs(json.loss - 1.93665) < 5e-6);
    assert.equal(json.law, 'custom');
  });

  it('checks catalog models named as words, one JSON object each', async () => {
    const [gopher, chinchilla] = await checkJson('gopher', 'chinchilla');
    // Rae et al. 2021: Gopher 280B on 300B tokens; Hoffmann et al. 2022: Chinchilla 70B on 1.4T.
    assert.deepEqual([gopher.params, gopher.tokens, chinchilla.params, chinchilla.tokens], [280e9, 300e9, 70e9, 1.4e12]);
  });

  describe('--unique', () => {
    it('adds epochs, effective tokens and the loss lost to repetition to the JSON', async () => {
      const json = await checkJson('--params', '8B', '--tokens', '2T', '--unique', '500B', '--law', 'muennighoff');
      // 2T / 500B = 4 epochs; D′ = 500B·(1 + 15.387756·(1 − e^(−3/15.387756))) = 1.862837T;
      // lost: 2.106780 − 2.105047 = 0.001733 (core/dataConstrained worked examples).
      assert.equal(json.epochs, 4);
      assert.ok(Math.abs(json.effectiveTokens / 1.862837e12 - 1) < 1e-6);
      assert.ok(Math.abs(json.repetitionLoss - 0.001733) < 1e-6);
      assert.equal(json.uniqueTokens, 500e9);
      assert.equal(json.verdict, 'overtrained');
      assert.equal(json.name, undefined);
    });

    it('prints the repetition table under the verdict', async () => {
      const { status, out } = await runCli('check', '--params', '8B', '--tokens', '2T', '--unique', '50B', '--law', 'muennighoff2023');
      assert.equal(status, 0);
      assert.match(out, /Repeated data under Data-constrained/);
      assert.match(out, /model\s+8B\s+2T\s+2\.1050\s+50B\s+40\s+758B\s+2\.1407\s+\+0\.0356/);
    });

    it('leaves the JSON as it was without --unique', async () => {
      assert.equal((await checkJson('--params', '8B', '--tokens', '2T')).epochs, undefined);
    });
  });

  for (const [argv, message] of [
    [['--params', '-5B', '--tokens', '1T'], /^check: --params: params must be greater than zero, got -5e9$/],
    [['--tokens', '1T'], /^check needs --params … \(add --params 70B\)$/],
    [['--params', '7B', '--tokens', 'lots'], /^check: --tokens: "lots" is not a number here/],
    [['--params', '7B', '--active', '9B', '--tokens', '1T'], /^check: --active: active parameters \(9B\) cannot exceed params \(7B\)/],
    [['--params', '7B', '--tokens', '1T', '--law', 'gpt'], /^check: --law: unknown law "gpt"/],
    [['--params', '8B', '--tokens', '2T', '--unique', '-5B'], /^check: --unique: unique tokens must be greater than zero, got -5e9$/],
    [['--params', '7B', '--tokens', '1T', 'extra'], /^check: unknown model "extra"/],
    [['--params', '7B', '--tokens', '1T', '--frobnicate'], /unknown option --frobnicate/],
    [['--param', '7B', '--tokens', '1T'], /unknown option --param: did you mean --params\?/],
  ] as const) {
    itRefuses(['check', ...argv], message);
  }
});
