import * as assert from 'node:assert/strict';
import { formatFileSize } from '../../src/core';
import { fileTooLargeMessage } from '../../src/language/limits';

describe('language/limits', () => {
  it('writes a small file over a small limit in units that tell them apart (2,000 bytes over 0.001 MB = 1,048.576 bytes)', () => {
    // 2000 / 1024 = 1.953 KB; 0.001 · 2^20 / 1024 = 1.024 KB.
    const message = fileTooLargeMessage('runs.csv', 2000, 0.001);
    assert.match(message, /^"runs\.csv" is 1\.95 KB, above the 0\.001 MB limit \(1\.02 KB\) for files read/);
  });

  it('adds digits until the size and the limit differ (1 MB + 1 KB over a 1 MB limit), and repeats no equal limit', () => {
    // (2^20 + 1024) / 2^20 = 1.0009765625 MB: three digits read 1, four 1.001.
    const message = fileTooLargeMessage('big.csv', 2 ** 20 + 1024, 1);
    assert.match(message, /^"big\.csv" is 1\.001 MB, above the 1 MB limit for files read/);
  });

  it('formats file sizes in bytes, KB and MB, singular for one byte', () => {
    assert.deepEqual(
      [1, 500, 1536, 3 * 2 ** 20].map((bytes) => formatFileSize(bytes)),
      ['1 byte', '500 bytes', '1.5 KB', '3 MB'],
    );
  });
});
