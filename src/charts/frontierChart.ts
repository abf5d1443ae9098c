import { fittedRangeDash, lawColor, logAxis, tooltipOf } from './chartEncodings';
import { labelledPointsLayer, lineLayer } from './chartLayers';
import { modelLossRow, plottableFrontier, type ModelLossRow } from './chartRows';
import { chartFileName, layeredChart, REFERENCE_STYLE, lawsSubtitle, type ChartSpec, type ComputeSweepInput } from './chartSpec';
import { keepLogPlottable } from './plottable';

/**
 * Predicted loss against compute (log-log) along each law's compute-optimal line, with declared
 * models as labelled points. A dashed rule joins each model to the frontier at its own compute, so
 * a model off the frontier is visibly above it.
 *
 * @example frontierChart({ laws: [findPresetLaw('epoch')!], compute: [1e20, 1e25], models: [{ name: 'Gopher', params: 280e9, tokens: 300e9 }] })
 */
export function frontierChart(input: ComputeSweepInput): ChartSpec {
  const frontier = plottableFrontier(input, ['compute', 'loss']);
  const declared = input.models ?? [];
  const models = keepLogPlottable(
    input.laws.flatMap((law) => declared.map((model) => modelLossRow(law, model))),
    ['compute', 'loss', 'frontierLoss'],
  );
  const x = logAxis(
    'compute',
    [...frontier.rows, ...models.rows].map((row) => row.compute),
  );
  const y = logAxis('loss', [...frontier.rows.map((row) => row.loss), ...models.rows.flatMap((row) => [row.loss, row.frontierLoss])]);
  const color = lawColor(input.laws.length);

  const layers: object[] = [
    lineLayer(
      frontier.rows,
      { x: x.channel('compute'), y: y.channel('loss'), ...color, ...fittedRangeDash() },
      tooltipOf(['law', 'compute', 'params', 'tokens', 'tokensPerParam', 'loss', 'range']),
    ),
  ];
  if (models.rows.length > 0) {
    layers.push(
      {
        data: { values: models.rows },
        mark: { type: 'rule', style: REFERENCE_STYLE, strokeDash: [4, 3] },
        encoding: { x: x.channel('compute'), y: y.channel('frontierLoss'), y2: { field: 'loss' }, ...color },
      },
      labelledPointsLayer(
        models.rows,
        highestPerModel(models.rows),
        { x: x.channel('compute'), y: y.channel('loss') },
        tooltipOf(['model', 'law', 'params', 'activeParams', 'tokens', 'compute', 'loss', 'frontierLoss']),
        color,
      ),
    );
  }
  const gaps = models.rows.length > 0 ? " · dashed rule: each model's gap above the frontier" : '';
  const subtitle = `${lawsSubtitle(input.laws)} · dashed line: beyond the runs the law was fitted on${gaps}`;
  return {
    spec: layeredChart('Predicted loss on the compute-optimal frontier', subtitle, layers),
    droppedPoints: frontier.dropped + models.dropped,
    fileName: chartFileName('frontier', ...(input.laws.length === 1 ? [input.laws[0].id] : [])),
  };
}

/** Each model's row with the highest loss: its label goes there, above the model's other points. */
function highestPerModel(rows: readonly ModelLossRow[]): ModelLossRow[] {
  const highest = new Map<string, ModelLossRow>();
  for (const row of rows) {
    const shown = highest.get(row.model);
    if (!shown || row.loss > shown.loss) highest.set(row.model, row);
  }
  return [...highest.values()];
}
