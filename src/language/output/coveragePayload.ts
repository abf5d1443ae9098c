import {
  describeSuccessRates,
  formatSignificant,
  type CoveragePoint,
  type CoveragePowerLaw,
  type SampleRange,
  type SuccessRates,
} from '../../core';
import { coverageChart } from '../../charts';
import { RESULT_PAYLOAD_VERSION, type ResultPayload, type ResultTable } from './resultPayload';
import { formatPercent, formatWholeNumber } from '../../core/numberFormat';

/** What a `coverage` statement asks. */
export interface CoverageQuestion {
  readonly rates: SuccessRates;
  readonly samples: SampleRange;
  readonly target?: number;
}

/** A coverage question with its numbers, computed by the evaluator (coverageAnswer): what {@link coveragePayload} shows. */
export interface CoverageAnswer extends CoverageQuestion {
  /** Coverage at the decade stops of `samples`: the table's rows. */
  readonly points: readonly CoveragePoint[];
  /** For Beta rates, the same problems evenly hard: their mean rate p̄ = a/(a + b), and pass@k at p̄ for each of `points`. */
  readonly evenly?: { readonly rate: number; readonly coverage: readonly number[] };
  /** With a target: the samples per problem it needs, coverage there and one sample fewer, and for Beta rates the samples at p̄. */
  readonly needed?: {
    readonly samples: number;
    readonly atNeeded: CoveragePoint;
    readonly oneFewer: CoveragePoint;
    readonly evenlySamples?: number;
  };
  /** For Beta rates: −ln coverage ≈ c·k^(−s) fitted over each decade, then the whole range, and its large-k limit. */
  readonly powerLaw?: {
    readonly fits: readonly CoveragePowerLaw[];
    readonly asymptote: { readonly coefficient: number; readonly exponent: number };
  };
}

function coverageTable(answer: CoverageAnswer): ResultTable {
  const { rates, points, evenly } = answer;
  const evenlyColumn = evenly ? [`every problem at p̄ = ${formatPercent(evenly.rate)}`] : [];
  return {
    caption: `Coverage with k samples per problem, ${describeSuccessRates(rates)}`,
    columns: ['samples k', 'coverage', 'unsolved', '−ln coverage', ...evenlyColumn],
    align: ['right', 'right', 'right', 'right', ...evenlyColumn.map(() => 'right' as const)],
    rows: points.map((point, i) => [
      formatWholeNumber(point.samples),
      formatPercent(point.coverage),
      formatPercent(point.failure),
      formatSignificant(point.negLogCoverage, 4),
      ...(evenly ? [formatPercent(evenly.coverage[i])] : []),
    ]),
  };
}

function powerLawTable(powerLaw: NonNullable<CoverageAnswer['powerLaw']>, a: number): ResultTable {
  const { fits, asymptote } = powerLaw;
  return {
    caption: `−ln coverage ≈ c·k^(−s), fitted in log-log; s tends to a = ${formatSignificant(a)} as k grows`,
    columns: ['k from', 'k to', 'fitted s', 'c', 'R²'],
    align: ['right', 'right', 'right', 'right', 'right'],
    rows: [
      ...fits.map((fit) => [
        formatWholeNumber(fit.range[0]),
        formatWholeNumber(fit.range[1]),
        formatSignificant(fit.exponent, 4),
        formatSignificant(fit.fitted.coefficient, 4),
        fit.fitted.rSquared.toFixed(4),
      ]),
      ['large k', '∞', formatSignificant(asymptote.exponent, 4), formatSignificant(asymptote.coefficient, 4), '—'],
    ],
  };
}

/**
 * The significant digits that show two coverages as different numbers: one sample short of the
 * target the coverage is often 89.9996% beside 90.0001%, which three digits print as 90% twice. At
 * p = 1e-12 the two differ in the 13th digit, so the search runs to the 17 a double holds.
 */
function digitsToTellApart(first: number, second: number): number {
  let digits = 3;
  while (digits < 17 && formatPercent(first, digits) === formatPercent(second, digits)) digits++;
  return digits;
}

