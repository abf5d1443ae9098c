import * as assert from 'node:assert/strict';
import type { ChartSpec } from '../../src/charts';
import type { ResultChart } from '../../src/language/output/resultPayload';
import { assertRendersCleanly, assertValidVegaLite, inlineDatasets } from './vegaLiteKit';

/**
 * The checks every chart passes, whatever its axes: a valid Vega-Lite spec that follows the output's
 * width, carries its data, leaves colours to the renderer, renders under the webview's CSP without
 * warnings as a structurally valid ResultChart, and has a portable file name.
 */
export function itFollowsChartBasics(chart: ChartSpec): void {
  it('validates against the Vega-Lite JSON schema', () => {
    assertValidVegaLite(chart.spec);
  });

  it('follows the container width, keeps data inline and leaves colours to the renderer', () => {
    assert.equal(chart.spec.width, 'container');
    assert.equal(chart.spec.config, undefined);
    assert.ok(!JSON.stringify(chart.spec).includes('"url"'), 'data must be inline');
    assert.ok(inlineDatasets(chart.spec).length > 0);
  });

  it('renders through the CSP-safe interpreter without warnings, in a structurally valid ResultChart', async () => {
    const asResult: ResultChart = chart;
    await assertRendersCleanly(asResult.spec);
  });

  it('has a file name safe on every platform', () => {
    assert.match(chart.fileName, /^[a-z0-9][a-z0-9.-]*$/);
  });
}
