import { inferenceAwareOptimum, servingCostCurve, servingCostRange, type ServingPlan, type ServingPlanRow } from '../core/inference';
import type { ScalingLaw } from '../core/laws/scalingLaw';
import { formatCount, formatSignificant } from '../core/numberFormat';
import { logAxis, tooltipOf, type NumericField } from './chartEncodings';
import { labelledPointsLayer, lineLayer } from './chartLayers';
import { chartFileName, DEFAULT_SWEEP_POINTS, layeredChart, REFERENCE_STYLE, type ChartSpec, type LogRange } from './chartSpec';
import { keepLogPlottable } from './plottable';

export interface InferenceCostChartInput {
  /** A Chinchilla-form law (only those give the training tokens for a loss). */
  readonly law: ScalingLaw;
  readonly targetLoss: number;
  /** Tokens the model will serve over its life. */
  readonly inferenceTokens: number;
  /** Model sizes swept; by default both optima with the valley around them (servingCostRange). */
  readonly params?: LogRange;
  /** Dollars per FLOP: when given, the chart shows dollars instead of FLOPs. */
  readonly costPerFlop?: number;
  readonly points?: number;
}

/** A point of the curves: a model that reaches the loss, its training tokens and lifetime FLOPs (and cost). */
type CostRow = ServingPlanRow & {
  /** What the y axis shows of training alone: FLOPs, or dollars with a price. */
  readonly trainingOnly: number;
};

/**
 * Lifetime FLOPs (or dollars) against model size for models that all reach one loss and serve the
 * same tokens (the trade-off of Sardana et al. 2023): training 6·N·D(N) plus inference 2·N·D_inference. The
 * inference-aware and Chinchilla-optimal models are marked; a dashed line shows training alone,
 * whose minimum is the Chinchilla-optimal model.
 *
 * @example inferenceCostChart({ law: findPresetLaw('epoch')!, targetLoss: 1.95, inferenceTokens: 2e12 })
 */
export function inferenceCostChart(input: InferenceCostChartInput): ChartSpec {
  const { law, targetLoss, inferenceTokens, costPerFlop } = input;
  const optimum = inferenceAwareOptimum(law, targetLoss, inferenceTokens);
  const range = input.params ?? servingCostRange(law, optimum);
  const rowOf = (plan: ServingPlan): CostRow => ({
    params: plan.params,
    tokens: plan.trainTokens,
    tokensPerParam: plan.tokensPerParam,
    trainFlops: plan.trainFlops,
    inferenceFlops: plan.inferenceFlops,
    totalFlops: plan.totalFlops,
    ...(costPerFlop === undefined ? {} : { cost: plan.totalFlops * costPerFlop }),
    trainingOnly: plan.trainFlops * (costPerFlop ?? 1),
  });
  const yField = costPerFlop === undefined ? 'totalFlops' : 'cost';
  const curve = keepLogPlottable(
    servingCostCurve(law, targetLoss, inferenceTokens, range, input.points ?? DEFAULT_SWEEP_POINTS).map(rowOf),
    [yField, 'trainingOnly', 'params'],
  );
  const optima = keepLogPlottable(
    [
      { model: 'inference-aware', ...rowOf(optimum) },
      { model: 'Chinchilla-optimal', ...rowOf(optimum.chinchilla) },
    ],
    [yField, 'params'],
  );
  const x = logAxis(
    'params',
    [...curve.rows, ...optima.rows].map((row) => row.params),
  );
  const y = logAxis(
    yField,
    [...curve.rows, ...optima.rows].flatMap((row) => [row[yField]!, row.trainingOnly]),
  );
  const fields: NumericField[] = [
    'params',
    'tokens',
    'tokensPerParam',
    'trainFlops',
    'inferenceFlops',
    'totalFlops',
    ...(costPerFlop === undefined ? [] : ['cost' as const]),
  ];

  const layers = [
    {
      data: { values: curve.rows },
      mark: { type: 'line', style: REFERENCE_STYLE, strokeDash: [6, 4] },
      encoding: { x: x.channel('params'), y: { ...y.channel(yField), field: 'trainingOnly' } },
    },
    lineLayer(curve.rows, { x: x.channel('params'), y: y.channel(yField) }, tooltipOf(fields)),
    labelledPointsLayer(optima.rows, optima.rows, { x: x.channel('params'), y: y.channel(yField) }, tooltipOf(['model', ...fields])),
  ];
  const served = `${formatCount(inferenceTokens)} tokens served`;
  const loss = formatSignificant(targetLoss, 4);
  return {
    spec: layeredChart(
      costPerFlop === undefined
        ? 'Training + inference FLOPs against model size at a fixed loss'
        : 'Training + inference cost against model size at a fixed loss',
      `Law: ${law.name} · loss ${loss} · ${served} · dashed: training alone`,
      layers,
    ),
    droppedPoints: curve.dropped + optima.dropped,
    fileName: chartFileName('inference-cost', law.id, `loss-${loss}`, formatCount(inferenceTokens), 'served'),
  };
}
