import * as assert from 'node:assert/strict';
import { assertDiagnostics, onlyResultData } from './helpers';

describe('language/returns', () => {
  it('tables each law\'s improvement per 10× compute and draws them', () => {
    const data = onlyResultData('returns compute=1e20..1e24 laws=epoch,kaplan');
    assert.deepEqual(data.laws.map((entry: { law: string }) => entry.law), ['besiroglu2024', 'kaplan2020']);
    assert.equal(data.laws[0].decades.length, 4);
    assert.ok(data.laws[0].improvementRatio < 1);
  });

  it('reports a range without a full decade at the range', () => {
    const [diagnostic] = assertDiagnostics('returns compute=1e20..5e20', 'invalid-value').diagnostics;
    assert.match(diagnostic.message, /at least one 10× step/);
    assert.deepEqual(diagnostic.span, { line: 0, start: 16, end: 26 });
  });
});
