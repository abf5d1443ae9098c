import { formatCount, formatRatio, formatScientific, formatSignificant, withUnit } from '../numberFormat';

/** A closed interval [low, high]; either end may be open (undefined) when the source does not state it. */
export interface Bounds {
  readonly low?: number;
  readonly high?: number;
}

/**
 * Where a law was measured: the spread of the runs its constants were fitted to. Answers outside it
 * are extrapolations, which every output says in words (see {@link extrapolationNotes}).
 */
export interface ValidityRange {
  /** Model sizes N (Kaplan: non-embedding parameters). */
  readonly params: Bounds;
  /** Training tokens D. */
  readonly tokens: Bounds;
  /** Training compute C in FLOP. */
  readonly compute: Bounds;
  /** Tokens per parameter D/N. */
  readonly tokensPerParam: Bounds;
  /** Where the ranges come from: paper and section, or "your N runs". */
  readonly source: string;
}

/**
 * Hoffmann et al. 2022 (abstract and Sec. 3): "over 400 language models ranging from 70 million to
 * over 16 billion parameters on 5 to 500 billion tokens". The paper states no compute or D/N range,
 * so those are measured on the 245 runs of Fig. 4, which Approach 3 fits, as Besiroglu et al. 2024
 * read them from the figure (their data/svg_extracted_data.csv, D = C/(6N) as their notebook
 * computes it; `python3 bench/epoch_data_range.py` prints the spread): C 1.4e18–1.3e22 FLOP, D/N
 * 0.0361–341. The isoFLOP profiles reach small D/N (a 6.8B model on 245M tokens at 1e19 FLOP); no run
 * has D/N above 341, so a D/N bound from the corners of the stated N and D (up to 7,143) would
 * claim data the law never saw.
 */
const HOFFMANN_2022_RUNS: Omit<ValidityRange, 'source'> = {
  params: { low: 7e7, high: 1.6e10 },
  tokens: { low: 5e9, high: 5e11 },
  compute: { low: 1.4e18, high: 1.3e22 },
  tokensPerParam: { low: 0.0361, high: 341 },
};

/**
 * Besiroglu et al. 2024 fit their constants to 240 of the 245 runs they read from Hoffmann et al.'s
 * Fig. 4: their notebook (data_analysis.ipynb) drops the 5 with the highest loss
 * (`nr_of_models_excluded = 5`). The range is those runs' spread, measured with
 * `python3 bench/epoch_data_range.py` on that CSV: N 5.73e7–1.62e10, D = C/(6N) 8.19e8–3.18e11,
 * C 1.4e18–1.3e22, D/N 0.456–341.
 */
const BESIROGLU_2024_RUNS: Omit<ValidityRange, 'source'> = {
  params: { low: 5.73e7, high: 1.62e10 },
  tokens: { low: 8.19e8, high: 3.18e11 },
  compute: { low: 1.4e18, high: 1.3e22 },
  tokensPerParam: { low: 0.456, high: 341 },
};

/**
 * Kaplan et al. 2020, Sec. 3: "Model size (ranging in size from 768 to 1.5 billion non-embedding
 * parameters)", "Dataset size (ranging from 22 million to 23 billion tokens)". Compute: the longest
 * runs are 2.5e5 steps at 2^19 tokens per batch (Sec. 2.2), 6·1.5e9·1.31e11 ≈ 1.18e21 FLOP for the
 * largest model, and the L(C_min) trend holds "across eight orders of magnitude in C_min" (Sec. 1.2),
 * so down to about 1.18e13 FLOP. D/N is not bounded by the paper.
 */
const KAPLAN_2020_RUNS: Omit<ValidityRange, 'source'> = {
  params: { low: 768, high: 1.5e9 },
  tokens: { low: 2.2e7, high: 2.3e10 },
  compute: { low: 1.18e21 / 1e8, high: 6 * 1.5e9 * 2.5e5 * 2 ** 19 },
  tokensPerParam: {},
};

