/** Tables of a sweep list at most this many powers of ten between its ends. */
const MAX_DECADE_STOPS = 8;

/**
 * Where a table samples a log sweep: its two ends and the round powers of ten between them (every
 * other one, or sparser, when there are more than eight), so rows read 1, 10, 100… rather than the
 * chart's arbitrary sample points.
 *
 * @example decadeStops(3, 500) // [3, 10, 100, 500]
 */
export function decadeStops(min: number, max: number): number[] {
  const first = Math.ceil(Math.log10(min) - 1e-9);
  const last = Math.floor(Math.log10(max) + 1e-9);
  const step = Math.max(1, Math.ceil((last - first + 1) / MAX_DECADE_STOPS));
  const powers: number[] = [];
  for (let exponent = first; exponent <= last; exponent += step) powers.push(Number(`1e${exponent}`));
  return [...new Set([min, ...powers.filter((power) => power > min && power < max), max])];
}
