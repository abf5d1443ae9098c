import { QuantityError, parseCount, parseSignedCount } from '../core';

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
