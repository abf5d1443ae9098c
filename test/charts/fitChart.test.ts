import * as assert from 'node:assert/strict';
import { findPresetLaw, type FitPoint } from '../../src/core';
import { fitChart, fitResiduals } from '../../src/charts/fitChart';
import { assertValidVegaLite, datasetWhere, inlineDatasets, renderHeadless } from './vegaLiteKit';

const epoch = findPresetLaw('epoch')!;

/** Three model sizes, each trained at three token counts, 1% off the law in alternating directions. */
const runs: FitPoint[] = [70e6, 300e6, 1.2e9].flatMap((params, size) =>
  [2e9, 6e9, 20e9].map((tokens, step) => ({
    params,
    tokens,
    loss: epoch.loss(params, tokens) * (1 + ((size + step) % 2 ? 0.01 : -0.01)),
    source: `line ${3 * size + step + 2}`,
  })),
);
const planned = [
  { name: 'Target 7B', params: 7e9, tokens: 140e9, loss: { low: 2.1, high: 2.3 } },
  { name: 'Probe 1B', params: 1e9, tokens: 10e9 },
];

const isRun = (row: Record<string, unknown>) => 'residual' in row;
const isCurveSample = (row: Record<string, unknown>) => 'size' in row && !('residual' in row);

/** A spec node as the tooltip helper walks it. */
interface SpecNode {
  readonly data?: { values?: Array<Record<string, unknown>> };
  readonly transform?: object[];
  readonly encoding?: { tooltip?: Array<{ field: string; title: string }> };
  readonly layer?: SpecNode[];
}

/** The tooltip, title to text, of every row of the layer whose rows satisfy `isRow`, evaluated by vega's interpreter. */
async function tooltips(spec: unknown, isRow: (row: Record<string, unknown>) => boolean): Promise<Array<Record<string, unknown>>> {
  const layers = (node: SpecNode): SpecNode[] => [node, ...(node.layer ?? []).flatMap(layers)];
  const found = layers(spec as SpecNode).find((node) => node.encoding?.tooltip && node.data?.values?.every(isRow));
  assert.ok(found, 'no layer with a tooltip over such rows');
  const tooltip = found.encoding!.tooltip!;
  const { data } = await renderHeadless({ data: found.data, transform: found.transform, mark: 'point', encoding: { tooltip } });
  return data('data_0').map((row) => Object.fromEntries(tooltip.map(({ field, title }) => [title, row[field]])));
}

