import type { ScalingLaw } from '../../core';
import { StatementError, type Diagnostic } from '../diagnostics';
import type { ResultPayload } from '../output/resultPayload';
import { parseCell, splitLines, type ParsedCell } from '../parser';
import { checkConstraints, rejectStrayWords, requireForm, roleOf } from '../registry';
import { PendingResourceError, type PendingResources, type ProvidedResources } from './resources';
import { Scope } from './scope';

/** What one code cell produced: results in line order, and every diagnostic of the cell. */
export interface CellEvaluation {
  readonly cellIndex: number;
  readonly parsed: ParsedCell;
  readonly results: readonly ResultPayload[];
  readonly diagnostics: readonly Diagnostic[];
  /** True when the cell has no error (information hints do not count). */
  readonly ok: boolean;
  /** Files and fits the cell waits for: provide them and evaluate again. */
  readonly pending: PendingResources;
}

export interface EvaluateOptions {
  /** The law active before any `law` statement (the `scaling.defaultLaw` setting). */
  readonly defaultLaw?: ScalingLaw;
  /**
   * Evaluate only up to this code cell (inclusive). Cells above it are evaluated for their
   * declarations only, which is all a cell can see.
   */
  readonly upTo?: number;
  /** Data files read and fits computed by the caller (see resources.ts). */
  readonly resources?: ProvidedResources;
}

/**
 * Evaluates code cells in document order. Each cell sees what the cells above it declared, and
 * nothing else, so results never depend on the order in which cells were run. Never throws for
 * anything a user can type: every problem becomes a located diagnostic and other statements and
 * cells still evaluate.
 *
 * @example evaluateNotebook(['model m params=70B tokens=1.4T', 'check m'])[1].results[0].kind // 'check'
 */
export function evaluateNotebook(cells: readonly string[], options: EvaluateOptions = {}): CellEvaluation[] {
  const scope = new Scope(options.defaultLaw);
  const last = Math.min(options.upTo ?? cells.length - 1, cells.length - 1);
  const evaluations: CellEvaluation[] = [];
  for (let cellIndex = 0; cellIndex <= last; cellIndex++) {
    evaluations.push(
      evaluateCell(cells[cellIndex], cellIndex, scope, cellIndex === last || options.upTo === undefined, options.resources ?? {}),
    );
  }
  return evaluations;
}

/** What a hover or completion evaluates with. */
export interface ScopeOptions extends Pick<EvaluateOptions, 'defaultLaw' | 'resources'> {
  /** The scope after the cells above, when the caller keeps it (IncrementalEvaluator.scopeBefore): they are not evaluated again. */
  readonly scopeBefore?: Scope;
}

/**
 * The names visible at a line of a cell: everything declared in the cells above it and on the lines
 * of its own cell up to and including `line`, and the law active there. For hovers and completions.
 */
export function scopeAt(cells: readonly string[], cellIndex: number, line: number, options: ScopeOptions = {}): Scope {
  const scope = options.scopeBefore?.copy() ?? new Scope(options.defaultLaw);
  if (!options.scopeBefore) {
    for (let index = 0; index < cellIndex; index++) evaluateCell(cells[index], index, scope, false, options.resources ?? {});
  }
  const ownLines = splitLines(cells[cellIndex] ?? '')
    .slice(0, line + 1)
    .join('\n');
  evaluateCell(ownLines, cellIndex, scope, false, options.resources ?? {});
  return scope;
}

/** Evaluates one cell on `scope`, which gains the cell's declarations; queries answer only when `runQueries`. */
export function evaluateCell(
  text: string,
  cellIndex: number,
  scope: Scope,
  runQueries: boolean,
  resources: ProvidedResources,
): CellEvaluation {
  const parsed = parseCell(text);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const results: ResultPayload[] = [];
  const pending: PendingResources = { files: [], fits: [] };
  for (const statement of parsed.statements) {
    // Declarations run in every cell above the one being run, queries only in it.
    if (roleOf(statement.keyword) === 'query' && !runQueries) continue;
    const hints: Diagnostic[] = [];
    try {
      const form = requireForm(statement, (name) => scope.lookup(name) !== undefined);
      rejectStrayWords(statement, form);
      checkConstraints(statement, form);
      results.push(form.evaluate({ scope, cellIndex, statement, form, hints, resources, pending }));
      diagnostics.push(...hints);
    } catch (error) {
      diagnostics.push(diagnosticFor(error, statement.span));
    }
  }
  return {
    cellIndex,
    parsed,
    results: mergeDeclarationTables(results),
    diagnostics,
    ok: !diagnostics.some((diagnostic) => diagnostic.severity === 'error'),
    pending,
  };
}

/** A StatementError's diagnostic; anything else is a bug, reported on the statement, never thrown. */
function diagnosticFor(error: unknown, span: Diagnostic['span']): Diagnostic {
  if (error instanceof StatementError) return error.diagnostic;
  if (error instanceof PendingResourceError) {
    return { code: 'pending', severity: 'information', message: `${error.message}: results appear when the cell runs`, span };
  }
  return {
    code: 'invalid-value',
    severity: 'error',
    message: `internal error while evaluating this line: ${(error as Error)?.message ?? String(error)}`,
    span,
    hint: 'please report this with the cell text',
  };
}

type DeclarationPayload = ResultPayload<'model' | 'budget'>;

/** A merged declaration result, with its rows and data as the lists the next declarations append to. */
interface OpenDeclaration {
  readonly payload: DeclarationPayload;
  readonly rows: Array<readonly string[]>;
  readonly data: Array<DeclarationPayload['data'][number]>;
}

/** A copy of a declaration's result whose rows and data are lists of its own, to append to. */
function openDeclaration<P extends DeclarationPayload>(result: P): OpenDeclaration {
  const rows = [...result.tables[0].rows];
  const data: Array<P['data'][number]> = [...result.data];
  const payload: P = { ...result, tables: [{ ...result.tables[0], rows }], data };
  return { payload, rows, data };
}

function sameColumns(first: ResultPayload, second: ResultPayload): boolean {
  return first.tables[0].columns.join('\t') === second.tables[0].columns.join('\t');
}

/**
 * Consecutive `model` (or `budget`) lines of a cell show as one table, not one output each. Rows
 * are appended in place (linear: a cell of 20,000 model lines once took 20 s copying them).
 */
function mergeDeclarationTables(results: ResultPayload[]): ResultPayload[] {
  const merged: ResultPayload[] = [];
  let open: OpenDeclaration | undefined;
  for (const result of results) {
    const previous = merged[merged.length - 1];
    // Only tables of the same columns merge: a model with unique= has repetition columns.
    const declaration = result.kind === 'model' || result.kind === 'budget';
    if (open && declaration && previous.kind === result.kind && sameColumns(previous, result)) {
      open.rows.push(...result.tables[0].rows);
      open.data.push(...result.data);
    } else if (declaration) {
      open = openDeclaration(result);
      merged.push(open.payload);
    } else {
      open = undefined;
      merged.push(result);
    }
  }
  return merged;
}
