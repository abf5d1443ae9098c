import { countExpr, lossExpr, percentExpr, scientificExpr } from './labelExpressions';
import { decadeTicks, extent, lossTicks, type LogTicks } from './logTicks';

/** Numeric fields of chart rows; every one is plotted or shown on a log scale, except the fractions. */
export type NumericField =
  | 'compute'
  | 'params'
  | 'activeParams'
  | 'tokens'
  | 'tokensPerParam'
  | 'loss'
  | 'frontierLoss'
  | 'count'
  | 'improvement'
  | 'trainFlops'
  | 'inferenceFlops'
  | 'totalFlops'
  | 'cost'
  | 'epochs'
  | 'effectiveTokens'
  | 'samples'
  | 'negLogCoverage'
  | 'calls'
  | 'failureBound'
  | FractionField;

/** Fractions of a whole, drawn on a linear 0–100% axis (fractionAxis) and shown as percentages. */
export type FractionField = 'coverage' | 'exactMatch' | 'tokenSuccess';

/** Text fields of chart rows: the law's name and the model's name. */
export type NameField = 'law' | 'model' | 'range';

interface FieldFormat {
  /** Axis title, with the unit. */
  readonly axisTitle: string;
  /** Shorter title for tooltips. */
  readonly tooltipTitle: string;
  /** The vega expression that formats the field (see labelExpressions). */
  readonly format: (ref: string) => string;
}

const FIELD_FORMATS: Readonly<Record<NumericField, FieldFormat>> = {
  compute: { axisTitle: 'Training compute C (FLOP)', tooltipTitle: 'Compute (FLOP)', format: scientificExpr },
  params: { axisTitle: 'Parameters N', tooltipTitle: 'Parameters', format: countExpr },
  activeParams: { axisTitle: 'Active parameters N', tooltipTitle: 'Active parameters', format: countExpr },
  tokens: { axisTitle: 'Training tokens D', tooltipTitle: 'Tokens', format: countExpr },
  tokensPerParam: { axisTitle: 'Tokens per parameter D/N', tooltipTitle: 'Tokens/parameter', format: countExpr },
  loss: { axisTitle: 'Predicted loss L (nats/token)', tooltipTitle: 'Loss (nats/token)', format: lossExpr },
  frontierLoss: { axisTitle: 'Loss on the frontier (nats/token)', tooltipTitle: 'Frontier loss at this compute', format: lossExpr },
  count: { axisTitle: 'Compute-optimal parameters N and tokens D', tooltipTitle: 'Count', format: countExpr },
  improvement: {
    axisTitle: 'Loss improvement from the next 10× compute (nats/token)',
    tooltipTitle: 'Improvement from 10× compute',
    format: lossExpr,
  },
  trainFlops: { axisTitle: 'Training FLOPs 6·N·D', tooltipTitle: 'Training (FLOP)', format: scientificExpr },
  inferenceFlops: { axisTitle: 'Inference FLOPs 2·N·D_inference', tooltipTitle: 'Inference (FLOP)', format: scientificExpr },
  totalFlops: { axisTitle: 'Training + inference FLOPs', tooltipTitle: 'Total (FLOP)', format: scientificExpr },
  cost: { axisTitle: 'Training + inference cost ($)', tooltipTitle: 'Total cost', format: (ref) => `'$' + (${countExpr(ref)})` },
  epochs: { axisTitle: 'Epochs over the unique data D/U', tooltipTitle: 'Epochs', format: countExpr },
  effectiveTokens: { axisTitle: 'Effective tokens D′ (repeats discounted)', tooltipTitle: 'Effective tokens D′', format: countExpr },
  samples: { axisTitle: 'Samples per problem k', tooltipTitle: 'Samples k', format: countExpr },
  negLogCoverage: { axisTitle: '−ln coverage', tooltipTitle: '−ln coverage', format: lossExpr },
  calls: { axisTitle: 'LLM calls per problem', tooltipTitle: 'Calls', format: countExpr },
  failureBound: { axisTitle: 'Bound on P(final answer wrong)', tooltipTitle: 'Bound', format: lossExpr },
  coverage: { axisTitle: 'Coverage: problems solved by any of k samples', tooltipTitle: 'Coverage', format: percentExpr },
  exactMatch: { axisTitle: 'Exact match p^ℓ', tooltipTitle: 'Exact match', format: percentExpr },
  tokenSuccess: { axisTitle: 'Per-token success p', tooltipTitle: 'Per-token p', format: percentExpr },
};

const NAME_TITLES: Readonly<Record<NameField, string>> = { law: 'Law', model: 'Model', range: 'Range' };

/** One log axis of a chart: the same scale, ticks and labels for every layer that plots on it. */
export interface LogAxis {
  /** A quantitative position channel for `field` on this axis. */
  channel(field: NumericField): Record<string, unknown>;
}

