import type { Scope, ScopeObserver, ScopeTable } from './scope';

/**
 * What one cell's evaluation read from the scope of the cells above it, and what it wrote. The
 * cell's results depend on nothing else of that scope, so they stand for any scope that agrees with
 * the one it was evaluated on at the entries it read. A read of an entry the cell itself wrote
 * first is no dependency.
 */
export class ScopeDependencies implements ScopeObserver {
  private readonly reads = new Map<ScopeTable, Set<string>>();
  private readonly writes = new Map<ScopeTable, Set<string>>();
  private readsAll = false;

  read(table: ScopeTable, key: string): void {
    if (!this.writes.get(table)?.has(key)) addTo(this.reads, table, key);
  }

  wrote(table: ScopeTable, key: string): void {
    addTo(this.writes, table, key);
  }

  readAll(): void {
    this.readsAll = true;
  }

  /** True when `scope` holds the same objects as `evaluatedOn` at every entry the cell read. */
  agree(evaluatedOn: Scope, scope: Scope): boolean {
    if (this.readsAll && !evaluatedOn.sameDeclarations(scope)) return false;
    for (const [table, keys] of this.reads) {
      for (const key of keys) if (evaluatedOn.peek(table, key) !== scope.peek(table, key)) return false;
    }
    return true;
  }

  /** The scope after the cell on `scope`, without evaluating it again: its writes, as they are in `after`. */
  replay(after: Scope, scope: Scope): Scope {
    const replayed = scope.copy();
    for (const [table, keys] of this.writes) replayed.copyEntries(after, table, keys);
    return replayed;
  }
}

function addTo(sets: Map<ScopeTable, Set<string>>, table: ScopeTable, key: string): void {
  const keys = sets.get(table) ?? new Set<string>();
  keys.add(key);
  sets.set(table, keys);
}
