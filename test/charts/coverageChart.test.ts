import * as assert from 'node:assert/strict';
import { coverageAt } from '../../src/core';
import { coverageChart } from '../../src/charts';
import { datasetWhere, relativeDifference, renderHeadless } from './vegaLiteKit';

describe('charts/coverageChart', () => {
  const chart = coverageChart({ rates: { kind: 'beta', a: 0.3, b: 3 }, samples: [1, 10000], target: 0.9, points: 9 });
  const coverageRows = datasetWhere(chart.spec, (row) => String(row.series).startsWith('coverage'));

  it('draws coverage at whole numbers of samples from 1 to 10,000', () => {
    assert.deepEqual(
      coverageRows.map((row) => row.samples),
      [1, 3, 10, 32, 100, 316, 1000, 3162, 10000],
    );
    // k = 1: coverage is the mean rate a/(a + b) = 0.3/3.3 = 0.0909
    assert.ok(relativeDifference(coverageRows[0].coverage as number, 0.3 / 3.3) < 1e-13);
    for (const row of coverageRows) assert.equal(row.coverage, coverageAt({ kind: 'beta', a: 0.3, b: 3 }, row.samples as number));
  });

  it('draws the large-k limit Γ(3.3)/Γ(3)·k^(−0.3) dashed', () => {
    const limit = datasetWhere(chart.spec, (row) => !('series' in row) && 'negLogCoverage' in row);
    // Γ(3.3)/Γ(3) = 2.99·Γ(1.3)/2 = 1.3417187; at k = 10,000: 1.3417187·10^(−1.2) = 0.0846540
    assert.ok(relativeDifference(limit[limit.length - 1].negLogCoverage as number, 1.3417186909778838 * 10000 ** -0.3) < 1e-13);
  });

  it('marks the samples that reach the target, labelled on the side with room', async () => {
    const [marker] = datasetWhere(chart.spec, (row) => 'label' in row);
    assert.deepEqual(marker, { samples: 5737, label: '90% at k = 5,737' });
    const { texts } = await renderHeadless(chart.spec);
    assert.ok(texts.includes('90% at k = 5,737') && texts.includes('10K') && texts.includes('100%'), texts.join(' | '));
  });

  it('cuts −ln coverage off at 1e-6 where one rate sends it through hundreds of decades, and says so', () => {
    const single = coverageChart({ rates: { kind: 'single', p: 0.05 }, samples: [1, 10000], points: 9 });
    const negLog = datasetWhere(single.spec, (row) => String(row.series).startsWith('−ln'));
    // −ln(1 − 0.95^k) ≈ 0.95^k < 1e-6 once k > ln(1e-6)/ln(0.95) = 269: k = 316 and above are cut.
    assert.deepEqual(
      negLog.map((row) => row.samples),
      [1, 3, 10, 32, 100],
    );
    assert.match(JSON.stringify(single.spec.title), /drawn down to 0\.000001/);
    assert.equal(single.droppedPoints, 0);
  });

  it('leaves the marker out when the target is reached outside the range', () => {
    const short = coverageChart({ rates: { kind: 'beta', a: 0.3, b: 3 }, samples: [1, 100], target: 0.9 });
    assert.ok(!JSON.stringify(short.spec).includes('"label"'));
  });
});
