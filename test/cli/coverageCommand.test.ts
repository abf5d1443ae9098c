import * as assert from 'node:assert/strict';
import { itRefuses, runCli } from './memoryIo';

describe('cli coverage', () => {
  it('--beta --target --json: coverage at each decade of k, the samples for the target and the power law', async () => {
    const { status, out, err } = await runCli('coverage', '--beta', '1,1', '--samples', '1..100', '--target', '90%', '--json');
    assert.equal(err, '');
    assert.equal(status, 0);
    const json = JSON.parse(out);
    assert.deepEqual(json.rates, { kind: 'beta', a: 1, b: 1 });
    assert.equal(json.samplesForTarget, 9); // Beta(1, 1): coverage k/(k + 1) ≥ 0.9 ⇔ k ≥ 9
    assert.ok(Math.abs(json.points[1].coverage - 10 / 11) < 1e-14); // k = 10
    assert.equal(json.asymptote.exponent, 1);
  });

  it('--p prints the tables as text', async () => {
    const { status, out } = await runCli('coverage', '--p', '0.05', '--target', '0.9');
    assert.equal(status, 0);
    // ⌈ln 0.1/ln 0.95⌉ = ⌈44.89⌉ = 45
    assert.match(out, /90%\s+45\s+90\.1%\s+89\.5%/);
    assert.match(out, /falls exponentially/);
  });

  it('--p 1e-12 --target 90% prints k and k − 1 apart and 1 − p in full', async () => {
    const { status, out } = await runCli('coverage', '--p', '1e-12', '--target', '90%');
    assert.equal(status, 0);
    assert.match(out, /2,302,585,092,993\s+90%\s+89\.99999999999%/);
    assert.ok(out.includes('by a factor 1 − p = 0.999999999999 per sample'), out);
  });

  for (const [argv, message] of [
    [['coverage'], /coverage needs --p … \(one success rate\) or --beta a,b/],
    [['coverage', '--p', '5%', '--beta', '1,1'], /--beta: give --p … or --beta …, not both/],
    [['coverage', '--beta', '1'], /--beta: beta takes two shapes a,b, got 1/],
    [['coverage', '--p', '1'], /--p: p must be between 0% and 100% \(exclusive\), got 100%$/m],
    [['coverage', '--p', '5'], /--p: p must be between 0% and 100% \(exclusive\), got 5 \(as a fraction that is 500%\); write 5% or 0\.05/],
    [
      ['coverage', '--p', '5%', '--target', '80'],
      /--target: target coverage must be between 0% and 100% \(exclusive\), got 80 \(as a fraction that is 8000%\); write 80% or 0\.8/,
    ],
    [['coverage', '--p', '5%', '--target', '100%'], /--target: target coverage must be between 0% and 100% \(exclusive\), got 100%/],
    [['coverage', '--p', '5%', '--samples', '10..1'], /--samples: samples range must go up/],
    [['coverage', '--p', '5%', 'extra'], /takes no name, only properties: unexpected "extra"/],
    [['coverage', '--p', '5%', '--law', 'epoch'], /unknown option --law/],
  ] as const) {
    itRefuses(argv, message);
  }
});
