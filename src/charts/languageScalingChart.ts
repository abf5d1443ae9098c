import {
  ATLAS_ISO_LOSS_EXPONENTS,
  isoLossFactors,
  languageScaling,
  type IsoLossExponents,
} from '../core/multilingual/curseOfMultilinguality';
import { formatSignificant } from '../core/numberFormat';
import { LINE_LEGEND, type Tooltip } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { chartFileName, DEFAULT_SWEEP_POINTS, layeredChart, REFERENCE_STYLE, type ChartSpec } from './chartSpec';
import { lossTicks } from './logTicks';

export interface LanguageScalingChartInput {
  readonly fromLanguages: number;
  readonly toLanguages: number;
  /** Default: ATLAS's published N ∝ r^0.243, D_total ∝ r^0.728. */
  readonly exponents?: IsoLossExponents;
  readonly points?: number;
}

/** The four factors drawn, in legend order, with the row field each comes from. */
const SERIES = [
  ['Parameters N′/N', 'params'],
  ['Total tokens D′/D', 'totalTokens'],
  ['Tokens per language', 'tokensPerLanguage'],
  ['Compute C′/C', 'compute'],
] as const;

/** A factor as the text output prints it: 1.4×. */
const FACTOR_EXPR = (ref: string) => `format(${ref}, '.3~g') + '×'`;

const TOOLTIP: Tooltip = {
  transform: [{ calculate: FACTOR_EXPR('datum.factor'), as: 'factorText' }],
  tooltip: [
    { field: 'series', type: 'nominal', title: 'Factor' },
    { field: 'languages', type: 'quantitative', title: 'Languages' },
    { field: 'factorText', type: 'nominal', title: 'At equal loss' },
  ],
};

/**
 * What the curse of multilinguality asks for as languages are added at equal per-language loss
 * (Longpre et al. 2026, "ATLAS", ICLR 2026): model size, total data, each language's own data and
 * compute as factors on the run with `fromLanguages`, against the number of languages, on log-log
 * axes where each factor is a straight line r^exponent. The factors at `toLanguages` are labelled.
 *
 * @example languageScalingChart({ fromLanguages: 8, toLanguages: 32 })
 */
export function languageScalingChart(input: LanguageScalingChartInput): ChartSpec {
  const exponents = input.exponents ?? ATLAS_ISO_LOSS_EXPONENTS;
  const end = languageScaling(input.fromLanguages, input.toLanguages, exponents);
  const growing = input.toLanguages >= input.fromLanguages;
  const low = Math.min(input.fromLanguages, input.toLanguages);
  const high = Math.max(input.fromLanguages, input.toLanguages, low + 1);
  const samples = input.points ?? DEFAULT_SWEEP_POINTS;
  const counts = Array.from({ length: samples }, (_, i) => low * (high / low) ** (i / (samples - 1)));
  const rows = counts.flatMap((languages) => {
    const factors = isoLossFactors(languages / input.fromLanguages, exponents);
    return SERIES.map(([series, field]) => ({ series, languages, factor: factors[field] }));
  });
  const labels = SERIES.map(([series, field]) => ({ series, languages: input.toLanguages, factor: end[field] }));
  const factors = [...rows, ...labels].map((row) => row.factor);
  // Factors span well under a decade: evenly spaced ticks (1×, 2×, 3×) read better than decades.
  const yTicks = lossTicks(Math.min(...factors, 1), Math.max(...factors, 1));
  const x = {
    field: 'languages',
    type: 'quantitative',
    title: 'Number of languages K′',
    scale: { type: 'log', domain: [low, high], nice: false },
    axis: { values: languageTicks(low, high), format: 'd' },
  };
  const y = {
    field: 'factor',
    type: 'quantitative',
    title: `Factor on the ${input.fromLanguages}-language run`,
    scale: { type: 'log', domain: [...yTicks.domain], nice: false },
    axis: { values: [...yTicks.values], labelExpr: FACTOR_EXPR('datum.value') },
  };
  const color = { field: 'series', type: 'nominal', title: null, sort: SERIES.map(([series]) => series), legend: LINE_LEGEND };
  return {
    spec: layeredChart(
      `${growing ? 'Adding' : 'Dropping'} languages at equal loss: the curse of multilinguality`,
      `From ${input.fromLanguages} languages · N ∝ r^${formatSignificant(exponents.params)}, D ∝ r^${formatSignificant(exponents.totalTokens)}, C ∝ r^${formatSignificant(exponents.params + exponents.totalTokens)} (r = K′/${input.fromLanguages})`,
      [
        { data: { values: [{ factor: 1 }] }, mark: { type: 'rule', style: REFERENCE_STYLE, strokeDash: [6, 4] }, encoding: { y } },
        lineLayer(rows, { x, y, color }, TOOLTIP),
        {
          data: { values: labels },
          transform: TOOLTIP.transform,
          encoding: { x, y, color },
          layer: [
            { mark: { type: 'point', filled: true, size: 60 }, encoding: { tooltip: TOOLTIP.tooltip } },
            // Inside the plot, above the point, on the side away from the edge the point sits on.
            {
              mark: { type: 'text', align: growing ? 'right' : 'left', dx: growing ? -4 : 4, dy: -9 },
              encoding: { text: { field: 'factorText', type: 'nominal' } },
            },
          ],
        },
      ],
    ),
    droppedPoints: 0,
    fileName: chartFileName('languages', String(input.fromLanguages), 'to', String(input.toLanguages)),
  };
}

/**
 * Ticks at the first count and its doublings, and the last count: language counts read as whole
 * numbers (8, 16, 32), where decade ticks would label only 10.
 *
 * @example languageTicks(8, 40) // [8, 16, 32, 40]
 */
function languageTicks(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let count = low; count < high * 0.95; count *= 2) ticks.push(count);
  return [...ticks, high];
}
