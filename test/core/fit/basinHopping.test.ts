import * as assert from 'node:assert/strict';
import { basinHopping } from '../../../src/core/fit/basinHopping';
import { FitCancelledError, LbfgsMinimizer, seededRandom, type ValueAndGradient } from '../../../src/core/fit';

/**
 * cos(8x) + 0.05·(x − 3)²: a valley every π/4 ≈ 0.785, the deepest at 7π/8 ≈ 2.75
 * (−1 + 0.05 × 0.063 ≈ −0.997); the next one down, at 9π/8 ≈ 3.53, is at ≈ −0.986, and the rest
 * are higher still (at 3π/8 ≈ 1.18: −1 + 0.05 × 3.3 ≈ −0.83).
 */
const corrugated: ValueAndGradient = (x, gradient) => {
  gradient[0] = -8 * Math.sin(8 * x[0]) + 0.1 * (x[0] - 3);
  return Math.cos(8 * x[0]) + 0.05 * (x[0] - 3) ** 2;
};

describe('core/fit/basinHopping', () => {
  it('hops from valley to valley down to the deepest, where one L-BFGS run stops in a nearby one', () => {
    const local = new LbfgsMinimizer(1).minimize(corrugated, [0]);
    assert.ok(local.value > -0.9, `L-BFGS alone stops at ${local.x[0]}, ${local.value}`);
    const search = basinHopping(corrugated, 1, { starts: 1, hops: 40, drawStart: () => [0], random: seededRandom(1) });
    assert.ok(Math.abs(search.x[0] - 2.75) < 0.05, `basin hopping stops at ${search.x[0]}`);
    assert.ok(search.value < -0.99);
    assert.equal(search.minimizations, 41);
  });

  it('reports progress over starts × (1 + hops), and stops when cancelled', () => {
    const seen: number[] = [];
    basinHopping(corrugated, 1, {
      starts: 2,
      hops: 2,
      drawStart: (random) => [random()],
      random: seededRandom(2),
      onProgress: (finished, total) => seen.push(finished / total),
    });
    assert.deepEqual(
      seen,
      [1, 2, 3, 4, 5, 6].map((finished) => finished / 6),
    );
    assert.throws(
      () => basinHopping(corrugated, 1, { starts: 1, hops: 1, drawStart: () => [0], random: seededRandom(1), isCancelled: () => true }),
      FitCancelledError,
    );
  });
});
