import {
  DEFAULT_LAW_ID,
  findCatalogModel,
  findPresetLaw,
  presetLawNames,
  MODEL_CATALOG,
  type HardwareBudget,
  type ModelSize,
  type ScalingLaw,
} from '../../core';
import type { AllocationFit, FitPoint, TrainingCurve } from '../../core/fit';
import type { MixtureFit } from '../../core/mixtures';
import type { NameNode, Span } from '../ast';
import { errorAt } from '../diagnostics';
import { closestWord } from '../closestWord';
import { LayeredMap } from './layeredMap';
import { PendingResourceError } from './resources';

/** Where a name was declared: which code cell (0-based among code cells) and which span. */
export interface DeclarationSite {
  readonly cellIndex: number;
  readonly span: Span;
}

export interface ModelDeclaration extends ModelSize {
  readonly kind: 'model';
  readonly name: string;
  readonly site?: DeclarationSite;
  /** The catalog source for catalog models. */
  readonly source?: string;
  /** The training compute the authors report, for catalog models that have one. */
  readonly reportedCompute?: { readonly flops: number; readonly source: string };
  /** Unique tokens the training data is drawn from (`unique=`); absent when every token is fresh. */
  readonly uniqueTokens?: number;
}

export interface BudgetDeclaration {
  readonly kind: 'budget';
  readonly name: string;
  readonly compute: number;
  readonly hardware?: HardwareBudget & { readonly accelerators: number; readonly hours: number; readonly mfu: number };
  readonly site: DeclarationSite;
}

export interface LawDeclaration {
  readonly kind: 'law';
  readonly name: string;
  readonly law: ScalingLaw;
  readonly site: DeclarationSite;
}

/** A data set of training runs; `fit DATA` gives it a fitted law, reachable by the data set's name. */
export interface DataDeclaration {
  readonly kind: 'data';
  readonly name: string;
  readonly points: readonly FitPoint[];
  /** Where each quantity came from ("parameters from \"N\", …"). */
  readonly summary: string;
  /** Domains of a data-mixture study, in the order of each run's weights; empty when the runs have none. */
  readonly domains: readonly string[];
  /** The training curves, when the file held one row per evaluation; `points` are then each run's last evaluation. */
  readonly curves?: readonly TrainingCurve[];
  readonly site: DeclarationSite;
}

export type Declaration = ModelDeclaration | BudgetDeclaration | LawDeclaration | DataDeclaration;

/** A data set's fit: the law, and the runs it was asked to predict (with intervals after a bootstrap). */
export interface FittedData {
  readonly law: ScalingLaw;
  readonly predictions: ReadonlyArray<{
    readonly name: string;
    readonly params: number;
    readonly tokens: number;
    readonly loss?: { readonly low: number; readonly high: number };
  }>;
}

/** What a scope keeps by name; `law` is the active law, under the key ''. */
export type ScopeTable = 'declarations' | 'fits' | 'mixtureFits' | 'allocationFits' | 'unusableFits' | 'law';

/** Told of every read and write of a scope: how the incremental evaluator learns what a cell depends on. */
export interface ScopeObserver {
  read(table: ScopeTable, key: string): void;
  wrote(table: ScopeTable, key: string): void;
  /** Every declaration was listed (e.g. to suggest a name). */
  readAll(): void;
}

/**
 * Everything declared so far in the notebook, in document order, and the active law. One namespace
 * for models, budgets and laws: a name means one thing. Catalog models and preset laws are known
 * without declaring and may be shadowed by a declaration.
 */
export class Scope {
  private declarations = new LayeredMap<Declaration>();
  /** Laws fitted to data sets, by data set name; 'pending' while the fit is being computed. */
  private fits = new LayeredMap<FittedData | 'pending'>();
  /** Mixture laws fitted to data sets (`fit DATA mixture=…`), by data set name; 'pending' while computed. */
  private mixtureFits = new LayeredMap<MixtureFit | 'pending'>();
  /** Allocations fitted by Approach 1 or 2 (`fit DATA approach=isoflop|envelope`), by data set name. */
  private allocationFits = new LayeredMap<AllocationFit>();
  /** Why a data set's fitted constants are not a law (e.g. "α = -0.290"), by data set name. */
  private unusableFits = new LayeredMap<string>();
  private activeLaw: ScalingLaw = findPresetLaw(DEFAULT_LAW_ID)!;
  private observer?: ScopeObserver;
  constructor(defaultLaw?: ScalingLaw) {
    if (defaultLaw) this.activeLaw = defaultLaw;
  }

