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

  for (const [argv, message] of [
    [['coverage'], /missing --p RATE or --beta A,B/],
    [['coverage', '--p', '5%', '--beta', '1,1'], /either --p or --beta/],
    [['coverage', '--beta', '1'], /--beta: expected two shapes a,b/],
    [['coverage', '--p', '1'], /--p: p must be between 0 and 1/],
    [['coverage', '--p', '5%', '--samples', '10..1'], /--samples: samples range must go up/],
    [['coverage', '--p', '5%', 'extra'], /unexpected "extra"/],
  ] as const) {
    itRefuses(argv, message);
  }
});
