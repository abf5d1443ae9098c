import * as assert from 'node:assert/strict';
import { itRefuses, runCli } from './memoryIo';

describe('cli tournament', () => {
  it('--candidates --comparisons --calls --json: the given tournament and the best within the budget', async () => {
    const { status, out } = await runCli(
      'tournament',
      '--generate',
      '30%',
      '--compare',
      '70%',
      '--candidates',
      '16',
      '--comparisons',
      '50',
      '--calls',
      '1000',
      '--json',
    );
    assert.equal(status, 0);
    const [given, best] = JSON.parse(out).tournaments;
    // 0.7^16 + ⌈log₂ 16⌉·e^(−2·50·0.2²) = 0.0033233 + 4·0.0183156 = 0.0765858, with 16·51 = 816 calls
    assert.ok(Math.abs(given.bound - 0.0765858486118968) < 1e-15);
    assert.equal(given.calls, 816);
    assert.ok(best.calls <= 1000 && best.bound < given.bound);
  });

  it('prints the bound term by term as text', async () => {
    const { status, out } = await runCli(
      'tournament',
      '--generate',
      '0.3',
      '--compare',
      '0.7',
      '--candidates',
      '16',
      '--comparisons',
      '50',
    );
    assert.equal(status, 0);
    assert.match(out, /as given\s+16\s+50\s+816\s+0\.00332\s+0\.0733\s+0\.0766\s+92\.3%/);
  });

  for (const [argv, message] of [
    [['tournament', '--compare', '0.7', '--calls', '10'], /tournament needs --generate …/],
    [['tournament', '--generate', '0.3', '--compare', '0.5', '--calls', '10'], /--compare: .*better than a coin flip/],
    [
      ['tournament', '--generate', '0.3', '--compare', '50%', '--calls', '10'],
      /--compare: compare \(p_comp\) must be above 50% and at most 100% .*, got 50%$/m,
    ],
    [
      ['tournament', '--generate', '30', '--compare', '0.7', '--calls', '10'],
      /--generate: generate \(p_gen\) must be above 0% and at most 100%, got 30 \(as a fraction that is 3000%\); write 30% or 0\.3/,
    ],
    [
      ['tournament', '--generate', '0.3', '--compare', '0.7', '--candidates', '4'],
      /needs --candidates … and --comparisons … together \(add --comparisons 50/,
    ],
    [['tournament', '--generate', '0.3', '--compare', '0.7'], /needs --candidates N --comparisons K, or a budget --calls …/],
    [
      ['tournament', '--generate', '0.3', '--compare', '0.7', '--candidates', '2.5', '--comparisons', '3'],
      /--candidates: candidates must be a whole number ≥ 1, got 2\.5/,
    ],
  ] as const) {
    itRefuses(argv, message);
  }
});
