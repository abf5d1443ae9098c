import * as assert from 'node:assert/strict';
import { itRefuses, runCli } from './memoryIo';

/** L = 0.5 + 100/√N + 100/√D, the toy law of the core tests. */
const TOY = 'E=0.5 A=100 B=100 alpha=0.5 beta=0.5';

describe('cli emergence', () => {
  it('--json: the 50% crossing of exact match over 10 tokens, (100/(ln 2/10 − 0.01))² ≈ 2.84M', async () => {
    const { status, out, err } = await runCli(
      'emergence',
      '--answer',
      '10',
      '--tokens',
      '100M',
      '--params',
      '1e4..1e10',
      '--offset',
      'E',
      '--law',
      TOY,
      '--json',
    );
    assert.equal(err, '');
    assert.equal(status, 0);
    const json = JSON.parse(out);
    assert.equal(json.offset, 0.5);
    assert.ok(Math.abs(json.crossings.threshold.point.params / 2842333.6668778043 - 1) < 1e-8);
  });

  it("prints why nothing emerges with the paper's p = e^(−L) under a law with a floor", async () => {
    const { status, out } = await runCli('emergence', '--answer', '20');
    assert.equal(status, 0);
    assert.match(out, /50% \(threshold\)\s+never/);
    assert.match(out, /nothing emerges/);
  });

  for (const [argv, message] of [
    [['emergence'], /emergence needs --answer … \(add --answer 20\)/],
    [['emergence', '--answer', '20', '--tokens', '1T', '--ratio', '20'], /--ratio: give --tokens … or --ratio …, not both/],
    [['emergence', '--answer', '20', '--offset', '3'], /--offset: offset must be between 0 and besiroglu2024's irreducible loss/],
    [['emergence', '--answer', '20', '--threshold', '0%'], /--threshold: threshold must be between 0% and 100% \(exclusive\), got 0%/],
    [
      ['emergence', '--answer', '20', '--threshold', '50'],
      /--threshold: threshold must be between 0% and 100% \(exclusive\), got 50 \(as a fraction that is 5000%\); write 50% or 0\.5/,
    ],
    [['emergence', '--answer', '20', '--params', '1e8'], /--params: params must be a range like 1e18\.\.1e26/],
  ] as const) {
    itRefuses(argv, message);
  }
});