/** 1 − p with the digits that keep it from printing as 1: p = 1e-12 gives 0.999999999999. */
export function formatOneMinus(p: number): string {
  let digits = 3;
  while (digits < 17 && Number((1 - p).toPrecision(digits)) === 1) digits++;
  return formatSignificant(1 - p, Math.min(17, digits + 2));
}

function targetTable(target: number, needed: NonNullable<CoverageAnswer['needed']>): ResultTable {
  const { samples, atNeeded, oneFewer, evenlySamples } = needed;
  const evenly = evenlySamples === undefined ? [] : [formatWholeNumber(evenlySamples)];
  const digits = digitsToTellApart(atNeeded.coverage, oneFewer.coverage);
  return {
    caption: `Samples per problem for ${formatPercent(target)} coverage`,
    columns: ['target', 'samples k', 'coverage at k', 'coverage at k − 1', ...(evenly.length ? ['if every problem were at p̄'] : [])],
    align: ['right', 'right', 'right', 'right', ...evenly.map(() => 'right' as const)],
    rows: [
      [
        formatPercent(target),
        formatWholeNumber(samples),
        formatPercent(atNeeded.coverage, digits),
        samples > 1 ? formatPercent(oneFewer.coverage, digits) : '—',
        ...evenly,
      ],
    ],
  };
}

/**
 * Coverage against samples per problem: a table at each decade of k, the samples a target needs,
 * for Beta rates the power law of −ln coverage fitted decade by decade beside its limit, and the
 * chart.
 */
export function coveragePayload(answer: CoverageAnswer, line: number): ResultPayload<'coverage'> {
  const { rates, samples, target, needed, powerLaw } = answer;
  const notes =
    rates.kind === 'beta'
      ? [
          `Each problem's own failure (1 − p)^k falls exponentially; averaged over Beta(${formatSignificant(rates.a)}, ${formatSignificant(rates.b)}) rates it falls as a power law, because the problems with p near 0 (density ∝ p^(a−1)) stay unsolved: 1 − coverage → Γ(a + b)/Γ(b)·k^(−a), so −ln coverage has slope −a on log-log axes (the exponent Schaeffer et al. 2025 call b).`,
          `The last column spreads the same mean rate evenly over the problems: the hard tail is what the extra samples are for.`,
        ]
      : [
          `With one rate, −ln coverage ≈ (1 − p)^k falls exponentially — by a factor 1 − p = ${formatOneMinus(rates.p)} per sample — not as a power law: a power law needs a spread of difficulties (beta=a,b).`,
        ];
  if (powerLaw && powerLaw.fits.length === 0)
    notes.push('Coverage is 100% to double precision over this range, so −ln coverage (0) has no power law to fit.');
  notes.push(
    'Coverage counts a problem solved when any sample is right: turning it into accuracy needs a verifier that recognises the right sample (Brown et al. 2024).',
  );
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'coverage',
    title: `Coverage from repeated sampling: ${describeSuccessRates(rates)}`,
    line,
    tables: [
      coverageTable(answer),
      ...(needed && target !== undefined ? [targetTable(target, needed)] : []),
      ...(powerLaw && powerLaw.fits.length > 0 && rates.kind === 'beta' ? [powerLawTable(powerLaw, rates.a)] : []),
    ],
    notes,
    chart: coverageChart({ rates, samples, ...(target !== undefined ? { target } : {}) }),
    data: {
      rates,
      samples,
      points: answer.points,
      ...(needed !== undefined ? { target, samplesForTarget: needed.samples } : {}),
      ...(powerLaw
        ? {
            powerLaw: powerLaw.fits.map((fit) => ({
              range: fit.range,
              exponent: fit.exponent,
              coefficient: fit.fitted.coefficient,
              rSquared: fit.fitted.rSquared,
            })),
            asymptote: powerLaw.asymptote,
          }
        : {}),
    },
  };
}
