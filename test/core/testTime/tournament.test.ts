import * as assert from 'node:assert/strict';
import { QuantityError, bestTournament, tournamentBound, tournamentCalls, type TournamentRates } from '../../../src/core';

/** The lowest bound over every N and K with N·(K + 1) ≤ calls, by trying them all. */
function bruteForceBest(rates: TournamentRates, calls: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let candidates = 1; candidates <= calls; candidates++) {
    for (let comparisons = 0; candidates * (comparisons + 1) <= calls; comparisons++) {
      best = Math.min(best, tournamentBound(rates, { candidates, comparisons }).bound);
    }
  }
  return best;
}

describe('core/testTime/tournament', () => {
  it("works Chen et al.'s bound by hand: p_gen = 0.3, p_comp = 0.7, N = 16, K = 50", () => {
    const bound = tournamentBound({ generate: 0.3, compare: 0.7 }, { candidates: 16, comparisons: 50 });
    // (1 − 0.3)^16 = 0.7^16 = 0.0033232931
    assert.ok(Math.abs(bound.generationTerm - 0.0033232930569601) < 1e-15);
    // ⌈log₂ 16⌉ = 4 rounds; e^(−2·50·(0.7 − 0.5)²) = e^(−4) = 0.0183156389; ×4 = 0.0732625556
    assert.ok(Math.abs(bound.selectionTerm - 0.0732625555549367) < 1e-15);
    assert.ok(Math.abs(bound.bound - 0.0765858486118968) < 1e-15);
    assert.equal(bound.calls, 816); // 16·(50 + 1)
  });

  it('counts ⌈log₂ N⌉ rounds: one candidate needs none, five need three', () => {
    assert.equal(tournamentBound({ generate: 0.3, compare: 0.9 }, { candidates: 1, comparisons: 0 }).selectionTerm, 0);
    // ⌈log₂ 5⌉ = 3; e^(−2·10·0.16) = e^(−3.2)
    assert.ok(
      Math.abs(tournamentBound({ generate: 0.3, compare: 0.9 }, { candidates: 5, comparisons: 10 }).selectionTerm - 3 * Math.exp(-3.2)) <
        1e-15,
    );
    assert.equal(tournamentCalls({ candidates: 5, comparisons: 10 }), 55);
  });

  it('finds the best N and K for a call budget', () => {
    // 4 calls, p_gen = ½, p_comp = 1: N = 1 gives ½; N = 2, K = 1 gives ¼ + e^(−½) = 0.857; N = 4, K = 0 gives 1/16 + 2.
    const tiny = bestTournament({ generate: 0.5, compare: 1 }, 4);
    assert.deepEqual([tiny.candidates, tiny.comparisons, tiny.calls, tiny.bound], [1, 0, 1, 0.5]);
    for (const [generate, compare, calls] of [
      [0.3, 0.7, 1000],
      [0.05, 0.9, 500],
      [0.6, 0.55, 777],
    ]) {
      const best = bestTournament({ generate, compare }, calls);
      assert.equal(best.bound, bruteForceBest({ generate, compare }, calls), `${generate}, ${compare}, ${calls}`);
      assert.ok(best.calls <= calls);
    }
  });

  it('refuses comparisons no better than a coin flip, and sizes that are not whole numbers', () => {
    assert.throws(() => tournamentBound({ generate: 0.3, compare: 0.5 }, { candidates: 4, comparisons: 3 }), /better than a coin flip/);
    assert.throws(() => tournamentBound({ generate: 0, compare: 0.7 }, { candidates: 4, comparisons: 3 }), QuantityError);
    assert.throws(
      () => tournamentBound({ generate: 0.3, compare: 0.7 }, { candidates: 2.5, comparisons: 3 }),
      /candidates \(N\) must be a whole number/,
    );
    assert.throws(() => bestTournament({ generate: 0.3, compare: 0.7 }, 0), /calls must be a whole number ≥ 1/);
    assert.throws(() => bestTournament({ generate: 0.3, compare: 0.7 }, 1e10), /calls must be at most 1B/);
  });
});