/**
 * Muennighoff et al. 2023, abstract: "ranging up to 900 billion training tokens and 9 billion
 * parameter models"; the smallest runs are not bounded here because the abstract gives only the top.
 */
const MUENNIGHOFF_2023_RUNS: Omit<ValidityRange, 'source'> = {
  params: { high: 9e9 },
  tokens: { high: 9e11 },
  compute: {},
  tokensPerParam: {},
};

/** Each preset's fitting range, by preset id. */
export const PRESET_VALIDITY: Readonly<Record<string, ValidityRange>> = {
  hoffmann2022: { ...HOFFMANN_2022_RUNS, source: 'Hoffmann et al. 2022, abstract, Sec. 3 and Fig. 4' },
  'hoffmann2022-precise': { ...HOFFMANN_2022_RUNS, source: 'Hoffmann et al. 2022, abstract, Sec. 3 and Fig. 4' },
  besiroglu2024: {
    ...BESIROGLU_2024_RUNS,
    source: "the 240 runs of Hoffmann et al. 2022's Fig. 4 that Besiroglu et al. 2024 fit, Sec. 2",
  },
  kaplan2020: { ...KAPLAN_2020_RUNS, source: 'Kaplan et al. 2020, Secs. 1.2, 2.2 and 3' },
  muennighoff2023: { ...MUENNIGHOFF_2023_RUNS, source: 'Muennighoff et al. 2023, abstract' },
};

/**
 * The range of a user's own runs: smallest to largest N, D, C = 6ND and D/N.
 *
 * @example runsValidity([{ params: 1e8, tokens: 2e9 }, { params: 1e9, tokens: 2e10 }]).params // { low: 1e8, high: 1e9 }
 */
export function runsValidity(runs: ReadonlyArray<{ readonly params: number; readonly tokens: number }>): ValidityRange {
  const span = (values: number[]): Bounds => ({ low: Math.min(...values), high: Math.max(...values) });
  return {
    params: span(runs.map((run) => run.params)),
    tokens: span(runs.map((run) => run.tokens)),
    compute: span(runs.map((run) => 6 * run.params * run.tokens)),
    tokensPerParam: span(runs.map((run) => run.tokens / run.params)),
    source: `the ${runs.length} runs it was fitted to`,
  };
}

/** What an answer is about: any of a model size, token count, compute and D/N. */
export interface QueryPoint {
  /** N: for a mixture-of-experts model, its active parameters (what the law sees). */
  readonly params?: number;
  /** A mixture-of-experts model's total parameters, named beside N_active so the note matches what was asked. */
  readonly totalParams?: number;
  readonly tokens?: number;
  readonly compute?: number;
  readonly tokensPerParam?: number;
}

type Axis = keyof Omit<ValidityRange, 'source'>;

const AXES: ReadonlyArray<{ key: Axis; what: string; format: (value: number) => string }> = [
  { key: 'params', what: 'N', format: (value) => formatCount(value) },
  { key: 'tokens', what: 'D', format: (value) => withUnit(formatCount(value), 'token') },
  { key: 'compute', what: 'C', format: (value) => `${formatScientific(value)} FLOP` },
  { key: 'tokensPerParam', what: 'D/N', format: (value) => formatRatio(value) },
];

/** Decades below which a value counts as inside the range: round-off of a stated bound, not extrapolation. */
const INSIDE_DECADES = 0.005;

/** Where a value lies beyond one axis's bounds: above the top or below the bottom, by `ratio` (> 1). */
interface Overshoot {
  readonly side: 'above' | 'below';
  readonly bound: number;
  readonly ratio: number;
}

