import * as assert from 'node:assert/strict';
import { itRefuses, runCli } from './memoryIo';

describe('cli languages', () => {
  it('languages --json gives the published factors and the scaled run', async () => {
    const { status, out } = await runCli('languages', '--from', '8', '--to', '32', '--params', '7B', '--tokens', '1T', '--json');
    assert.equal(status, 0);
    const json = JSON.parse(out);
    // 4^0.243 ≈ 1.40056, 4^0.971 ≈ 3.84238.
    assert.equal(json.ratio, 4);
    assert.ok(Math.abs(json.params - 1.4005563208872047) < 1e-12);
    assert.ok(Math.abs(json.compute - 3.8423794558139064) < 1e-12);
    assert.ok(Math.abs(json.scaled.params - 7e9 * 1.4005563208872047) < 1);
  });

  it('says "1 language", not "1 languages"', async () => {
    const { status, out } = await runCli('languages', '--from', '1', '--to', '2', '--params', '7B', '--tokens', '1T');
    assert.equal(status, 0);
    assert.ok(out.includes('1 language') && !out.includes('1 languages'), out);
    assert.ok(out.includes('2 languages'), out);
  });

  it('languages prints a table, with exponents from α and β when given', async () => {
    const { status, out } = await runCli('languages', '--from', '10', '--to', '20', '--alpha', '0.34', '--beta', '0.28');
    assert.equal(status, 0);
    // 2^(0.11/0.34) ≈ 1.2513.
    assert.match(out, /parameters N\s+r\^0\.324\s+×1\.25/);
  });

  it("warns when ATLAS's ϕ, ψ are paired with other exponents: α = 0.34, β = 0.28 give C ∝ r^1.18, not r^0.971", async () => {
    // By hand: 1 + 0.11/0.34 − 0.04/0.28 = 1 + 0.3235 − 0.1429 = 1.1807.
    const json = JSON.parse((await runCli('languages', '--from', '8', '--to', '16', '--alpha', '0.34', '--beta', '0.28', '--json')).out);
    assert.equal(json.warnings.length, 1);
    assert.match(json.warnings[0], /C ∝ r\^0\.971; with α = 0\.34 and β = 0\.28 they give C ∝ r\^1\.18 instead/);
    const ownArgs = ['--alpha', '0.34', '--beta', '0.28', '--phi', '0.08', '--psi', '-0.05', '--json'];
    const own = JSON.parse((await runCli('languages', '--from', '8', '--to', '16', ...ownArgs)).out);
    assert.deepEqual(own.warnings, []);
    assert.deepEqual(JSON.parse((await runCli('languages', '--from', '8', '--to', '16', '--json')).out).warnings, []);
  });

  for (const [argv, message] of [
    [['languages', '--from', '8'], /languages needs --to …/],
    [['languages', '--from', '0', '--to', '8'], /--from: from must be a whole number ≥ 1, got 0/],
    [['languages', '--from', '8', '--to', '16', '--params', '7B'], /needs --params … and --tokens … together/],
    [['languages', '--from', '8', '--to', '16', '--alpha', '0.3'], /needs --alpha … and --beta … together/],
  ] as const) {
    itRefuses(argv, message);
  }
});