describe('charts/fitChart', () => {
  const chart = fitChart({ law: epoch, points: runs, planned, samples: 9 });
  const layers = chart.spec.layer as Array<Record<string, unknown>>;

  it('validates against the Vega-Lite schema and follows the chart conventions', () => {
    assertValidVegaLite(chart.spec);
    assert.equal(chart.spec.width, 'container');
    assert.equal(chart.spec.config, undefined);
    assert.deepEqual(chart.spec.title, {
      text: 'Fitted law against your runs',
      subtitle: `Law: ${epoch.name} · dashed: extrapolated · ◆ planned runs, bars: loss interval`,
    });
    assert.equal(chart.fileName, 'fit-besiroglu2024');
    assert.equal(chart.droppedPoints, 0);
  });

  it('renders through the CSP-safe interpreter without warnings, with a count legend and formatted tooltips', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const { texts, svg } = await renderHeadless(chart.spec);
      assert.match(svg, /<path/);
      for (const label of ['Parameters', '70M', '300M', '1.2B', 'Target 7B', 'Training tokens D', 'Loss L (nats/token)']) {
        assert.ok(texts.includes(label), `missing label ${label}`);
      }
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(warnings, []);
  });

  it('draws one curve per model size with the law’s loss, over the runs’ tokens and dashed on to the planned ones', () => {
    const [solid, dashed] = inlineDatasets(chart.spec).filter((rows) => rows.length > 0 && rows.every(isCurveSample));
    for (const [curve, from, to] of [
      [solid, 2e9, 20e9],
      [dashed, 20e9, 140e9],
    ] as const) {
      assert.equal(curve.length, 3 * 9);
      for (const params of [70e6, 300e6, 1.2e9]) {
        const tokens = curve.filter((row) => row.params === params).map((row) => row.tokens as number);
        assert.deepEqual([tokens.length, tokens[0], tokens[8]], [9, from, to]);
      }
      for (const row of curve) assert.equal(row.loss, epoch.loss(row.params as number, row.tokens as number));
    }
    const dashedLayer = layers.find((layer) => (layer.data as { values: unknown })?.values === dashed)!;
    assert.deepEqual((dashedLayer.encoding as Record<string, unknown>).strokeDash, { value: [6, 4] });
  });

  it('does not extrapolate when no planned run goes beyond the data', () => {
    const within = fitChart({ law: epoch, points: runs, planned: [{ name: 'small', params: 1e8, tokens: 5e9 }] });
    assert.equal(inlineDatasets(within.spec).filter((rows) => rows.length > 0 && rows.every(isCurveSample)).length, 1);
    assert.doesNotMatch((within.spec.title as { subtitle: string }).subtitle, /dashed|bars/);
  });

  it('computes residuals as observed − fitted, absolute and relative, labelled by run', () => {
    const residuals = fitResiduals(epoch, runs);
    assert.equal(residuals.length, runs.length);
    residuals.forEach((row, index) => {
      const fitted = epoch.loss(runs[index].params, runs[index].tokens);
      assert.equal(row.fitted, fitted);
      assert.equal(row.residual, runs[index].loss - fitted);
      assert.ok(Math.abs(Math.abs(row.relative) - 0.01) < 1e-12);
      assert.equal(row.source, `line ${index + 2}`);
    });
    assert.equal(fitResiduals(epoch, [{ params: 1e8, tokens: 1e9, loss: 3 }])[0].source, 'row 1');
    // The chart's copies carry the colour group too (and vega's ids once rendered): compare the residuals' own fields.
    const plotted = datasetWhere(chart.spec, isRun).map((row) =>
      Object.fromEntries(Object.keys(residuals[0]).map((key) => [key, row[key]])),
    );
    assert.deepEqual(plotted, residuals);
  });

  it('puts the planned runs at their predicted loss, the interval as a rule from low to high', () => {
    const points = datasetWhere(chart.spec, (row) => 'model' in row);
    assert.deepEqual(
      points.map((row) => [row.model, row.loss]),
      planned.map((run) => [run.name, epoch.loss(run.params, run.tokens)]),
    );
    const rule = layers.find((layer) => (layer.mark as { type: string } | undefined)?.type === 'rule')!;
    assert.deepEqual(
      (rule.data as { values: Array<Record<string, unknown>> }).values.map(({ tokens, low, high }) => ({ tokens, low, high })),
      [{ tokens: 140e9, low: 2.1, high: 2.3 }],
    );
    const encoding = rule.encoding as Record<string, { field: string }>;
    assert.deepEqual([encoding.x.field, encoding.y.field, encoding.y2.field], ['tokens', 'low', 'high']);
  });

  it('shows runs and planned runs in tooltips formatted as the text output, with residuals and intervals', async () => {
    const [run] = await tooltips(chart.spec, isRun);
    assert.deepEqual(run, {
      Parameters: '70M',
      Tokens: '2B',
      'Loss (nats/token)': '3.507',
      Run: 'line 2',
      'Fitted loss': '3.542',
      'Residual (observed − fitted)': '−0.03542 (−1%)',
    });
    const [target, probe] = await tooltips(chart.spec, (row) => 'model' in row);
    assert.deepEqual([target.Model, target.Parameters, target.Tokens, target['Loss interval']], ['Target 7B', '7B', '140B', '2.1 – 2.3']);
    assert.equal(probe['Loss interval'], 'not computed');
  });

  it('drops and counts runs and planned values a log axis cannot show', () => {
    const broken = fitChart({
      law: epoch,
      points: [
        ...runs,
        { params: 0, tokens: 1e9, loss: 3 },
        { params: 1e8, tokens: Number.NaN, loss: 3 },
        { params: 1e8, tokens: 1e9, loss: -1 },
      ],
      planned: [
        { name: 'bad', params: -1, tokens: 1e10 },
        { name: 'bad interval', params: 1e9, tokens: 1e10, loss: { low: 0, high: 3 } },
      ],
      samples: 5,
    });
    // Three runs, one planned run, and one planned run's interval (its point is still drawn).
    assert.equal(broken.droppedPoints, 3 + 1 + 1);
    assert.equal(datasetWhere(broken.spec, isRun).length, runs.length);
    assertValidVegaLite(broken.spec);
  });

  it('bins more than ten model sizes by decade in the legend, one curve per size still', async () => {
    const sizes = Array.from({ length: 12 }, (_, index) => 2e7 * 1.6 ** index);
    const many = fitChart({
      law: epoch,
      points: sizes.map((params) => ({ params, tokens: 20 * params, loss: epoch.loss(params, 20 * params) })),
      samples: 4,
    });
    const rows = datasetWhere(many.spec, isRun);
    assert.deepEqual([...new Set(rows.map((row) => row.size))], [1e7, 1e8, 1e9]);
    assert.equal(datasetWhere(many.spec, isCurveSample).length, 12 * 4);
    const { texts } = await renderHeadless(many.spec);
    for (const label of ['10M–100M', '100M–1B', '1B–10B']) assert.ok(texts.includes(label), `missing legend label ${label}`);
  });
});
