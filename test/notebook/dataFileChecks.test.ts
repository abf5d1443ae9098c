import * as assert from 'node:assert/strict';
import { dataFileRefusal, type EntryFacts } from '../../src/notebook/dataFileChecks';

/** A workspace of entries by path from its root, as vscode.workspace.fs.stat would describe them. */
function workspace(entries: Record<string, EntryFacts>) {
  return async (step: string) => entries[step];
}

const FILE = { kind: 'file', size: 1000, mtime: 0 } as const;
const FOLDER = { kind: 'folder', size: 0, mtime: 0 } as const;
const LINK = { kind: 'link', size: 0, mtime: 0 } as const;

describe('notebook data file checks (issue 16 items 1, 2)', () => {
  it('reads a regular file below the cap inside real folders', async () => {
    assert.equal(
      await dataFileRefusal('runs/a.csv', ['runs', 'runs/a.csv'], workspace({ runs: FOLDER, 'runs/a.csv': FILE }), 64),
      undefined,
    );
  });

  it('refuses a file that is a symbolic link, and a file inside a linked folder', async () => {
    assert.match((await dataFileRefusal('p.csv', ['p.csv'], workspace({ 'p.csv': LINK }), 64))!, /"p\.csv" is a symbolic link/);
    assert.match(
      (await dataFileRefusal('runs/a.csv', ['runs', 'runs/a.csv'], workspace({ runs: LINK, 'runs/a.csv': FILE }), 64))!,
      /"runs" is a symbolic link/,
    );
  });

  it('refuses pipes, devices and folders', async () => {
    assert.match(
      (await dataFileRefusal('pipe.csv', ['pipe.csv'], workspace({ 'pipe.csv': { kind: 'other', size: 0, mtime: 0 } }), 64))!,
      /not a regular file/,
    );
    assert.match((await dataFileRefusal('runs', ['runs'], workspace({ runs: FOLDER }), 64))!, /is a folder/);
  });

  it('refuses a file above the cap, naming its size and the limit', async () => {
    const big = { kind: 'file', size: 65 * 2 ** 20, mtime: 0 } as const;
    assert.match(
      (await dataFileRefusal('big.csv', ['big.csv'], workspace({ 'big.csv': big }), 64))!,
      /"big\.csv" is 65 MB, above the 64 MB limit/,
    );
    assert.equal(await dataFileRefusal('big.csv', ['big.csv'], workspace({ 'big.csv': big }), 100), undefined);
  });

  it('says which file is missing', async () => {
    assert.equal(await dataFileRefusal('a.csv', ['a.csv'], workspace({}), 64), 'no such file a.csv');
  });
});
