import * as assert from 'node:assert/strict';
import { PRESET_LAWS } from '../../src/core';
import { evaluateLast } from './helpers';

const frontiers = (line: string) => evaluateLast(line).results[0].tables.map((table) => table.caption);

describe('language/plot laws', () => {
  it('draws exactly the laws named in laws=', () => {
    assert.deepEqual(frontiers('plot laws laws=epoch,kaplan'), ['Frontier under besiroglu2024', 'Frontier under kaplan2020']);
  });

  it('draws the active law and every preset when no laws= is given', () => {
    const captions = frontiers('plot laws');
    assert.equal(captions.length, PRESET_LAWS.length);
    assert.equal(captions[0], 'Frontier under besiroglu2024');
    for (const law of PRESET_LAWS) assert.ok(captions.includes(`Frontier under ${law.id}`), law.id);
  });
});
