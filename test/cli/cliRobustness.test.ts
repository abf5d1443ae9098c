import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { outputFailure } from '../../src/cli/outputFailure';
import { terminalProgress } from '../../src/cli/terminalProgress';
import { itRefuses, memoryIo } from './memoryIo';

const ROOT = join(__dirname, '..', '..');
const LADDER = 'params,tokens,loss\n1e8,2e9,3.5\n4e8,8e9,3.1\n1e9,2e10,2.9\n3e9,6e10,2.7\n1e10,2e11,2.5\n';

describe('cli robustness (issue 16 item 9)', () => {
  itRefuses(
    ['fit', 'runs.csv', '--bootstrap', '1e9'],
    /^fit: --bootstrap: resamples must be at most 100,000 \(the cap notebooks have too\), got "1e9"$/,
  );

  it('a full disk on stdout is one line on stderr and exit status 2, not a stack trace', function () {
    if (process.platform !== 'linux') this.skip();
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(ROOT, 'src', 'cli.ts'), 'laws'], {
        cwd: ROOT,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      assert.equal(result.stderr, 'scaling-notebook: cannot write the output: ENOSPC: no space left on device, write\n');
      assert.equal(result.status, 2);
    } finally {
      closeSync(full);
    }
  });

  it('outputFailure: a closed pipe keeps the status so far and says nothing', () => {
    assert.deepEqual(outputFailure(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), 1), { status: 1 });
  });

  it('long CLI fits report progress where the io takes it (a terminal)', async () => {
    const io = memoryIo({ 'runs.csv': LADDER });
    const phases = new Set<string>();
    let last = 0;
    const status = await main(['fit', 'runs.csv', '--bootstrap', '20'], {
      ...io,
      progress: (finished, _total, phase) => (phases.add(phase), (last = finished)),
    });
    assert.equal(status, 0);
    assert.deepEqual([...phases], ['full fit', 'resamples']);
    assert.equal(last, 20);
  });

  it('terminalProgress redraws one line at most every 200 ms and erases it when done', () => {
    const written: string[] = [];
    let clock = 0;
    const progress = terminalProgress(
      (text) => written.push(text),
      () => clock,
    );
    progress(1, 100, 'resamples');
    clock = 100;
    progress(2, 100, 'resamples'); // too soon: skipped
    clock = 250;
    progress(3, 1000, 'resamples');
    progress(1000, 1000, 'resamples');
    assert.deepEqual(written, ['\r\x1b[Kresamples: 1 of 100', '\r\x1b[Kresamples: 3 of 1,000', '\r\x1b[K']);
  });
});
