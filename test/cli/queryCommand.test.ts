import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { isCliQuery } from '../../src/cli/queryCommand';
import { keywords } from '../../src/language/registry';
import { memoryIo, runCli } from './memoryIo';

describe('cli: queries through the evaluator', () => {
  it('returns --json: each decade of compute along the frontier, the improvement ratio 10^(−αβ/(α+β))', async () => {
    const { status, out, err } = await runCli('returns', '--compute', '1e20..1e22', '--law', 'chinchilla', '--json');
    assert.equal(err, '');
    assert.equal(status, 0);
    const [entry] = JSON.parse(out).laws;
    assert.equal(entry.law, 'hoffmann2022');
    assert.equal(entry.decades.length, 2);
    // αβ/(α+β) = 0.34·0.28/0.62 = 0.153548; 10^−0.153548 = 0.702185.
    assert.ok(Math.abs(entry.improvementRatio - 10 ** (-(0.34 * 0.28) / 0.62)) < 1e-12);
  });

  it('returns prints the notebook table, --laws compares laws', async () => {
    const { status, out } = await runCli('returns', '--laws', 'epoch,kaplan');
    assert.equal(status, 0);
    assert.match(out, /loss at 10×/);
    assert.match(out, /Kaplan/);
  });

  it('compare takes the models as words', async () => {
    const { status, out } = await runCli('compare', 'gopher', 'chinchilla', '--laws', 'epoch,chinchilla', '--json');
    assert.equal(status, 0);
    assert.deepEqual(JSON.parse(out).laws, ['besiroglu2024', 'hoffmann2022']);
  });

  it('names the flag of a value the statement refuses, and refuses flags it does not take', async () => {
    assert.match((await runCli('returns', '--compute', '1e20..5e20')).err, /^returns: --compute: .*at least one 10× step/);
    const unknown = await runCli('returns', '--computer', '1e20..1e22');
    assert.equal(unknown.status, 2);
    assert.match(unknown.err, /unknown option --computer: did you mean --compute\?/);
  });

  it('optimal takes --serve, and --inference-tokens as its older name', async () => {
    const serve = JSON.parse((await runCli('optimal', '--loss', '1.95', '--serve', '2T', '--json')).out);
    const alias = JSON.parse((await runCli('optimal', '--loss', '1.95', '--inference-tokens', '2T', '--json')).out);
    assert.equal(serve.inferenceTokens, 2e12);
    assert.deepEqual(serve, alias);
  });
});

describe('cli --help', () => {
  const usage = memoryIo();
  const commands = () => {
    void main([], usage);
    return usage.stdout.join('\n');
  };

  it('lists every query keyword of the language as a command, except transfer (it needs a table under it)', () => {
    const listed = commands();
    for (const keyword of keywords().filter((word) => !['law', 'model', 'budget', 'data', 'transfer'].includes(word))) {
      assert.match(listed, new RegExp(`^  ${keyword} `, 'm'), keyword);
    }
  });

  // The commands with options of their own, then every query keyword the CLI reaches through the evaluator.
  const ownCommands = ['run', 'check', 'optimal', 'fit', 'scan', 'laws', 'models', 'mixture'];
  for (const command of new Set([...ownCommands, ...keywords().filter(isCliQuery)])) {
    it(`${command} --help prints its usage and an example, and exits 0`, async () => {
      const { status, out, err } = await runCli(command, '--help');
      assert.equal(err, '');
      assert.equal(status, 0);
      assert.match(out, new RegExp(`^usage: scaling-notebook ${command}`));
      assert.match(out, new RegExp(`example: scaling-notebook ${command}`));
    });
  }

  it('a query command lists its options with their defaults, from the registry', async () => {
    const { out } = await runCli('coverage', '--help');
    assert.match(out, /--samples +a range of whole numbers like 1\.\.10000: .*\(default 1\.\.10000\)/);
    assert.match(out, /--target/);
  });
});
