import { fittedRangeDash, lawColor, logAxis, tooltipOf } from './chartEncodings';
import { labelledPointsLayer, lineLayer } from './chartLayers';
import { modelRow, plottableFrontier } from './chartRows';
import { chartFileName, layeredChart, REFERENCE_STYLE, lawsSubtitle, type ChartSpec, type ComputeSweepInput } from './chartSpec';
import { keepLogPlottable } from './plottable';

/**
 * The rule of thumb taken from Hoffmann et al. 2022 (Table 3: about 20 tokens per parameter at
 * every compute-optimal size), drawn as a reference line.
 */
export const RULE_OF_THUMB_TOKENS_PER_PARAM = 20;

/**
 * Each law's compute-optimal tokens per parameter against compute, declared models as labelled
 * points, and the 20-tokens-per-parameter rule of thumb as a dashed reference line.
 *
 * @example tokensPerParamChart({ laws: PRESET_LAWS, compute: [1e20, 1e26], models: [{ name: 'Llama 3 8B', params: 8e9, tokens: 15e12 }] })
 */
export function tokensPerParamChart(input: ComputeSweepInput): ChartSpec {
  const optima = plottableFrontier(input, ['compute', 'tokensPerParam']);
  const models = keepLogPlottable((input.models ?? []).map(modelRow), ['compute', 'tokensPerParam']);
  const ruleOfThumb = { tokensPerParam: RULE_OF_THUMB_TOKENS_PER_PARAM };
  const x = logAxis(
    'compute',
    [...optima.rows, ...models.rows].map((row) => row.compute),
  );
  const y = logAxis(
    'tokensPerParam',
    [...optima.rows, ...models.rows, ruleOfThumb].map((row) => row.tokensPerParam),
  );

  const layers: object[] = [
    {
      data: { values: [ruleOfThumb] },
      encoding: { y: y.channel('tokensPerParam') },
      layer: [
        { mark: { type: 'rule', style: REFERENCE_STYLE, strokeDash: [6, 4] } },
        {
          // At the right end, where Chinchilla-form optima have drifted away from 20:1, the label is clear of the lines.
          mark: { type: 'text', style: REFERENCE_STYLE, align: 'right', baseline: 'bottom', dx: -4, dy: -3 },
          encoding: { x: { value: 'width' }, text: { value: `${RULE_OF_THUMB_TOKENS_PER_PARAM} tokens/parameter rule of thumb` } },
        },
      ],
    },
    lineLayer(
      optima.rows,
      { x: x.channel('compute'), y: y.channel('tokensPerParam'), ...lawColor(input.laws.length), ...fittedRangeDash() },
      tooltipOf(['law', 'compute', 'tokensPerParam', 'params', 'tokens', 'range']),
    ),
  ];
  if (models.rows.length > 0) {
    layers.push(
      labelledPointsLayer(
        models.rows,
        models.rows,
        { x: x.channel('compute'), y: y.channel('tokensPerParam') },
        tooltipOf(['model', 'params', 'activeParams', 'tokens', 'tokensPerParam', 'compute']),
      ),
    );
  }
  return {
    spec: layeredChart('Compute-optimal tokens per parameter', `${lawsSubtitle(input.laws)} · dashed: the 20:1 rule of thumb`, layers),
    droppedPoints: optima.dropped + models.dropped,
    fileName: chartFileName('tokens-per-parameter'),
  };
}
