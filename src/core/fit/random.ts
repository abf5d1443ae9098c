/**
 * A small seedable pseudo-random generator, so bootstrap intervals and synthetic data sets are
 * reproducible from a seed in any JavaScript engine (Math.random cannot be seeded).
 */

/** Returns uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * Mulberry32 (Tommy Ettinger, 2017; public domain): a 32-bit state generator with period 2^32,
 * plenty for resampling a few hundred points a few thousand times.
 *
 * @example const random = seededRandom(42); random() // 0.6011037519201636
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A standard normal draw by the Box–Muller transform (Box and Muller 1958).
 *
 * @example standardNormal(seededRandom(1))
 */
export function standardNormal(random: RandomSource): number {
  // 1 − u lies in (0, 1], so the logarithm is finite.
  const radius = Math.sqrt(-2 * Math.log(1 - random()));
  return radius * Math.cos(2 * Math.PI * random());
}
