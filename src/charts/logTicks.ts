/**
 * The smallest and largest of the `values` a log axis can show (positive and finite); undefined when
 * there are none. Zero would put a tick at 10^−∞.
 */
export function extent(values: readonly number[]): readonly [number, number] | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!(value > 0 && value < Infinity)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? [min, max] : undefined;
}

/** A log-axis domain and the tick values to label on it. */
export interface LogTicks {
  readonly domain: readonly [number, number];
  readonly values: readonly number[];
}

/** multiple × 10^exponent, exactly as the literal reads (10 ** 26 is 9.999999999999999e25). */
function scaledPowerOfTen(multiple: number, exponent: number): number {
  return Number(`${multiple}e${exponent}`);
}

/** Lets 1.0000000000000002e21 (6·N·D in floating point) count as the power of ten it is. */
const ROUNDING_SLACK = 1e-9;

/** At most about this many decade ticks: wider axes tick every 2nd, 3rd, … power of ten. */
const MAX_DECADE_TICKS = 10;

/**
 * Ticks for a log axis over whole decades: every power of ten when the data spans three decades
 * or more, else 1, 2 and 5 times each power (vega's own log ticks label 1…9 in every decade,
 * which crowds a narrow output). The domain is widened to whole decades so the ends carry labels.
 *
 * @example decadeTicks(7e10, 3e11).values // [1e10, 2e10, 5e10, 1e11, 2e11, 5e11, 1e12]
 */
export function decadeTicks(min: number, max: number): LogTicks {
  const low = Math.floor(Math.log10(min) + ROUNDING_SLACK);
  const high = Math.max(Math.ceil(Math.log10(max) - ROUNDING_SLACK), low + 1);
  const decades = high - low;
  const multiples = decades >= 3 ? [1] : [1, 2, 5];
  const step = Math.ceil(decades / MAX_DECADE_TICKS);
  const values: number[] = [];
  for (let exponent = low; exponent <= high; exponent += step) {
    for (const multiple of multiples) {
      if (multiple === 1 || exponent < high) values.push(scaledPowerOfTen(multiple, exponent));
    }
  }
  return { domain: [scaledPowerOfTen(1, low), scaledPowerOfTen(1, high)], values };
}

/** Margin added to a loss axis' data extent (as a factor) so lines do not touch the frame. */
const LOSS_DOMAIN_MARGIN = 1.03;

/** About how many ticks a loss axis gets. */
const LOSS_TICK_COUNT = 6;

/**
 * Ticks for a loss axis. Losses span well under a decade (1.8 to 4 nats), where whole-decade ticks
 * would leave one label, so the domain is the data extent with a small margin and the ticks are
 * evenly spaced at 1, 2, 2.5 or 5 times a power of ten, about six of them.
 *
 * @example lossTicks(1.9, 3.2).values // [2, 2.25, 2.5, 2.75, 3, 3.25]
 */
export function lossTicks(min: number, max: number): LogTicks {
  const low = min / LOSS_DOMAIN_MARGIN;
  const high = max * LOSS_DOMAIN_MARGIN;
  const rough = (high - low) / LOSS_TICK_COUNT;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((multiple) => multiple * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const values: number[] = [];
  for (let index = Math.ceil(low / step); index * step <= high; index++) {
    // Rounded so 0.1 × 3 is 0.3, not 0.30000000000000004, in the labels.
    values.push(Number((index * step).toPrecision(12)));
  }
  return { domain: [low, high], values };
}
