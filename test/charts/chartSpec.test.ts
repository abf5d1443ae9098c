import * as assert from 'node:assert/strict';
import { chartFileName } from '../../src/charts/chartSpec';

describe('charts/chartSpec', () => {
  it('makes file names safe on every platform', () => {
    assert.equal(chartFileName('loss-vs-tokens', '70B', 'parameters'), 'loss-vs-tokens-70b-parameters');
    assert.equal(chartFileName('frontier', 'my law/v2: "final"'), 'frontier-my-law-v2-final');
  });
});
