/**
 * How many layers a read may walk through before the layers below are merged into one map: a
 * trade-off, not a measured optimum. Reads stay within 32 Map lookups (well under a microsecond),
 * and a merge, which copies every entry, happens once per 32 copies that wrote something.
 */
const MAX_DEPTH = 32;

/**
 * A string-keyed map that copies in constant time, for the scope kept after every cell of a
 * notebook: a copy shares everything written before it, and each side keeps its later writes in a
 * layer of its own. Copying a map with n entries after each of n cells would cost n² entries;
 * here each write costs one entry, and every MAX_DEPTH layers one merge of the layers below.
 * Entries iterate in the order they were first set, as in a Map (an entry deleted and set again
 * keeps its first place, unlike in a Map: scopes never delete declarations).
 */
export class LayeredMap<Value> {
  /** This map's own writes; `undefined` values are deletions of entries in the layers below. */
  private own?: Map<string, Value | undefined>;

  constructor(
    private below?: LayeredMap<Value>,
    private depth = 0,
  ) {}

  get(key: string): Value | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walking down the layers starts at this one
    for (let layer: LayeredMap<Value> | undefined = this; layer; layer = layer.below) {
      if (layer.own?.has(key)) return layer.own.get(key);
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: Value): void {
    (this.own ??= new Map()).set(key, value);
  }

  delete(key: string): void {
    if (this.below?.has(key)) (this.own ??= new Map()).set(key, undefined);
    else this.own?.delete(key);
  }

  /** A copy; this map and the copy change independently from now on. */
  copy(): LayeredMap<Value> {
    if (this.own?.size) {
      // What is written so far becomes a shared layer below both.
      const shared = new LayeredMap<Value>(this.below, this.depth);
      shared.own = this.own;
      this.own = undefined;
      this.below = shared.depth >= MAX_DEPTH ? shared.merged() : shared;
      this.depth = this.below.depth + 1;
    }
    return new LayeredMap(this.below, (this.below?.depth ?? -1) + 1);
  }

  /** Every entry, in the order first set. */
  entries(): Array<[string, Value]> {
    return [...this.merged().own!].filter((entry): entry is [string, Value] => entry[1] !== undefined);
  }

  /** True when both maps hold the same values (by identity) in the same order. */
  sameEntries(other: LayeredMap<Value>): boolean {
    if (!this.own?.size && !other.own?.size && this.below === other.below) return true;
    const mine = this.entries();
    const theirs = other.entries();
    return mine.length === theirs.length && mine.every(([key, value], index) => theirs[index][0] === key && theirs[index][1] === value);
  }

  /** One layer with every entry of this map and the layers below it. */
  private merged(): LayeredMap<Value> {
    const layers: LayeredMap<Value>[] = [];
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walking down the layers starts at this one
    for (let layer: LayeredMap<Value> | undefined = this; layer; layer = layer.below) layers.unshift(layer);
    const all = new Map<string, Value | undefined>();
    for (const layer of layers) {
      for (const [key, value] of layer.own ?? []) {
        if (value === undefined) all.delete(key);
        else all.set(key, value);
      }
    }
    const merged = new LayeredMap<Value>();
    merged.own = all;
    return merged;
  }
}
