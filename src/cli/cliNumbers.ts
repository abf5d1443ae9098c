import { FractionRangeError, QuantityError, parseCount, parseFraction, parseSignedCount } from '../core';

/**
 * Reads a fraction (`40%` or `0.4`) and runs it through a core check, reporting a value out of range
 * the way it was written, exactly as the notebook does: `--p 5` gives "p must be between 0% and
 * 100% (exclusive), got 5 (as a fraction that is 500%); write 5% or 0.05".
 *
 * @example parseCheckedFraction('5%', 'p', (p) => requireSuccessRate(p, 'p')) // 0.05
 */
export function parseCheckedFraction(text: string, what: string, check: (value: number) => unknown): number {
  const written = text.trim().endsWith('%') ? 'percent' : 'plain';
  let value: number;
  let outOfRange: FractionRangeError | undefined;
  try {
    value = parseFraction(text, what);
  } catch (error) {
    if (!(error instanceof FractionRangeError)) throw error;
    outOfRange = error;
    value = error.value;
  }
  try {
    check(value);
  } catch (error) {
    if (error instanceof FractionRangeError) throw error.writtenAs(written);
    throw error;
  }
  if (outOfRange) throw outOfRange;
  return value;
}

/**
 * Reads `FROM..TO` (`1..10000`, `1e8..1e14`, `100M..1T`) into a range whose ends are positive and
 * go up.
 *
 * @example parseRange('1e8..1e14', 'params') // [1e8, 1e14]
 */
export function parseRange(text: string, what: string): [number, number] {
  const ends = text.split('..');
  if (ends.length !== 2) throw new QuantityError(`cannot read ${what} range "${text}": expected FROM..TO like 1..10000`);
  const [from, to] = ends.map((end) => parseCount(end, what));
  if (!(to > from)) throw new QuantityError(`${what} range must go up, got ${text}`);
  return [from, to];
}

/**
 * Reads a comma list of numbers (`0.3,3`).
 *
 * @example parseNumberList('0.3,3', 'beta') // [0.3, 3]
 */
export function parseNumberList(text: string, what: string): number[] {
  return text.split(',').map((item) => parseSignedCount(item, what));
}