  /** A copy that evaluating further cells on leaves this scope as it is; `observer` hears its reads and writes. */
  copy(observer?: ScopeObserver): Scope {
    const copy = new Scope(this.activeLaw);
    copy.declarations = this.declarations.copy();
    copy.fits = this.fits.copy();
    copy.mixtureFits = this.mixtureFits.copy();
    copy.allocationFits = this.allocationFits.copy();
    copy.unusableFits = this.unusableFits.copy();
    copy.observer = observer;
    return copy;
  }

  /** The entry of `table` under `key` (a lower-case name), without counting as a read. */
  peek(table: ScopeTable, key: string): unknown {
    return table === 'law' ? this.activeLaw : this.table(table).get(key);
  }

  /** Sets (or removes) the entries `keys` of `table` to what they are in `source`: replays a cell's writes. */
  copyEntries(source: Scope, table: ScopeTable, keys: Iterable<string>): void {
    if (table === 'law') {
      this.activeLaw = source.activeLaw;
      return;
    }
    for (const key of keys) {
      const value = source.table(table).get(key);
      if (value !== undefined) this.table(table).set(key, value);
      else this.table(table).delete(key);
    }
  }

  /** True when both scopes declare the same objects in the same order. */
  sameDeclarations(other: Scope): boolean {
    return this.declarations.sameEntries(other.declarations);
  }

  private table(table: Exclude<ScopeTable, 'law'>): LayeredMap<unknown> {
    return this[table];
  }

  get law(): ScalingLaw {
    this.observer?.read('law', '');
    return this.activeLaw;
  }

  setActiveLaw(law: ScalingLaw): void {
    this.observer?.wrote('law', '');
    this.activeLaw = law;
  }

  /** Declares a name; redeclaring is an error that points at both places. */
  declare(declaration: Declaration, nameSpan: Span): void {
    const key = declaration.name.toLowerCase();
    this.observer?.read('declarations', key);
    const previous = this.declarations.get(key);
    if (previous?.site) {
      const where = `cell ${previous.site.cellIndex + 1}, line ${previous.site.span.line + 1}`;
      throw errorAt(
        nameSpan,
        'redeclared',
        `"${declaration.name}" is already declared (${previous.kind}, ${where})`,
        'pick another name, or edit the first declaration',
        {
          message: 'first declared here',
          cellIndex: previous.site.cellIndex,
          span: previous.site.span,
        },
      );
    }
    this.observer?.wrote('declarations', key);
    this.declarations.set(key, declaration);
  }

  lookup(name: string): Declaration | undefined {
    this.observer?.read('declarations', name.toLowerCase());
    return this.declarations.get(name.toLowerCase());
  }

  /** All declarations, in declaration order. */
  all(): Declaration[] {
    this.observer?.readAll();
    return this.declarations.entries().map(([, declaration]) => declaration);
  }

  /** A declared model, or a catalog model. */
  findModel(name: string): ModelDeclaration | undefined {
    const declared = this.lookup(name);
    if (declared) return declared.kind === 'model' ? declared : undefined;
    const catalog = findCatalogModel(name);
    if (!catalog) return undefined;
    const { params, activeParams, tokens, source, reportedCompute } = catalog;
    return { kind: 'model', name: catalog.id, params, activeParams, tokens, source, reportedCompute };
  }

  /** Records the fit of data set `name` (or that it is still running). */
  setFit(name: string, fit: FittedData | 'pending'): void {
    this.observer?.wrote('fits', name.toLowerCase());
    this.fits.set(name.toLowerCase(), fit);
  }

  /** Records that data set `name` was fitted but its constants are not a law, and why. */
  setUnusableFit(name: string, reason: string): void {
    this.observer?.wrote('fits', name.toLowerCase());
    this.observer?.wrote('unusableFits', name.toLowerCase());
    this.fits.delete(name.toLowerCase());
    this.unusableFits.set(name.toLowerCase(), reason);
  }

  /** Records the mixture-law fit of data set `name` (or that it is still running). */
  setMixtureFit(name: string, fit: MixtureFit | 'pending'): void {
    this.observer?.wrote('mixtureFits', name.toLowerCase());
    this.mixtureFits.set(name.toLowerCase(), fit);
  }

  /** The mixture-law fit of data set `name`; throws while it is still running. */
  mixtureFitOf(name: string): MixtureFit | undefined {
    this.observer?.read('mixtureFits', name.toLowerCase());
    const fit = this.mixtureFits.get(name.toLowerCase());
    if (fit === 'pending') throw new PendingResourceError(`the mixture fit of ${name}`);
    return fit;
  }

