/**
 * Where a monotone yes/no question turns from no to yes on [low, high], given that it is "no" at
 * `low` and "yes" at `high`: halves the interval at `split(low, high)` until it is no wider than
 * `resolution`, and returns the "yes" end. With `split` rounding down and a resolution of 1 it finds
 * the smallest whole number that answers yes.
 *
 * @example firstYes((k) => k * k >= 50, 1, 100, (lo, hi) => Math.floor((lo + hi) / 2), 1) // 8
 */
export function firstYes(
  isYes: (x: number) => boolean,
  low: number,
  high: number,
  split: (low: number, high: number) => number,
  resolution: number,
): number {
  let no = low;
  let yes = high;
  while (yes - no > resolution) {
    const middle = split(no, yes);
    if (isYes(middle)) yes = middle;
    else no = middle;
  }
  return yes;
}
