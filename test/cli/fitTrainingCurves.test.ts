import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { memoryIo } from './memoryIo';

// Hoffmann et al. 2022's fitted law (Eq. 10): E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28.
const LAW = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
const loss = (params: number, tokens: number) => LAW.E + LAW.A / params ** LAW.alpha + LAW.B / tokens ** LAW.beta;

/**
 * Training curves whose final evaluations lie on the law and whose earlier ones lie 0.5 above it:
 * a fit of the final evaluations recovers the law, a fit of every evaluation would not.
 */
function curves(format: 'jsonl' | 'csv'): string {
  const rows: Array<[string, number, number, number]> = [];
  for (const params of [1e8, 3e8, 1e9, 3e9])
    for (const tokensPerParam of [5, 20, 80]) {
      const final = params * tokensPerParam;
      const run = `n${params}-d${tokensPerParam}`;
      for (const fraction of [0.25, 0.5]) rows.push([run, params, final * fraction, loss(params, final * fraction) + 0.5]);
      rows.push([run, params, final, loss(params, final)]);
    }
  if (format === 'jsonl')
    return rows.map(([run, params, tokens, value]) => JSON.stringify({ run, params, tokens, loss: value })).join('\n');
  return ['run,params,tokens,loss', ...rows.map((row) => row.join(','))].join('\n');
}

describe('cli fit: training curves on every approach', () => {
  for (const [format, argv] of [
    ['jsonl', []],
    ['jsonl', ['--approach', 'parametric']],
    ['csv', []],
  ] as const) {
    it(`fits each run's final evaluation of ${format} curves${argv.length ? ` with ${argv.join(' ')}` : ''}`, async () => {
      const file = `curves.${format}`;
      const io = memoryIo({ [file]: curves(format) });
      const status = await main(['fit', file, ...argv, '--json'], io);
      assert.equal(status, 0, io.stderr.join('\n'));
      const json = JSON.parse(io.stdout.join('\n'));
      assert.equal(json.points, 12);
      assert.ok(Math.abs(json.alpha - LAW.alpha) < 0.01, `α ${json.alpha}`);
      assert.ok(Math.abs(json.beta - LAW.beta) < 0.01, `β ${json.beta}`);
      assert.ok(Math.abs(json.E - LAW.E) < 0.01, `E ${json.E}`);
    });
  }

  it('says in the text that each run is its last evaluation', async () => {
    const io = memoryIo({ 'curves.jsonl': curves('jsonl') });
    assert.equal(await main(['fit', 'curves.jsonl'], io), 0, io.stderr.join('\n'));
    assert.match(io.stdout.join('\n'), /each run's last evaluation is its run/);
  });
});
