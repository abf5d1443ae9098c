import { formatSignificant } from '../core/numberFormat';
import {
  betaFailureAsymptote,
  coverageCurve,
  describeSuccessRates,
  samplesForTarget,
  sampleGrid,
  type SampleRange,
  type SuccessRates,
} from '../core/testTime';
import { fractionAxis, logAxis, tooltipOf } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { chartFileName, DEFAULT_SWEEP_POINTS, REFERENCE_STYLE, type ChartSpec } from './chartSpec';
import { dualAxisChart, markerRule, onRightAxis, roomySide, SERIES_COLOR } from './dualAxisChart';
import { keepLogPlottable } from './plottable';

export interface CoverageChartInput {
  readonly rates: SuccessRates;
  /** Samples per problem swept, [fewest, most]. */
  readonly samples: SampleRange;
  /** A coverage to reach: marked where it is reached, when inside the range. */
  readonly target?: number;
  readonly points?: number;
}

const COVERAGE_SERIES = 'coverage (left axis)';

/**
 * The lowest −ln coverage drawn: 1e-6 is coverage within a millionth of 100%, past anything a
 * benchmark of thousands of problems can measure.
 */
const NEG_LOG_FLOOR = 1e-6;
const NEG_LOG_SERIES = '−ln coverage (right axis, log)';

/**
 * Coverage against samples per problem on a log k axis — the share of problems any of k samples
 * solves, on a linear 0–100% axis — with −ln(coverage) on a log right axis, where a power law in k
 * is a straight line. Beta-distributed rates add their large-k limit Γ(a + b)/Γ(b)·k^(−a), dashed;
 * a target adds a rule at the samples that reach it.
 *
 * @example coverageChart({ rates: { kind: 'beta', a: 0.3, b: 3 }, samples: [1, 10000], target: 0.9 })
 */
export function coverageChart(input: CoverageChartInput): ChartSpec {
  const curve = coverageCurve(input.rates, sampleGrid(input.samples, input.points ?? DEFAULT_SWEEP_POINTS));
  const coverageRows = curve.map((point) => ({ ...point, series: COVERAGE_SERIES }));
  const negLog = keepLogPlottable(
    curve.map((point) => ({ ...point, series: NEG_LOG_SERIES })),
    ['negLogCoverage'],
  );
  // One success rate makes −ln coverage ≈ (1 − p)^k plunge through hundreds of decades: cut it off.
  const aboveFloor = negLog.rows.filter((row) => row.negLogCoverage >= NEG_LOG_FLOOR);
  const belowFloor = negLog.rows.length - aboveFloor.length;
  const asymptote = input.rates.kind === 'beta' ? betaFailureAsymptote(input.rates) : undefined;
  const asymptoteRows = asymptote
    ? curve
        .map(({ samples }) => ({ samples, negLogCoverage: asymptote.coefficient * samples ** -asymptote.exponent }))
        .filter((row) => row.negLogCoverage >= NEG_LOG_FLOOR)
    : [];
  const x = logAxis(
    'samples',
    curve.map((point) => point.samples),
  );
  const y = logAxis(
    'negLogCoverage',
    [...aboveFloor, ...asymptoteRows].map((row) => row.negLogCoverage),
  );
  const tooltip = tooltipOf(['samples', 'coverage', 'negLogCoverage']);

  const right: object[] = [
    lineLayer(aboveFloor, { x: x.channel('samples'), y: onRightAxis(y.channel('negLogCoverage')), ...SERIES_COLOR }, tooltip),
  ];
  if (asymptote) {
    right.push({
      data: { values: asymptoteRows },
      mark: { type: 'line', style: REFERENCE_STYLE, strokeDash: [6, 4] },
      encoding: { x: x.channel('samples'), y: onRightAxis(y.channel('negLogCoverage')) },
    });
  }
  const needed = input.target === undefined ? undefined : samplesForTarget(input.target, input.rates);
  const marked = needed !== undefined && needed >= input.samples[0] && needed <= input.samples[1];
  const overlays = marked
    ? [
        markerRule(
          { samples: needed, label: `${formatSignificant(input.target! * 100)}% at k = ${needed.toLocaleString('en-US')}` },
          x.channel('samples'),
          roomySide(needed, ...input.samples),
        ),
      ]
    : [];
  const subtitle = [
    describeSuccessRates(input.rates),
    ...(asymptote
      ? [`dashed: the large-k limit ${formatSignificant(asymptote.coefficient)}·k^(−${formatSignificant(asymptote.exponent)})`]
      : []),
    ...(belowFloor > 0 ? [`−ln coverage is drawn down to ${NEG_LOG_FLOOR} (coverage within a millionth of 100%)`] : []),
  ];
  return {
    spec: dualAxisChart(
      'Coverage against samples per problem',
      subtitle,
      [lineLayer(coverageRows, { x: x.channel('samples'), y: fractionAxis('coverage'), ...SERIES_COLOR }, tooltip)],
      right,
      overlays,
    ),
    droppedPoints: negLog.dropped,
    fileName: chartFileName('coverage', input.rates.kind === 'single' ? `p-${input.rates.p}` : `beta-${input.rates.a}-${input.rates.b}`),
  };
}
