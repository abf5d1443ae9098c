/**
 * Parsing of the quantities scaling-law work is written in: parameter and token counts with SI-like
 * suffixes (70B, 1.4T), FLOPs, PF-days and GPU-hours. Formatting them back is numberFormat.ts.
 */

/** Thrown for any quantity that cannot be read; the message says what was expected. */
export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

/**
 * Multipliers of the count suffixes. B is 1e9 (billion) and T is 1e12 (trillion), the short-scale
 * convention used throughout the scaling-law literature (e.g. "70B parameters, 1.4T tokens",
 * Hoffmann et al. 2022, Table 1).
 */
export const COUNT_SUFFIXES: Readonly<Record<string, number>> = {
  K: 1e3,
  M: 1e6,
  B: 1e9,
  G: 1e9,
  T: 1e12,
  P: 1e15,
};

/** One petaFLOP/s sustained for a day: 1e15 FLOP/s × 86,400 s (Kaplan et al. 2020, Sec. 1.3). */
export const FLOP_PER_PF_DAY = 8.64e19;

/** Seconds in an hour, for accelerator-hours × FLOP/s. */
export const SECONDS_PER_HOUR = 3600;

const NUMBER_WITH_SUFFIX = /^([+-]?(?:\d[\d_]*(?:\.\d[\d_]*)?|\.\d[\d_]*)(?:e[+-]?\d+)?)\s*([KMBGTP])?$/i;

/**
 * Reads a positive count such as `70B`, `1.4T`, `1.4e12`, `1_000`, `175e9`.
 * Zero, negative, non-finite or unreadable values throw a {@link QuantityError}.
 *
 * @example parseCount('1.4T') // 1.4e12
 */
export function parseCount(text: string, what = 'count'): number {
  const value = parseSignedCount(text, what);
  return requirePositive(value, what, text);
}

/** Like {@link parseCount} but allows zero and negative values (used by arithmetic). */
export function parseSignedCount(text: string, what = 'number'): number {
  const trimmed = text.trim();
  const match = NUMBER_WITH_SUFFIX.exec(trimmed);
  if (!match) {
    throw new QuantityError(`cannot read ${what} "${text}": expected a number like 70B, 1.4T, 1.4e12 or 1_000`);
  }
  const mantissa = Number(match[1].replace(/_/g, ''));
  const suffix = match[2] ? COUNT_SUFFIXES[match[2].toUpperCase()] : 1;
  const value = mantissa * suffix;
  if (!Number.isFinite(value)) {
    throw new QuantityError(`${what} "${text}" is not a finite number`);
  }
  return value;
}

/** Throws unless `value` is a finite number greater than zero. */
export function requirePositive(value: number, what: string, shown: string | number = value): number {
  if (Number.isNaN(value)) throw new QuantityError(`${what} is not a number (${shown})`);
  if (!Number.isFinite(value)) throw new QuantityError(`${what} must be finite, got ${shown}`);
  if (value <= 0) throw new QuantityError(`${what} must be greater than zero, got ${shown}`);
  return value;
}

/**
 * Reads a fraction written as `40%` or `0.4`; must lie in (0, 1].
 *
 * @example parseFraction('40%') // 0.4
 */
export function parseFraction(text: string, what = 'fraction'): number {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const value = Number((percent ? trimmed.slice(0, -1) : trimmed).replace(/_/g, ''));
  if (trimmed === '' || trimmed === '%' || Number.isNaN(value)) {
    throw new QuantityError(`cannot read ${what} "${text}": expected a percentage like 40% or a fraction like 0.4`);
  }
  const fraction = percent ? value / 100 : value;
  if (!(fraction > 0 && fraction <= 1)) throw new FractionRangeError(what, fraction, 'between 0% and 100%', percent ? 'percent' : 'plain');
  return fraction;
}

/** How a fraction was written: `40%` (percent) or `0.4` (plain); unknown counts as plain. */
export type FractionWriting = 'percent' | 'plain';

/** A number shown back with up to 12 significant digits and no float dust: 0.07 * 100 → 7, not 7.000000000000001. */
function plainNumber(value: number): string {
  return Number(value.toPrecision(12)).toString();
}

/**
 * A fraction shown back in a message, always as a percentage: 0.4 → `40%`. A plain number beyond ±1
 * was most likely meant as a percentage, so it is shown as written beside what it means as a
 * fraction: 40 → `40 (as a fraction that is 4000%)`.
 *
 * @example describeFraction(0.4) // '40%'
 */
export function describeFraction(value: number, written: FractionWriting = 'plain'): string {
  if (written === 'plain' && Math.abs(value) > 1) return `${plainNumber(value)} (as a fraction that is ${plainNumber(value * 100)}%)`;
  return `${plainNumber(value * 100)}%`;
}

/**
 * The message for a fraction outside its range, with the value shown as a percentage and, for a
 * plain number above 1 that reads as a percentage, how to write it: "write 40% or 0.4".
 *
 * @example fractionRangeMessage('MFU', 40, 'between 0% and 100%')
 * // 'MFU must be between 0% and 100%, got 40 (as a fraction that is 4000%); write 40% or 0.4'
 */
export function fractionRangeMessage(what: string, value: number, range: string, written: FractionWriting = 'plain'): string {
  const hint = written === 'plain' && value > 1 && value <= 100 ? `; write ${plainNumber(value)}% or ${plainNumber(value / 100)}` : '';
  return `${what} must be ${range}, got ${describeFraction(value, written)}${hint}`;
}

/**
 * A fraction outside its range. It keeps the value and range so that a caller that knows how the
 * value was written (`40%` or `40`) can restate the message with {@link FractionRangeError.writtenAs}.
 */
export class FractionRangeError extends QuantityError {
  constructor(
    readonly what: string,
    readonly value: number,
    readonly range: string,
    readonly written: FractionWriting = 'plain',
  ) {
    super(fractionRangeMessage(what, value, range, written));
  }

  /** The same error, told that the value was written as `written`. */
  writtenAs(written: FractionWriting): FractionRangeError {
    return new FractionRangeError(this.what, this.value, this.range, written);
  }
}

/**
 * Reads a compute amount in FLOP: `5.76e23`, `5.76e23 FLOP`, or PF-days such as `6666 PF-days`.
 *
 * @example parseFlops('1 PF-day') // 8.64e19
 */
export function parseFlops(text: string, what = 'compute'): number {
  const trimmed = text.trim();
  const pfDays = /^(.*?)\s*pf-?days?$/i.exec(trimmed);
  if (pfDays) return parseCount(pfDays[1], what) * FLOP_PER_PF_DAY;
  const flop = /^(.*?)\s*flops?$/i.exec(trimmed);
  return parseCount(flop ? flop[1] : trimmed, what);
}
