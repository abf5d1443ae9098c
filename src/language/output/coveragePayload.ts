import {
  betaFailureAsymptote,
  coverageCurve,
  coveragePowerLaw,
  describeSuccessRates,
  formatSignificant,
  passAtK,
  samplesForTarget,
  type CoveragePowerLaw,
  type SampleRange,
  type SuccessRates,
} from '../../core';
import { coverageChart } from '../../charts';
import { decadeStops } from './decadeStops';
import { RESULT_PAYLOAD_VERSION, type ResultPayload, type ResultTable } from './resultPayload';
import { formatPercent, formatWholeNumber } from '../../core/numberFormat';

/**
 * Samples per problem swept when none are given: 1 to 10,000, the four decades over which Brown et
 * al. 2024 ("Large Language Monkeys", arXiv:2407.21787) measured coverage.
 */
export const DEFAULT_COVERAGE_SAMPLES: SampleRange = [1, 10000];

/** What a `coverage` statement (or the CLI's coverage command) asks. */
export interface CoverageQuestion {
  readonly rates: SuccessRates;
  readonly samples: SampleRange;
  readonly target?: number;
}

/** Beta rates' mean a/(a + b): one sample's coverage, and the rate of the "same problems, evenly hard" comparison. */
function meanRate(rates: SuccessRates): number {
  return rates.kind === 'single' ? rates.p : rates.a / (rates.a + rates.b);
}

function coverageTable(question: CoverageQuestion): ResultTable {
  const { rates } = question;
  const evenly = rates.kind === 'beta' ? [`every problem at p̄ = ${formatPercent(meanRate(rates))}`] : [];
  const points = coverageCurve(rates, decadeStops(...question.samples));
  return {
    caption: `Coverage with k samples per problem, ${describeSuccessRates(rates)}`,
    columns: ['samples k', 'coverage', 'unsolved', '−ln coverage', ...evenly],
    align: ['right', 'right', 'right', 'right', ...evenly.map(() => 'right' as const)],
    rows: points.map((point) => [
      formatWholeNumber(point.samples),
      formatPercent(point.coverage),
      formatPercent(point.failure),
      formatSignificant(point.negLogCoverage, 4),
      ...(rates.kind === 'beta' ? [formatPercent(passAtK(meanRate(rates), point.samples))] : []),
    ]),
  };
}

/** The power law fitted over each decade of the range, then over all of it, then its large-k limit. */
function powerLawFits(rates: SuccessRates & { kind: 'beta' }, samples: SampleRange): CoveragePowerLaw[] {
  const stops = decadeStops(...samples);
  const decades = stops.slice(1).map((to, i): SampleRange => [stops[i], to]);
  return [...(decades.length > 1 ? decades : []), samples].flatMap((range) => coveragePowerLaw(rates, range) ?? []);
}

function powerLawTable(fits: readonly CoveragePowerLaw[], rates: SuccessRates & { kind: 'beta' }): ResultTable {
  const asymptote = betaFailureAsymptote(rates);
  return {
    caption: `−ln coverage ≈ c·k^(−s), fitted in log-log; s tends to a = ${formatSignificant(rates.a)} as k grows`,
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

function targetTable(target: number, needed: number, rates: SuccessRates): ResultTable {
  const evenly = rates.kind === 'beta' ? [formatWholeNumber(samplesForTarget(target, { kind: 'single', p: meanRate(rates) }))] : [];
  const [atNeeded, oneFewer] = coverageCurve(rates, [needed, Math.max(1, needed - 1)]);
  const digits = digitsToTellApart(atNeeded.coverage, oneFewer.coverage);
  return {
    caption: `Samples per problem for ${formatPercent(target)} coverage`,
    columns: ['target', 'samples k', 'coverage at k', 'coverage at k − 1', ...(evenly.length ? ['if every problem were at p̄'] : [])],
    align: ['right', 'right', 'right', 'right', ...evenly.map(() => 'right' as const)],
    rows: [
      [
        formatPercent(target),
        formatWholeNumber(needed),
        formatPercent(atNeeded.coverage, digits),
        needed > 1 ? formatPercent(oneFewer.coverage, digits) : '—',
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
export function coveragePayload(question: CoverageQuestion, line: number): ResultPayload {
  const { rates, samples, target } = question;
  const needed = target === undefined ? undefined : samplesForTarget(target, rates);
  const fits = rates.kind === 'beta' ? powerLawFits(rates, samples) : [];
  const notes =
    rates.kind === 'beta'
      ? [
          `Each problem's own failure (1 − p)^k falls exponentially; averaged over Beta(${formatSignificant(rates.a)}, ${formatSignificant(rates.b)}) rates it falls as a power law, because the problems with p near 0 (density ∝ p^(a−1)) stay unsolved: 1 − coverage → Γ(a + b)/Γ(b)·k^(−a), so −ln coverage has slope −a on log-log axes (the exponent Schaeffer et al. 2025 call b).`,
          `The last column spreads the same mean rate evenly over the problems: the hard tail is what the extra samples are for.`,
        ]
      : [
          `With one rate, −ln coverage ≈ (1 − p)^k falls exponentially — by a factor 1 − p = ${formatOneMinus(rates.p)} per sample — not as a power law: a power law needs a spread of difficulties (beta=a,b).`,
        ];
  if (rates.kind === 'beta' && fits.length === 0)
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
      coverageTable(question),
      ...(needed !== undefined ? [targetTable(target!, needed, rates)] : []),
      ...(fits.length > 0 && rates.kind === 'beta' ? [powerLawTable(fits, rates)] : []),
    ],
    notes,
    chart: coverageChart({ rates, samples, ...(target !== undefined ? { target } : {}) }),
    data: {
      rates,
      samples,
      points: coverageCurve(rates, decadeStops(...samples)),
      ...(needed !== undefined ? { target, samplesForTarget: needed } : {}),
      ...(rates.kind === 'beta'
        ? {
            powerLaw: fits.map((fit) => ({
              range: fit.range,
              exponent: fit.exponent,
              coefficient: fit.fitted.coefficient,
              rSquared: fit.fitted.rSquared,
            })),
            asymptote: betaFailureAsymptote(rates),
          }
        : {}),
    },
  };
}
