/**
 * Every number a user reads, formatted one way: counts with suffixes (70B), FLOPs in scientific
 * notation, PF-days, dollars, ratios, losses, percentages. The notebook, the CLI, hovers and design-doc
 * summaries all format through here.
 */
import { FLOP_PER_PF_DAY } from './quantities';

const FORMAT_SUFFIXES: ReadonlyArray<[number, string]> = [
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/**
 * Words for a number that cannot be shown, in place of NaN or Infinity, which people must never
 * read: inputs are capped so that results stay finite, and this names the rare leftover honestly.
 *
 * @example unshowableNumber(Infinity) // 'too large to show'
 */
export function unshowableNumber(value: number): string {
  if (Number.isNaN(value)) return 'undefined';
  return value > 0 ? 'too large to show' : 'too negative to show';
}

/** Rounds to `digits` significant digits and drops trailing zeros. */
export function formatSignificant(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return unshowableNumber(value);
  if (value === 0) return '0';
  const text = Number(value.toPrecision(digits)).toString();
  return text.includes('e') ? formatScientific(value, digits) : text;
}

/**
 * Formats a count with a suffix: 7e10 → `70B`, 1.4e12 → `1.4T`. Counts beyond 1e18 use scientific
 * notation.
 *
 * @example formatCount(1.4e12) // '1.4T'
 */
export function formatCount(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return unshowableNumber(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e18) return formatScientific(value, digits);
  for (const [scale, suffix] of FORMAT_SUFFIXES) {
    // Round first so 999.96B prints as 1T, not 1000B.
    if (Number((magnitude / scale).toPrecision(digits)) >= 1) {
      const scaled = Number((value / scale).toPrecision(digits));
      if (Math.abs(scaled) >= 1000 && suffix !== 'P') continue;
      return `${scaled}${suffix}`;
    }
  }
  return formatSignificant(value, digits);
}

/**
 * Formats a number in scientific notation as people write FLOPs: 5.76e23. Numbers that round to 1 up
 * to 999 are written plainly (6, not 6e0; 120, not 1.2e2): the exponent would only add noise there.
 *
 * @example formatScientific(5.76e23) // '5.76e23'
 * @example formatScientific(6) // '6'
 */
export function formatScientific(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return unshowableNumber(value);
  if (value === 0) return '0';
  const rounded = Math.abs(Number(value.toPrecision(digits)));
  if (rounded >= 1 && rounded < 1000) return Number(value.toPrecision(digits)).toString();
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const trimmedMantissa = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${trimmedMantissa}e${Number(exponent)}`;
}

/** @example formatFlops(5.76e23) // '5.76e23 FLOP' */
export function formatFlops(value: number, digits = 3): string {
  return `${formatScientific(value, digits)} FLOP`;
}

/**
 * A number as printed followed by its unit, singular when the printed number reads exactly 1: a value of
 * 1.0004 shown as "1" is "1 decade", not "1 decades".
 *
 * @example withUnit('1', 'token') // '1 token'
 * @example withUnit('1.4', 'decade') // '1.4 decades'
 */
export function withUnit(shown: string, unit: string): string {
  return `${shown} ${unit}${shown === '1' ? '' : 's'}`;
}

/** @example formatPfDays(8.64e19) // '1 PF-day' */
export function formatPfDays(flop: number, digits = 3): string {
  return withUnit(formatSignificant(flop / FLOP_PER_PF_DAY, digits), 'PF-day');
}

/**
 * A file size in bytes, KB (1,024 bytes) or MB (2^20 bytes, as the file size limit counts them).
 *
 * @example formatFileSize(2000) // '1.95 KB'
 */
export function formatFileSize(bytes: number, digits = 3): string {
  if (bytes < 1024) return withUnit(String(Math.round(bytes)), 'byte');
  return bytes < 2 ** 20 ? `${formatSignificant(bytes / 1024, digits)} KB` : `${formatSignificant(bytes / 2 ** 20, digits)} MB`;
}

/** @example formatDollars(3.2e6) // '$3.2M' */
export function formatDollars(amount: number, digits = 3): string {
  if (!Number.isFinite(amount)) return unshowableNumber(amount);
  if (amount < 1000) return `$${formatSignificant(amount, digits)}`;
  return `$${formatCount(amount, digits)}`;
}

/**
 * A ratio (D/N, a factor) to `digits` significant digits; from 1,000 on with a count suffix, as the
 * charts' D/N axis (countExpr) writes it: 15T/8B = 1875 reads 1.88K, and 1.4e7 reads 14M rather than
 * 14000000. A plain 1880 would look like an exact whole ratio; the suffix says it is rounded.
 *
 * @example formatRatio(20.04) // '20'
 * @example formatRatio(1875) // '1.88K'
 */
export function formatRatio(value: number, digits = 3): string {
  return Math.abs(Number(value.toPrecision(digits))) >= 1000 ? formatCount(value, digits) : formatSignificant(value, digits);
}

/** Loss values are shown to 4 decimals: differences between laws are in the third. */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return unshowableNumber(loss);
  // Below half the last digit shown is zero, not "-0.0000"; far above any real loss, digits past the
  // fifth are round-off (a double holds about 16), so 2.10266e14 rather than 210265727337107.0938.
  if (Math.abs(loss) < 5e-5) return '0.0000';
  return Math.abs(loss) >= 1e5 ? formatScientific(loss, 6) : loss.toFixed(4);
}

/** Signed loss difference, e.g. +0.0213. */
export function formatLossGap(gap: number): string {
  if (!Number.isFinite(gap)) return unshowableNumber(gap);
  return `${gap >= 0 || Math.abs(gap) < 5e-5 ? '+' : '−'}${formatLoss(Math.abs(gap))}`;
}

/** Compute efficiency as a percentage, e.g. 50%. */
export function formatEfficiency(efficiency: number): string {
  return formatPercent(efficiency);
}

/** A fraction as a percentage, by default to three significant digits: 0.9 → 90%, 3.3e-14 → 3.3e-12%. */
export function formatPercent(fraction: number, digits = 3): string {
  return `${formatSignificant(fraction * 100, digits)}%`;
}

/**
 * Shares of a whole (fractions summing to 1) as percentages that add up to exactly 100: each is rounded
 * down to `decimals` places and the units left over go to the largest remainders (Hamilton's
 * largest-remainder method), so 0.588/0.102/0.31 … reads 58.8 + 10.2 + 31 rather than 99.9. Fractions
 * not summing to a positive total are shown one by one.
 *
 * @example formatShares([1 / 3, 1 / 3, 1 / 3]) // ['33.4%', '33.3%', '33.3%']
 */
export function formatShares(fractions: readonly number[], decimals = 1): string[] {
  // An optimiser's weight may come out at −1e-17: a share below zero is none.
  const shares = fractions.map((fraction) => Math.max(0, fraction));
  const total = shares.reduce((sum, share) => sum + share, 0);
  if (!(total > 0) || !Number.isFinite(total)) return fractions.map((fraction) => formatPercent(fraction));
  const perPercent = 10 ** decimals;
  const exact = shares.map((share) => (share / total) * 100 * perPercent);
  const units = exact.map(Math.floor);
  const leftOver = 100 * perPercent - units.reduce((sum, unit) => sum + unit, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - units[index] })).sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder.slice(0, leftOver)) units[index]++;
  return units.map((unit) => `${Number((unit / perPercent).toFixed(decimals))}%`);
}

/** A whole count written out with thousands separators, e.g. 5,737 samples. */
export function formatWholeNumber(count: number): string {
  return count.toLocaleString('en-US');
}
