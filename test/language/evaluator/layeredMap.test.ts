import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LayeredMap } from '../../../src/language/evaluator/layeredMap';

type Operation =
  | { readonly kind: 'set'; readonly map: number; readonly key: string; readonly value: number }
  | { readonly kind: 'delete'; readonly map: number; readonly key: string }
  | { readonly kind: 'copy'; readonly map: number };

const KEY = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const operations = (withDeletes: boolean) =>
  fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('set' as const), map: fc.nat(), key: KEY, value: fc.nat() }),
      fc.record({ kind: fc.constant('copy' as const), map: fc.nat() }),
      ...(withDeletes ? [fc.record({ kind: fc.constant('delete' as const), map: fc.nat(), key: KEY })] : []),
    ),
    // Long enough for chains deeper than the 32 layers after which layers merge.
    { maxLength: 300 },
  );

/** Applies the operations to layered maps and to plain Maps copied entry by entry, side by side. */
function replay(steps: readonly Operation[]): Array<[LayeredMap<number>, Map<string, number>]> {
  const maps: Array<[LayeredMap<number>, Map<string, number>]> = [[new LayeredMap(), new Map()]];
  for (const step of steps) {
    const [layered, plain] = maps[step.map % maps.length];
    if (step.kind === 'set') {
      layered.set(step.key, step.value);
      plain.set(step.key, step.value);
    } else if (step.kind === 'delete') {
      layered.delete(step.key);
      plain.delete(step.key);
    } else {
      maps.push([layered.copy(), new Map(plain)]);
    }
  }
  return maps;
}

describe('language/evaluator/layered map', () => {
  it('reads like a Map copied at every copy, entries in the order first set, however deep the copies go', () => {
    fc.assert(
      fc.property(operations(false), (steps) => {
        for (const [layered, plain] of replay(steps)) assert.deepEqual(layered.entries(), [...plain]);
      }),
      { numRuns: 300 },
    );
  });

  it('deletions hide an entry in its own map only', () => {
    fc.assert(
      fc.property(operations(true), (steps) => {
        for (const [layered, plain] of replay(steps)) {
          for (const key of ['a', 'b', 'c', 'd', 'e']) assert.equal(layered.get(key), plain.get(key));
          assert.deepEqual(new Map(layered.entries()), plain);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a copy that nobody wrote to has the same entries; a write makes them differ', () => {
    const map = new LayeredMap<object>();
    const value = {};
    map.set('a', value);
    const copy = map.copy();
    assert.ok(map.sameEntries(copy));
    copy.set('b', {});
    assert.ok(!map.sameEntries(copy));
    const other = map.copy();
    other.set('a', {});
    assert.ok(!map.sameEntries(other), 'the same key with another object');
  });
});