/** How far `value` lies outside `bounds`; undefined inside (within round-off), or when there is no value. */
function overshoot(value: number | undefined, { low, high }: Bounds): Overshoot | undefined {
  if (value === undefined || !(value > 0)) return undefined;
  if (high !== undefined && Math.log10(value / high) > INSIDE_DECADES) return { side: 'above', bound: high, ratio: value / high };
  if (low !== undefined && Math.log10(low / value) > INSIDE_DECADES) return { side: 'below', bound: low, ratio: low / value };
  return undefined;
}

/**
 * Plain sentences, one per axis on which `point` lies outside the range the law was fitted on, e.g.
 * "N = 405B is 1.4 decades above the largest model epoch was fitted on (16B; Hoffmann et al. 2022 …)".
 * Empty when the point is inside, or when the law's range is unknown.
 *
 * @example extrapolationNotes('epoch', PRESET_VALIDITY.besiroglu2024, { params: 405e9 })
 */
export function extrapolationNotes(lawId: string, validity: ValidityRange | undefined, point: QueryPoint): string[] {
  if (!validity) return [];
  return AXES.flatMap(({ key, what, format }) => {
    const value = point[key];
    const beyond = overshoot(value, validity[key]);
    if (value === undefined || !beyond) return [];
    const where = `${formatDecades(Math.log10(beyond.ratio))} ${beyond.side} the ${beyond.side === 'above' ? 'largest' : 'smallest'} ${noun(key)}`;
    const sparse = key === 'params' && point.totalParams !== undefined && point.totalParams > value;
    const subject = sparse ? `N_active = ${format(value)} (of ${format(point.totalParams!)})` : `${what} = ${format(value)}`;
    return [`${subject} is ${where} ${lawId} was fitted on (${format(beyond.bound)}; ${validity.source}).`];
  });
}

/**
 * How many decades `point` lies beyond the range, on the axis where it lies furthest; 0 inside (within
 * round-off) or when the range is unknown. Charts mark and caption their extrapolated parts by it.
 *
 * @example extrapolationDecades(PRESET_VALIDITY.hoffmann2022, { params: 405e9, tokens: 15.6e12 }) // log10(15.6T/500B) ≈ 1.49
 */
export function extrapolationDecades(validity: ValidityRange | undefined, point: QueryPoint): number {
  if (!validity) return 0;
  return Math.max(0, ...AXES.map(({ key }) => Math.log10(overshoot(point[key], validity[key])?.ratio ?? 1)));
}

function noun(key: Axis): string {
  return { params: 'model', tokens: 'token count', compute: 'compute budget', tokensPerParam: 'tokens per parameter' }[key];
}

/**
 * A positive number of decades in words, with the factor when it is less than one decade.
 *
 * @example formatDecades(Math.log10(405 / 16)) // '1.4 decades'
 * @example formatDecades(Math.log10(7)) // '0.85 decades (×7)'
 */
export function formatDecades(count: number): string {
  const decades = withUnit(formatSignificant(count, 2), 'decade');
  return count < 1 ? `${decades} (×${formatSignificant(10 ** count, 2)})` : decades;
}

/**
 * The range in one line, for hovers and the `laws` listing.
 *
 * @example describeValidity(PRESET_VALIDITY.besiroglu2024).split(' (')[0] // 'N 57.3M–16.2B, D 819M–318B tokens, C 1.4e18–1.3e22 FLOP, D/N 0.456–341'
 */
export function describeValidity(validity: ValidityRange): string {
  const parts = AXES.flatMap(({ key, what, format }) => {
    const { low, high } = validity[key];
    if (low === undefined && high === undefined) return [];
    const text = (value: number) => format(value).replace(/ (tokens?|FLOP)$/, '');
    const unit = key === 'tokens' ? ' tokens' : key === 'compute' ? ' FLOP' : '';
    if (low === undefined) return [`${what} up to ${text(high!)}${unit}`];
    if (high === undefined) return [`${what} from ${text(low)}${unit}`];
    return [`${what} ${text(low)}–${text(high)}${unit}`];
  });
  return `${parts.join(', ')} (${validity.source})`;
}
