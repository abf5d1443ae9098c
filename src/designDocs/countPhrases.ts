/**
 * Numbers written as counts of parameters or tokens in prose: `70B`, `1.4T`, `7b`, `1.4 trillion`,
 * `70bn`, `1.4e12`, `1.4×10^12`, `70,000,000,000`. Money (`$70B`, `70B USD`) and small bare numbers
 * (years, section numbers) are not counts.
 */

/** A count as written: where it is and its value. */
export interface CountPhrase {
  readonly start: number;
  readonly end: number;
  readonly value: number;
}

const SCALE_WORDS: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

const SUFFIX_SCALES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/**
 * Groups: 1 mantissa, 2 exponent (`e12`), 3 power of ten (`×10^12`), 4 and 5 suffix letter (attached
 * or after a space), 6 and 7 scale word (`bn`, `billion`).
 * A suffix letter may not run into a word, so `1.4TB` and `70GB` are not counts; a space before the
 * suffix is allowed only for capitals (`70 B parameters`, not `3 m`).
 */
const COUNT_SOURCE = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:[eE]([+-]?\d{1,3})|\s?[×x]\s?10\^(\d{1,3}))?(?:(?:([KMBTkmbt])|\s([KMBT]))(?![A-Za-z0-9])|\s?(bn|tn)\b|\s(thousand|million|billion|trillion)\b)?`;

/** Not inside a word, a version (`v1.4`) or a product like `8x7B`. */
const COUNT_IN_TEXT = new RegExp(String.raw`(?<![\w.])` + COUNT_SOURCE, 'g');
const WHOLE_COUNT = new RegExp(String.raw`^\s*[~≈]?\s*` + COUNT_SOURCE + String.raw`\+?\s*$`);

/** Currency before the number or after it: `$70B`, `USD 70B`, `70B dollars`. */
const MONEY_BEFORE = /(?:[$€£¥]|\b(?:USD|EUR|GBP)\s?)\s?$/;
const MONEY_AFTER = /^\s*(?:USD|EUR|GBP|dollars?|euros?|pounds?|yen)\b/i;

/** Without a scale a number must be this large to be a count, which leaves out years and versions. */
const MIN_BARE_COUNT = 1e6;
/** No model or dataset is smaller than this; `3e2 tokens` is not a training run. */
const MIN_COUNT = 1e3;

function countValue(match: RegExpExecArray): number | undefined {
  const mantissa = Number(match[1].replace(/,/g, ''));
  const exponent = match[2] ?? match[3];
  const suffix = match[4] ?? match[5];
  const word = match[6] ?? match[7];
  const scale = suffix ? SUFFIX_SCALES[suffix.toLowerCase()] : word ? SCALE_WORDS[word.toLowerCase()] : 1;
  const value = mantissa * scale * (exponent === undefined ? 1 : 10 ** Number(exponent));
  const minimum = suffix || word || exponent !== undefined ? MIN_COUNT : MIN_BARE_COUNT;
  return Number.isFinite(value) && value >= minimum ? value : undefined;
}

/**
 * Every count in `text`, in order, money left out.
 *
 * @example findCounts('70B parameters on 1.4T tokens, cost $2M').map((c) => c.value) // [7e10, 1.4e12]
 */
export function findCounts(text: string): CountPhrase[] {
  const counts: CountPhrase[] = [];
  COUNT_IN_TEXT.lastIndex = 0;
  for (let match = COUNT_IN_TEXT.exec(text); match; match = COUNT_IN_TEXT.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const value = countValue(match);
    if (value === undefined) continue;
    if (MONEY_BEFORE.test(text.slice(Math.max(0, start - 5), start)) || MONEY_AFTER.test(text.slice(end, end + 10))) continue;
    counts.push({ start, end, value });
  }
  return counts;
}

/**
 * Reads a whole string as one count (`70B`, `~1.4T`, `1.4 trillion`, `70,000,000,000`), with
 * `defaultScale` applied to a bare number (a table column headed "Params (B)"); undefined if it is
 * not a count.
 *
 * @example readCount('1.4', 1e12) // 1.4e12
 */
export function readCount(text: string, defaultScale = 1): number | undefined {
  const match = WHOLE_COUNT.exec(text);
  if (!match) return undefined;
  const bare = match[2] === undefined && match[3] === undefined && !match[4] && !match[5] && !match[6] && !match[7];
  if (bare && defaultScale !== 1) {
    const value = Number(match[1].replace(/,/g, '')) * defaultScale;
    return value >= MIN_COUNT ? value : undefined;
  }
  return countValue(match);
}
