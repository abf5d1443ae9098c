import * as assert from 'node:assert/strict';
import { formatCount, formatScientific } from '../../src/core';
import { countExpr, lossExpr, scientificExpr } from '../../src/charts';
import { renderHeadless } from './vegaLiteKit';

/** Evaluates `expression(datum.value)` for each value through vega's interpreter, as the renderer does. */
async function evaluate(expression: (ref: string) => string, values: number[]): Promise<unknown[]> {
  const { data } = await renderHeadless({
    data: { values: values.map((value) => ({ value })) },
    transform: [{ calculate: expression('datum.value'), as: 'text' }],
    mark: 'text',
    encoding: { text: { field: 'text', type: 'nominal' } },
  });
  return data('data_0').map((row) => row.text);
}

describe('charts/labelExpressions', () => {
  const counts = [1, 20, 0.5, 999, 1234, 7e10, 6.7e9, 1.4e12, 999.96e9, 2e15, 3.5e17, 1e18, 2.5e21];

  it('formats counts in the webview exactly as formatCount does in the text (70B, 1.4T, 1e18)', async () => {
    assert.deepEqual(
      await evaluate(countExpr, counts),
      counts.map((value) => formatCount(value)),
    );
  });

  it('formats FLOPs exactly as formatScientific does (5.76e23, 1e21)', async () => {
    const flops = [1e21, 5.76e23, 3.14e18, 1e-3, 6e25, 6, 120, 999.4, 999.6, 0.9996];
    assert.deepEqual(
      await evaluate(scientificExpr, flops),
      flops.map((value) => formatScientific(value)),
    );
  });

  it('formats losses to four significant digits', async () => {
    assert.deepEqual(await evaluate(lossExpr, [2.03125, 1.8169, 3]), ['2.031', '1.817', '3']);
  });
});
