import * as assert from 'node:assert/strict';
import { UsageError } from '../../src/cli/cliArgs';
import { commandCell, flagTargets, isCliQuery, queryCommand } from '../../src/cli/cellCommand';
import { DECLARING_COMMANDS } from '../../src/cli/cellCommands';
import { usage } from '../../src/cli/main';
import { keywords } from '../../src/language/registry';
import { runCli } from './memoryIo';

/** The cell a command line stands for. */
const cellOf = (name: string, ...argv: string[]) => commandCell(DECLARING_COMMANDS[name] ?? queryCommand(name), argv);

describe('cli: a command line is a cell', () => {
  it('check: the flags declare a model, --law is a law line above it, and check asks about it', () => {
    const cell = cellOf('check', '--params', '70B', '--tokens', '1.4T', '--law', 'chinchilla');
    assert.equal(cell.text, 'law chinchilla\nmodel model params=70B tokens=1.4T\ncheck model');
    assert.deepEqual(cell.lineNumbers, [1, 2]);
    assert.equal(cellOf('check', 'gopher', 'chinchilla').text, 'check gopher chinchilla', 'no flags of the model, no model line');
    assert.equal(
      cellOf('check', '--law', 'E=1.69 A=406.4 B=410.7 alpha=0.34 beta=0.28', 'gopher').text.split('\n')[0],
      'law custom E=1.69 A=406.4 B=410.7 alpha=0.34 beta=0.28',
    );
  });

  it('optimal: a booking is a budget line, --compute and --inference-tokens (serve=) the query', () => {
    assert.equal(
      cellOf('optimal', '--gpus', '8', '--gpu', 'H100', '--days', '2', '--mfu', '40%').text,
      'budget this_budget gpus=8 gpu=H100 days=2 mfu=40%\noptimal this_budget',
    );
    assert.equal(cellOf('optimal', '--compute', '1e24', '--inference-tokens', '2T').text, 'optimal compute=1e24 serve=2T');
  });

  it('mixture: the file is a data line, the fit defaults to the joint law, --params and --tokens ask for the best mixture', () => {
    assert.equal(cellOf('mixture', 'runs.csv').text, 'data data_file from "runs.csv"\nfit data_file mixture=joint');
    const planned = cellOf(
      'mixture',
      "it's.csv",
      '--law',
      'additive',
      '--seed',
      '3',
      '--params',
      '7B',
      '--tokens',
      '150B',
      '--domains',
      'a,b',
    );
    assert.equal(
      planned.text,
      'data data_file from "it\'s.csv" domains=a,b\nfit data_file mixture=additive seed=3\noptimal mixture for data_file params=7B tokens=150B',
    );
    assert.equal(cellOf('mixture', 'say "x".csv').text.split('\n')[0], `data data_file from 'say "x".csv'`);
  });

  it('refuses values that would change the line, and one property given twice', () => {
    assert.throws(() => cellOf('check', '--params', '70B # note', '--tokens', '1T'), UsageError);
    assert.throws(() => cellOf('optimal', '--serve', '1T', '--inference-tokens', '2T'), /give --serve or --inference-tokens/);
  });

  it('every flag of every command goes to one line', () => {
    const commands = [...keywords().filter(isCliQuery).map(queryCommand), ...Object.values(DECLARING_COMMANDS)];
    for (const command of commands) assert.doesNotThrow(() => flagTargets(command), command.name);
  });
});

describe('cli: commands through the evaluator', () => {
  it('refuses --law beside --laws, where one of them would go unused', async () => {
    for (const argv of [
      ['compare', 'gopher', '--law', 'kaplan', '--laws', 'epoch'],
      ['plot', 'frontier', '--law', 'kaplan', '--laws', 'epoch'],
      ['returns', '--law', 'kaplan', '--laws', 'epoch'],
    ]) {
      const { status, err } = await runCli(...argv);
      assert.equal(status, 2, argv.join(' '));
      assert.match(err, /give --law or --laws, not both/);
    }
    assert.equal((await runCli('returns', '--law', 'kaplan')).status, 0);
    assert.equal((await runCli('returns', '--laws', 'epoch,kaplan')).status, 0);
  });

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
  // Every command the usage lists, the catalog's and the notebook's included.
  const listed = [...usage().matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1]);

  it('lists every query keyword of the language as a command, except transfer (it needs a table under it)', () => {
    for (const keyword of keywords().filter((word) => !['law', 'model', 'budget', 'data', 'transfer'].includes(word)))
      assert.ok(listed.includes(keyword), keyword);
  });

  it('lists the commands of old: run, check, optimal, fit, scan, laws, models, mixture', () => {
    for (const command of ['run', 'check', 'optimal', 'fit', 'scan', 'laws', 'models', 'mixture'])
      assert.ok(listed.includes(command), command);
  });
  for (const command of listed) {
    it(`${command} --help prints its usage and an example, and exits 0`, async () => {
      const { status, out, err } = await runCli(command, '--help');
      assert.equal(err, '');
      assert.equal(status, 0);
      assert.match(out, new RegExp(`^usage: scaling-notebook ${command}`));
      assert.match(out, new RegExp(`example: scaling-notebook ${command}`));
    });
  }

  it('check, optimal and mixture list the options of each line, from the registry, with defaults and older names', async () => {
    assert.match((await runCli('check', '--help')).out, /--unique +a count like 500B: unique tokens the training data is drawn from/);
    assert.match(
      (await runCli('check', '--help')).out,
      /--law +a law name like epoch, or "E=… A=… B=… alpha=… beta=…": .*\(default besiroglu2024\)/,
    );
    const optimal = (await runCli('optimal', '--help')).out;
    assert.match(optimal, /--gpus +a count like 2048: number of accelerators/);
    assert.match(optimal, /--inference-tokens the older name of --serve/);
    assert.match((await runCli('mixture', '--help')).out, /--law +joint or additive: .*\(default joint\)/);
  });

  it('a query command lists its options with their defaults, from the registry', async () => {
    const { out } = await runCli('coverage', '--help');
    assert.match(out, /--samples +a range of whole numbers like 1\.\.10000: .*\(default 1\.\.10000\)/);
    assert.match(out, /--target/);
  });
});