  /** Records the allocation Approach 1 or 2 fitted to data set `name`. */
  setAllocationFit(name: string, fit: AllocationFit): void {
    this.observer?.wrote('allocationFits', name.toLowerCase());
    this.allocationFits.set(name.toLowerCase(), fit);
  }

  /** The allocation fitted to data set `name`, if any: `optimal BUDGET law=NAME` answers from it when there is no law. */
  allocationFitOf(name: string): AllocationFit | undefined {
    this.observer?.read('allocationFits', name.toLowerCase());
    return this.allocationFits.get(name.toLowerCase());
  }

  /** The fit of data set `name`; throws while it is still running. */
  fitOf(name: string): FittedData | undefined {
    this.observer?.read('fits', name.toLowerCase());
    const fit = this.fits.get(name.toLowerCase());
    if (fit === 'pending') throw new PendingResourceError(`the fit of ${name}`);
    return fit;
  }

  /** A declared law, a data set's fitted law, or a preset. Throws while a fit is pending. */
  findLaw(name: string): ScalingLaw | undefined {
    const declared = this.lookup(name);
    if (declared?.kind === 'data') return this.fitOf(name)?.law;
    if (declared?.kind === 'law') return declared.law;
    // Where a law is expected, a preset's name means the preset even when a model shares it
    // (`model chinchilla …` then `law=chinchilla`).
    return findPresetLaw(name);
  }

  /** A declared or catalog model; otherwise an error with a suggestion. */
  model(node: NameNode): ModelDeclaration {
    const model = this.findModel(node.name);
    if (model) return model;
    this.requireNotOtherKind(node, 'model');
    throw this.unknown(node, 'model', [...this.namesOf('model'), ...MODEL_CATALOG.map((catalog) => catalog.id)]);
  }

  /** A declared law or a preset; otherwise an error with a suggestion. */
  lawNamed(node: NameNode): ScalingLaw {
    const law = this.findLaw(node.name);
    if (law) return law;
    this.observer?.read('unusableFits', node.name.toLowerCase());
    const unusable = this.unusableFits.get(node.name.toLowerCase());
    if (unusable)
      throw errorAt(
        node.span,
        'invalid-value',
        `the fit of ${node.name} is not a usable law: ${unusable}`,
        'see the warnings under its fit line',
      );
    const allocation = this.allocationFitOf(node.name);
    if (allocation) {
      // Approaches 1 and 2 fit where the optimum lies, not the loss there (Hoffmann et al. 2022, Sec. 3).
      const approach = allocation.approach === 'isoflop' ? 'Approach 2, isoFLOP profiles' : 'Approach 1, training-curve envelope';
      throw errorAt(
        node.span,
        'invalid-value',
        `"${node.name}" has an allocation fit (${approach}), not a loss law: it gives N_opt and D_opt, not losses`,
        `ask optimal BUDGET law=${node.name}, or fit ${node.name} (approach=parametric) for L(N, D)`,
      );
    }
    if (this.lookup(node.name)?.kind === 'data') {
      throw errorAt(node.span, 'invalid-value', `"${node.name}" is a data set with no fitted law yet`, `fit it first: fit ${node.name}`);
    }
    this.requireNotOtherKind(node, 'law');
    throw this.unknown(node, 'law', [...this.namesOf('law'), ...presetLawNames()]);
  }

  private requireNotOtherKind(node: NameNode, wanted: Declaration['kind']): void {
    const declared = this.lookup(node.name);
    if (declared && declared.kind !== wanted)
      throw errorAt(node.span, 'invalid-value', `"${node.name}" is a ${declared.kind}, not a ${wanted}`);
  }

  namesOf(kind: Declaration['kind']): string[] {
    return this.all()
      .filter((declaration) => declaration.kind === kind)
      .map((declaration) => declaration.name);
  }

  unknown(node: NameNode, what: string, candidates: readonly string[]) {
    const suggestion = closestWord(node.name, candidates);
    return errorAt(
      node.span,
      'unknown-name',
      `unknown ${what} "${node.name}"`,
      suggestion
        ? `did you mean "${suggestion}"?`
        : candidates.length === 0
          ? `declare it above: ${what === 'data set' ? 'data NAME from "runs.csv"' : `${what} NAME …`}`
          : `declare it above, or use one of: ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''}`,
    );
  }
}
