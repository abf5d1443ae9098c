import type { ScalingLaw } from '../../core';
import { evaluateCell, type CellEvaluation, type EvaluateOptions } from './evaluateNotebook';
import { ResourceReads } from './resourceReads';
import type { ProvidedResources } from './resources';
import { Scope } from './scope';
import { ScopeDependencies } from './scopeDependencies';

/** One cell as last evaluated: its results, the scopes before and after it, and what it read. */
interface CachedCell {
  readonly text: string;
  /** The scope the cell was evaluated on and the scope after it; neither changes afterwards. */
  readonly before: Scope;
  readonly after: Scope;
  readonly evaluation: CellEvaluation;
  readonly scopeReads: ScopeDependencies;
  readonly resourceReads: ResourceReads;
}

/**
 * Evaluates a notebook again after an edit without re-deriving what the edit cannot change. The
 * scope after each cell is kept, with what the cell read from the cells above and from the
 * resources: a cell is evaluated afresh only when its text changed, or an entry it read (a name, a
 * fit, the active law, a file's text) changed. Editing cell j re-derives cell j and the cells below
 * that use what it declares; running cells one after another (Run All) evaluates each cell once.
 *
 * Results equal {@link evaluateNotebook}'s (test/language/evaluator/incrementalEvaluator.test.ts
 * checks this on random edit sequences), except that cells above `upTo` are evaluated in full,
 * queries included: their declarations, and so what the cell at `upTo` sees, are the same.
 */
export class IncrementalEvaluator {
  private cached: CachedCell[] = [];
  private law?: ScalingLaw;
  private empty?: Scope;
  private freshCells = 0;

  /** How many cells have been evaluated afresh (not reused) so far. */
  get cellsEvaluated(): number {
    return this.freshCells;
  }

  /** The evaluations of cells 0..`upTo` (all cells without it), reusing what still holds. */
  evaluate(cells: readonly string[], options: EvaluateOptions = {}): CellEvaluation[] {
    let before = this.start(options.defaultLaw);
    const last = Math.min(options.upTo ?? cells.length - 1, cells.length - 1);
    const resources = options.resources ?? {};
    if (this.cached.length > cells.length) this.cached.length = cells.length;
    const evaluations: CellEvaluation[] = [];
    for (let index = 0; index <= last; index++) {
      const text = cells[index];
      const cell = this.reuse(this.cached[index], text, before, resources) ?? this.evaluateAfresh(text, index, before, resources);
      this.cached[index] = cell;
      evaluations.push(cell.evaluation);
      before = cell.after;
    }
    return evaluations;
  }

  /**
   * The scope after the cells above `cellIndex` (for hovers and completions), from the cache when
   * it holds for these cells. Never change it: copy it.
   */
  scopeBefore(cells: readonly string[], cellIndex: number, options: Omit<EvaluateOptions, 'upTo'> = {}): Scope {
    this.evaluate(cells, { ...options, upTo: cellIndex - 1 });
    return cellIndex > 0 ? this.cached[cellIndex - 1].after : this.start(options.defaultLaw);
  }

  /** The scope before the first cell; a new default law invalidates everything. */
  private start(law: ScalingLaw | undefined): Scope {
    if (!this.empty || law !== this.law) {
      this.cached = [];
      this.law = law;
      this.empty = new Scope(law);
    }
    return this.empty;
  }

  private reuse(cell: CachedCell | undefined, text: string, before: Scope, resources: ProvidedResources): CachedCell | undefined {
    if (!cell || cell.text !== text || !cell.resourceReads.agree(resources)) return undefined;
    if (cell.before === before) return cell;
    if (!cell.scopeReads.agree(cell.before, before)) return undefined;
    return { ...cell, before, after: cell.scopeReads.replay(cell.after, before) };
  }

  private evaluateAfresh(text: string, cellIndex: number, before: Scope, resources: ProvidedResources): CachedCell {
    this.freshCells++;
    const scopeReads = new ScopeDependencies();
    const resourceReads = new ResourceReads();
    const after = before.copy(scopeReads);
    const evaluation = evaluateCell(text, cellIndex, after, true, resourceReads.observe(resources));
    return { text, before, after, evaluation, scopeReads, resourceReads };
  }
}
