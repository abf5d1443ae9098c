import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { memoryIo } from './memoryIo';

/** For each call, a test that the CLI exits 2 with one line on stderr matching its message. */
export function itExitsWithUsageErrors(calls: ReadonlyArray<readonly [readonly string[], RegExp]>, files: Record<string, string> = {}): void {
  for (const [argv, message] of calls) {
    it(`exits 2 with one line for: ${argv.join(' ')}`, async () => {
      const io = memoryIo(files);
      const status = await main(argv, io);
      const err = io.stderr.join('\n');
      assert.equal(status, 2);
      assert.match(err, message);
      assert.equal(err.split('\n').length, 1);
    });
  }
}
