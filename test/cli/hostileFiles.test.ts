import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isInside } from '../../src/cli/cliResources';
import { main } from '../../src/cli/main';
import { diskIo } from './memoryIo';

const RUNS = 'params,tokens,loss\n1e8,2e9,3.5\n4e8,8e9,3.1\n';

/** A notebook reading `path` as its only data set. */
function notebookReading(path: string): string {
  return `# t\n\n\`\`\`scaling\ndata x from "${path}"\n\`\`\`\n`;
}

describe('cli on hostile files (issue 16 items 1, 2, 5, 9)', () => {
  let folder: string;
  let outside: string;

  beforeEach(() => {
    // Real paths: on some systems the temporary folder is itself behind a link.
    folder = realpathSync(mkdtempSync(join(tmpdir(), 'scaling-hostile-')));
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'scaling-outside-')));
    writeFileSync(join(outside, 'secret.csv'), 'root:x:0:0:root:/root:/bin/bash\n');
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  async function run(...argv: string[]) {
    const io = diskIo(folder);
    const status = await main(argv, io);
    return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  }

  it('refuses a data file that is a symbolic link leading outside the workspace, and never echoes its text', async () => {
    symlinkSync(join(outside, 'secret.csv'), join(folder, 'p.csv'));
    writeFileSync(join(folder, 't.scaling'), notebookReading('p.csv'));
    const { status, out, err } = await run('run', 't.scaling');
    assert.equal(status, 1);
    assert.match(err, /t\.scaling:4:13: error: cannot read "p\.csv": "p\.csv" is a symbolic link .* leads outside the working directory/);
    assert.doesNotMatch(out + err, /root:x/);
  });

  it('refuses a data file inside a linked folder that leads outside', async () => {
    symlinkSync(outside, join(folder, 'runs'));
    writeFileSync(join(folder, 't.scaling'), notebookReading('runs/secret.csv'));
    const { err } = await run('run', 't.scaling');
    assert.match(err, /leads outside the working directory/);
    assert.doesNotMatch(err, /root:x/);
  });

  it('still reads a link that stays inside the workspace, and a file named ..data.csv', async () => {
    mkdirSync(join(folder, 'runs'));
    writeFileSync(join(folder, 'runs', 'ladder.csv'), RUNS);
    symlinkSync(join(folder, 'runs', 'ladder.csv'), join(folder, 'link.csv'));
    writeFileSync(join(folder, '..data.csv'), RUNS);
    for (const path of ['link.csv', '..data.csv']) {
      writeFileSync(join(folder, 't.scaling'), notebookReading(path));
      const { status, out, err } = await run('run', 't.scaling');
      assert.equal(err, '', path);
      assert.equal(status, 0);
      assert.match(out, new RegExp(`x: 2 runs from "${path.replace(/\./g, '\\.')}"`));
    }
  });

  it('isInside: ..data.csv is inside, ../data.csv and .. are not', () => {
    assert.ok(isInside('/work', '/work/..data.csv'));
    assert.ok(isInside('/work', '/work/...'));
    assert.ok(!isInside('/work', '/data.csv'));
    assert.ok(!isInside('/work', '/'));
    assert.ok(isInside('/work', '/work'));
  });

  it('refuses a named pipe at once instead of hanging', async function () {
    execFileSync('mkfifo', [join(folder, 'pipe.csv')]);
    writeFileSync(join(folder, 't.scaling'), notebookReading('pipe.csv'));
    const { status, err } = await run('run', 't.scaling');
    assert.equal(status, 1);
    assert.match(err, /"[^"]*pipe\.csv" is a named pipe: only regular files are read/);
  });

  it('refuses a device (fit on a link to /dev/zero) with one line instead of exhausting memory', async () => {
    symlinkSync('/dev/zero', join(folder, 'zero.csv'));
    const { status, err } = await run('fit', 'zero.csv');
    assert.equal(status, 2);
    assert.equal(err, 'fit: cannot read zero.csv: "zero.csv" is a device: only regular files are read');
  });

  it('refuses a file above --max-file-megabytes, naming the limit; the default of 64 MB reads it', async () => {
    writeFileSync(join(folder, 'runs.csv'), RUNS + '1e9,2e10,2.9\n'.repeat(90_000)); // 43 + 90,000 · 13 = 1,170,043 bytes = 1.12 MB
    const capped = await run('fit', 'runs.csv', '--max-file-megabytes', '1');
    assert.equal(capped.status, 2);
    assert.match(
      capped.err,
      /^fit: cannot read runs\.csv: "runs\.csv" is 1\.12 MB, above the 1 MB limit for files read \(raise it with the scaling\.data\.maxFileMegabytes setting or --max-file-megabytes\)$/,
    );
    writeFileSync(join(folder, 't.scaling'), notebookReading('runs.csv'));
    const notebook = await run('run', '--max-file-megabytes=1', 't.scaling');
    assert.match(notebook.err, /above the 1 MB limit/);
    assert.match(
      (await run('fit', 'runs.csv', '--max-file-megabytes', '0')).err,
      /--max-file-megabytes needs a number of megabytes above zero, got "0"/,
    );
  });

  it('runs a notebook whose first fence follows a UTF-8 byte-order mark', async () => {
    writeFileSync(join(folder, 'bom.scaling'), '\uFEFF```scaling\nmodel m params=1B tokens=20B\n```\n');
    const { status, out, err } = await run('run', 'bom.scaling', '--format', 'json');
    assert.equal(err, '');
    assert.equal(status, 0);
    assert.equal(JSON.parse(out).cells.length, 1);
  });
});
