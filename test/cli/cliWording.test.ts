import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { itRefuses, memoryIo, runCli } from './memoryIo';

describe("cli wording: the evaluator's messages in the command line's words", () => {
  // The command the user ran, not the keyword of the statement it stands for (model, budget, optimal).
  itRefuses(['check', '--params', '70B'], /^check needs --tokens … \(add --tokens 1\.4T\)$/);
  itRefuses(['optimal', '--gpus', '1024', '--gpu', 'H100', '--days', '30'], /^optimal needs --mfu … \(add --mfu/);
  // No "declare it above": the catalog command that lists the names.
  itRefuses(['check', 'foo'], /^check: unknown model "foo" \(not a catalog model; `scaling-notebook models` lists them\)$/);
  itRefuses(['optimal', 'cluster'], /^optimal: unknown model "cluster" \(not a catalog model; `scaling-notebook models` lists them\)$/);
  itRefuses(
    ['returns', '--laws', 'epok'],
    /^returns: --laws: unknown law "epok" \(not a catalog law; `scaling-notebook laws` lists them\)$/,
  );
  itRefuses(['plot', 'frontier', '--models', 'gopher,foo'], /^plot: --models: unknown model "foo" \(not a catalog model;/);
  // The flag once, numbers not "in a cell".
  itRefuses(
    ['check', '--params', '1e50', '--tokens', '1T'],
    /^check: --params 1e50 is out of range: numbers must be zero or of magnitude from 1e-30 to 1e40 \(/,
  );
  // What to give on the command line, not a notebook's `optimal cluster`.
  itRefuses(['optimal'], /\(e\.g\. optimal --compute 1e24, or optimal --gpus 1024 --gpu H100 --days 30 --mfu 40%, or optimal --loss 1\.95/);

  // A word with spaces is a name, not a flag; a count suffix split from its value is joined back.
  itRefuses(
    ['check', 'llama 3 8b'],
    /^check: "llama 3 8b" is not a name: names are one word .*\(write it as one word, e\.g\. llama-3-8b\)$/,
  );
  itRefuses(
    ['check', '--params', '70B', '--tokens', '1.4', 'T'],
    /^check: did you mean --tokens 1\.4T\? \(write a count without a space\)$/,
  );
  itRefuses(['optimal', '--compute', '5.76e23', '--serve', '2', 'T'], /^optimal: did you mean --serve 2T\?/);
  itRefuses(['check', '--params', '70B', '--tokens', '1.4T', 'T'], /^check: unknown model "T"/);

  it('names --predict once', async () => {
    const io = memoryIo({ 'runs.csv': 'params,tokens,loss\n1e8,2e9,3.1\n' });
    assert.equal(await main(['fit', 'runs.csv', '--predict', '7B'], io), 2);
    assert.equal(io.stderr.join('\n'), 'fit: --predict: expected N:D pairs like 7B:140B, got "7B"');
  });

  it('says a file is read relative to the working directory, not the notebook', async () => {
    const { status, err } = await runCli('mixture', 'nope.csv');
    assert.equal(status, 2);
    assert.match(err, /^mixture: cannot read "nope\.csv": .*\(paths are relative to the working directory\)$/);
  });

  it("never suggests the cell's own declarations (model, this_budget, data_file) as names", async () => {
    const { status, err } = await runCli('check', '--params', '7B', '--tokens', '1T', 'modl');
    assert.equal(status, 2);
    assert.equal(err, 'check: unknown model "modl" (not a catalog model; `scaling-notebook models` lists them)');
  });
  itRefuses(['optimal', '--compute', '1e24', 'gopher'], /^optimal needs exactly one of: /);
});