/**
 * A log axis of `kind` over the plotted `values` (already filtered to positive finite numbers):
 * titled with its unit, labelled as the text output prints numbers (70B, 1e21), with readable ticks.
 */
export function logAxis(kind: NumericField, values: readonly number[]): LogAxis {
  const range = extent(values);
  // Losses and loss differences span less than a decade or two: evenly spaced ticks read better there.
  const ticks: LogTicks | undefined = range && (kind === 'loss' || kind === 'improvement' ? lossTicks(...range) : decadeTicks(...range));
  const { axisTitle, format } = FIELD_FORMATS[kind];
  return {
    channel: (field) => ({
      field,
      type: 'quantitative',
      title: axisTitle,
      scale: { type: 'log', ...(ticks ? { domain: [...ticks.domain], nice: false } : {}) },
      axis: { labelExpr: format('datum.value'), ...(ticks ? { values: [...ticks.values] } : {}) },
    }),
  };
}

/** Ticks of a fraction axis: every 20%. */
const FRACTION_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

/**
 * A linear 0–100% position channel for a fraction: a linear axis is where an exact-match or
 * coverage curve shows how a reader sees it ("flat, then sudden"), where a log axis would not.
 */
export function fractionAxis(field: FractionField): Record<string, unknown> {
  const { axisTitle, format } = FIELD_FORMATS[field];
  return {
    field,
    type: 'quantitative',
    title: axisTitle,
    scale: { type: 'linear', domain: [0, 1], nice: false },
    axis: { labelExpr: format('datum.value'), values: FRACTION_TICKS },
  };
}

/** The transforms and tooltip channel that show `fields` formatted like the text output. */
export interface Tooltip {
  readonly transform: object[];
  readonly tooltip: object[];
}

/** A tooltip listing names as they are and numbers formatted (70B, 5.76e23), in the given order. */
export function tooltipOf(fields: ReadonlyArray<NumericField | NameField>): Tooltip {
  const transform: object[] = [];
  const tooltip: object[] = [];
  for (const field of fields) {
    if (field === 'law' || field === 'model' || field === 'range') {
      tooltip.push({ field, type: 'nominal', title: NAME_TITLES[field] });
    } else {
      const { format, tooltipTitle } = FIELD_FORMATS[field];
      transform.push({ calculate: format(`datum.${field}`), as: `${field}Text` });
      tooltip.push({ field: `${field}Text`, type: 'nominal', title: tooltipTitle });
    }
  }
  return { transform, tooltip };
}

/**
 * The legend of a chart's lines: under the plot, one entry per line, since law names are long
 * ("Chinchilla (Hoffmann et al. 2022, printed)") and a legend at the side would take the narrow
 * output's width from the plot; stroke symbols, since the entries are lines.
 */
export const LINE_LEGEND = { orient: 'bottom', direction: 'vertical', symbolType: 'stroke', labelLimit: 480, titleLimit: 480 } as const;

/** Colour by law, with a legend, only when there is more than one law to tell apart. */
export function lawColor(lawCount: number): Record<string, unknown> {
  return lawCount > 1 ? { color: { field: 'law', type: 'nominal', title: 'Law', legend: LINE_LEGEND } } : {};
}

/** Each stretch of a line on one side of its law's range drawn on its own (rows carry `segment`, see markSeries). */
const RANGE_SEGMENT = { detail: { field: 'segment', type: 'nominal' } } as const;

/**
 * Solid where a law's line lies within the runs it was fitted on, dashed where it extrapolates
 * (rows carry `range` and `segment`, see markSeries).
 */
export function fittedRangeDash(): Record<string, unknown> {
  return {
    ...RANGE_SEGMENT,
    strokeDash: {
      field: 'range',
      type: 'nominal',
      title: 'Range',
      scale: {
        domain: ['within the fitted runs', 'extrapolated', 'fitting range unknown'],
        range: [
          [1, 0],
          [4, 3],
          [1, 0],
        ],
      },
      legend: LINE_LEGEND,
    },
  };
}

/** Faded where a law's line extrapolates beyond its fitting runs, for charts whose dashes mean something else. */
export function fittedRangeOpacity(): Record<string, unknown> {
  return {
    ...RANGE_SEGMENT,
    opacity: {
      field: 'range',
      type: 'ordinal',
      title: 'Range (faded: extrapolated)',
      // An explicit ordinal scale: opacity's default point scale would interpolate between the range's ends (0.7 for the middle).
      scale: { type: 'ordinal', domain: ['within the fitted runs', 'extrapolated', 'fitting range unknown'], range: [1, 0.4, 1] },
      legend: LINE_LEGEND,
    },
  };
}
