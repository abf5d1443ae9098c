import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { formatRunsCsv } from '../../src/core/fit';
import { risingRuns } from '../core/fit/risingRuns';
import { diskIo, memoryIo } from './memoryIo';

const ROOT = join(__dirname, '..', '..');

describe('cli fit', () => {
  it('fits the shipped ladder and prints the constants with bootstrap intervals as JSON', async () => {
    const io = diskIo(ROOT);
    const status = await main(['fit', 'examples/runs/ladder.csv', '--bootstrap', '40', '--seed', '3', '--json'], io);
    assert.equal(status, 0, io.stderr.join('\n'));
    const json = JSON.parse(io.stdout.join('\n'));
    for (const key of ['E', 'A', 'B', 'alpha', 'beta', 'objective']) assert.equal(typeof json[key], 'number', key);
    assert.equal(json.points, 53);
    assert.equal(json.starts, 4500);
    assert.equal(json.ci.samples, 40);
    assert.ok(json.ci.alpha.low <= json.alpha && json.alpha <= json.ci.alpha.high);
    assert.equal(json.searchedStarts, 40);
    // The bounds are the 2.5th and 97.5th percentiles, so B's interval is not symmetric about B.
    assert.equal(json.ci.method, 'percentile');
    assert.deepEqual(json.ci.percentiles, [2.5, 97.5]);
    assert.ok(json.ci.B.high - json.B > 2 * (json.B - json.ci.B.low), `B ${json.B} [${json.ci.B.low}, ${json.ci.B.high}]`);
    assert.equal(typeof json.ci.B.standardError, 'number');
  });

  it('names the intervals percentile intervals in text, with the widest asymmetry', async () => {
    const io = diskIo(ROOT);
    assert.equal(await main(['fit', 'examples/runs/ladder.csv', '--bootstrap', '40', '--seed', '3', '--confidence', '90%'], io), 0);
    const text = io.stdout.join('\n');
    assert.match(text, /90% bootstrap percentile intervals \(5th–95th percentiles of 40 resamples\)/);
    assert.match(text, /not ± a standard error, so they can be asymmetric: [AB] [\d.]+ is −[\d.]+ \/ \+[\d.]+\./);
  });

  it("--predict: the fitted law carries the runs' ranges and says how far a planned run extrapolates", async () => {
    // Six runs: N 100M–400M, D 2B–8B, C = 6ND from 1.2e18 to 1.92e19. A 7B model on 140B tokens lies
    // log10(7e9/4e8) = 1.24 decades above in N, log10(140/8) = 1.24 in D, log10(5.88e21/1.92e19) = 2.5 in C.
    const io = memoryIo({ 'runs.csv': 'N,D,val_loss\n1e8,2e9,3.3\n2e8,2e9,3.2\n1e8,4e9,3.15\n2e8,4e9,3.0\n4e8,4e9,2.95\n4e8,8e9,2.8\n' });
    assert.equal(await main(['fit', 'runs.csv', '--predict', '7B:140B,200M:4B', '--json'], io), 0, io.stderr.join('\n'));
    const json = JSON.parse(io.stdout.join('\n'));
    assert.deepEqual(json.validity.params, { low: 1e8, high: 4e8 });
    assert.equal(json.predictions.length, 2);
    assert.deepEqual(json.predictions[1].extrapolation, []);
    assert.equal(json.extrapolation.length, 3);
    const first = /^7B:140B: N = 7B is 1\.2 decades above the largest model the fitted law was fitted on \(400M; the 6 runs/;
    assert.match(json.extrapolation[0], first);
    assert.match(json.extrapolation[2], /C = 5\.88e21 FLOP is 2\.5 decades above/);
  });

  it('prints a table of constants by default', async () => {
    const io = memoryIo({ 'runs.csv': 'N,D,val_loss\n1e8,2e9,3.3\n2e8,2e9,3.2\n1e8,4e9,3.15\n2e8,4e9,3.0\n4e8,4e9,2.95\n4e8,8e9,2.8\n' });
    const status = await main(['fit', 'runs.csv'], io);
    assert.equal(status, 0, io.stderr.join('\n'));
    assert.match(io.stdout.join('\n'), /Fitted constants[\s\S]*α/);
    assert.match(io.stdout.join('\n'), /parameters from "N", tokens from "D", loss from "val_loss"/);
  });

  it('names the row and column of bad data, and rejects bad arguments with status 2', async () => {
    const bad = memoryIo({ 'bad.csv': 'params,tokens,loss\n1e8,2e9,NaN\n' });
    assert.equal(await main(['fit', 'bad.csv'], bad), 2);
    assert.match(bad.stderr.join('\n'), /line 2, column "loss": "NaN" is not a number/);
    const io = memoryIo({ 'x.csv': '' });
    assert.equal(await main(['fit', 'x.csv', '--bootstrap', '-3'], io), 2);
    assert.match(io.stderr.join('\n'), /--bootstrap: resamples must be a whole number/);
  });

  describe('unusable fits and bad data', () => {
    // Loss rising with model size: the fitted α is negative, so the constants are no law.
    const rising = formatRunsCsv(risingRuns());

    it('text mode prints the constants and warnings of a fit that is no law, and exits 1', async () => {
      const io = memoryIo({ 'rising.csv': rising });
      assert.equal(await main(['fit', 'rising.csv'], io), 1);
      assert.match(io.stdout.join('\n'), /Fitted constants[\s\S]*α = -[\d.]+ is not positive/);
      assert.match(io.stderr.join('\n'), /^fit: rising\.csv: the fitted constants are not a usable law \(α = -[\d.]+\)/);
    });

    it('JSON mode prints the same fit with usable: false and exits 1', async () => {
      const io = memoryIo({ 'rising.csv': rising });
      assert.equal(await main(['fit', 'rising.csv', '--json'], io), 1);
      const json = JSON.parse(io.stdout.join('\n'));
      assert.equal(json.usable, false);
      assert.ok(json.alpha < 0);
      assert.match(json.warnings.join('\n'), /is not positive/);
    });

    it('CSV errors start with the file name; bad data and too few runs both exit 2', async () => {
      const bad = memoryIo({ 'runs.csv': 'params,tokens,loss\n1e8,2e9,NaN\n' });
      assert.equal(await main(['fit', 'runs.csv'], bad), 2);
      assert.match(bad.stderr.join('\n'), /^fit: runs\.csv: line 2, column "loss"/);
      const few = memoryIo({ 'few.csv': 'params,tokens,loss\n1e8,2e9,3.1\n2e8,4e9,2.9\n' });
      assert.equal(await main(['fit', 'few.csv'], few), 2);
      assert.match(few.stderr.join('\n'), /^fit: few\.csv: 2 points cannot determine 5 free parameters/);
    });

    it('a usable fit to six runs exits 0 but warns that six runs cannot determine five constants', async () => {
      const io = memoryIo({ 'runs.csv': 'N,D,val_loss\n1e8,2e9,3.3\n2e8,2e9,3.2\n1e8,4e9,3.15\n2e8,4e9,3.0\n4e8,4e9,2.95\n4e8,8e9,2.8\n' });
      assert.equal(await main(['fit', 'runs.csv'], io), 0, io.stderr.join('\n'));
      assert.match(io.stdout.join('\n'), /6 runs for 5 fitted constants/);
    });
  });
});
