/**
 * Relative size below which the difference of two computed totals is round-off, not a result:
 * doubles carry about 16 digits (ε = 2.2e-16) and an optimiser's answer agrees with a closed form
 * to about 1e-12, so a difference under 1e-9 of the totals means "the same", shown as zero.
 */
export const ROUND_OFF = 1e-9;

/**
 * A saving (`before − after`) shown to people: zero when it is round-off or negative, since the
 * option it is measured against is always available and so the better choice can never cost more.
 */
export function savingBeyondRoundOff(before: number, after: number): number {
  const saving = before - after;
  return saving <= ROUND_OFF * Math.abs(before) ? 0 : saving;
}
