import type { FitProgress } from '../language/evaluator/resources';

/** The progress line is redrawn at most this often, so a fast fit does not flood the terminal. */
const REDRAW_INTERVAL_MS = 200;

/**
 * A progress reporter that redraws one line (`\r`) on a terminal, e.g. "resamples: 1,200 of 5,000",
 * and erases it when the phase finishes. The CLI uses it only when stderr is a TTY, so pipes and CI
 * logs get no progress noise.
 */
export function terminalProgress(write: (text: string) => void, now: () => number = Date.now): FitProgress {
  let drawnAt = -Infinity;
  return (finished, total, phase) => {
    if (finished >= total) {
      write('\r\x1b[K');
      drawnAt = -Infinity;
      return;
    }
    if (now() - drawnAt < REDRAW_INTERVAL_MS) return;
    drawnAt = now();
    write(`\r\x1b[K${phase}: ${finished.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`);
  };
}
