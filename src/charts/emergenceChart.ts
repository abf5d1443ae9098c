import { emergencePoint, exactMatchCrossing, describeTrainingTokens, type EmergenceSettings, type ParamsRange } from '../core/emergence';
import type { ScalingLaw } from '../core/laws/scalingLaw';
import { formatCount, formatSignificant } from '../core/numberFormat';
import { logSpace } from '../core/sweeps';
import { fractionAxis, logAxis, tooltipOf } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { chartFileName, DEFAULT_SWEEP_POINTS, type ChartSpec } from './chartSpec';
import { dualAxisChart, markerRule, onRightAxis, roomySide, SERIES_COLOR } from './dualAxisChart';
import { keepLogPlottable } from './plottable';

export interface EmergenceChartInput {
  readonly law: ScalingLaw;
  readonly settings: EmergenceSettings;
  /** Model sizes swept. */
  readonly params: ParamsRange;
  /** An exact-match level to mark where it is crossed, e.g. 0.5. */
  readonly threshold?: number;
  readonly points?: number;
}

const LOSS_SERIES = 'per-token loss L (left axis, log)';
const EXACT_MATCH_SERIES = 'exact match p^ℓ (right axis, linear)';

/**
 * Schaeffer et al. 2023's mirage in one chart: the per-token loss falling smoothly against N
 * (log-log, left) and exact match over an ℓ-token answer, p^ℓ with p = e^(−(L − offset)), on a
 * linear 0–100% right axis, where it sits on the floor and then shoots up — from the same losses.
 *
 * @example emergenceChart({ law: findPresetLaw('epoch')!, settings: { answerTokens: 20, offset: 1.817, training: { kind: 'optimal' } }, params: [1e8, 1e14], threshold: 0.5 })
 */
export function emergenceChart(input: EmergenceChartInput): ChartSpec {
  const { law, settings } = input;
  const points = logSpace(input.params[0], input.params[1], input.points ?? DEFAULT_SWEEP_POINTS).map((params) =>
    emergencePoint(law, params, settings),
  );
  const losses = keepLogPlottable(
    points.map((point) => ({ ...point, series: LOSS_SERIES })),
    ['loss'],
  );
  const exactMatches = points.map((point) => ({ ...point, series: EXACT_MATCH_SERIES }));
  const x = logAxis(
    'params',
    points.map((point) => point.params),
  );
  const y = logAxis(
    'loss',
    losses.rows.map((row) => row.loss),
  );
  const tooltip = tooltipOf(['params', 'tokens', 'loss', 'tokenSuccess', 'exactMatch']);
  const crossing = input.threshold === undefined ? undefined : exactMatchCrossing(law, settings, input.params, input.threshold);
  const overlays =
    crossing?.where === 'within'
      ? [
          markerRule(
            {
              params: crossing.point.params,
              label: `${formatSignificant(input.threshold! * 100)}% at N = ${formatCount(crossing.point.params)}`,
            },
            x.channel('params'),
            roomySide(crossing.point.params, ...input.params),
          ),
        ]
      : [];
  const offsetText = settings.offset === 0 ? 'p = e^(−L)' : `p = e^(−(L − ${formatSignificant(settings.offset, 4)}))`;
  return {
    spec: dualAxisChart(
      'A smooth loss, a sudden exact match',
      [
        `${law.name}, ${describeTrainingTokens(settings.training)}`,
        `exact match over ℓ = ${formatSignificant(settings.answerTokens)} answer tokens with ${offsetText}`,
      ],
      [lineLayer(losses.rows, { x: x.channel('params'), y: y.channel('loss'), ...SERIES_COLOR }, tooltip)],
      [lineLayer(exactMatches, { x: x.channel('params'), y: onRightAxis(fractionAxis('exactMatch')), ...SERIES_COLOR }, tooltip)],
      overlays,
    ),
    droppedPoints: losses.dropped,
    fileName: chartFileName('emergence', law.id, `${formatSignificant(settings.answerTokens)}-tokens`),
  };
}
