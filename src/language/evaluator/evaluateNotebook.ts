import type { ScalingLaw } from '../../core';
import type { Statement } from '../ast';
import { StatementError, errorAt, type Diagnostic } from '../diagnostics';
import { KEYWORDS } from '../statements';
import type { ResultPayload } from '../output/resultPayload';
import { parseCell, splitLines, type ParsedCell } from '../parser';
import { evaluateData, evaluateFit } from './dataStatements';
import { evaluateBudget, evaluateLaw, evaluateModel } from './declarations';
import type { EvaluationContext } from './evaluationContext';
import { evaluatePlot } from './plots';
import { evaluateCheck, evaluateCompare, evaluateOptimal } from './queries';
import { evaluateReturns } from './returnsStatement';
import { PendingResourceError, type PendingResources, type ProvidedResources } from './resources';
import { Scope } from './scope';
import { evaluateCoverage, evaluateTournament } from './testTimeStatements';
import { evaluateEmergence } from './emergenceStatement';
import { evaluateLanguages, evaluateTransfer } from './languageStatements';

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

type Handler = (context: EvaluationContext) => ResultPayload;

/** Statements that declare names: evaluated in every cell above the one being run. */
const DECLARATIONS: Readonly<Record<string, Handler>> = {
  law: evaluateLaw,
  model: evaluateModel,
  budget: evaluateBudget,
  data: evaluateData,
  fit: evaluateFit,
};

/** Statements that only answer: evaluated in the cell being run. */
const QUERIES: Readonly<Record<string, Handler>> = {
  optimal: evaluateOptimal,
  check: evaluateCheck,
  compare: evaluateCompare,
  plot: evaluatePlot,
  returns: evaluateReturns,
  coverage: evaluateCoverage,
  tournament: evaluateTournament,
  emergence: evaluateEmergence,
  languages: evaluateLanguages,
  transfer: evaluateTransfer,
};

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
    evaluations.push(evaluateCell(cells[cellIndex], cellIndex, scope, cellIndex === last || options.upTo === undefined, options.resources ?? {}));
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
  const ownLines = splitLines(cells[cellIndex] ?? '').slice(0, line + 1).join('\n');
  evaluateCell(ownLines, cellIndex, scope, false, options.resources ?? {});
  return scope;
}

/** Evaluates one cell on `scope`, which gains the cell's declarations; queries answer only when `runQueries`. */
export function evaluateCell(text: string, cellIndex: number, scope: Scope, runQueries: boolean, resources: ProvidedResources): CellEvaluation {
  const parsed = parseCell(text);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const results: ResultPayload[] = [];
  const pending: PendingResources = { files: [], fits: [] };
  for (const statement of parsed.statements) {
    const handler = DECLARATIONS[statement.keyword] ?? (runQueries ? QUERIES[statement.keyword] : undefined);
    if (!handler) continue;
    const hints: Diagnostic[] = [];
    try {
      rejectStrayWords(statement);
      results.push(handler({ scope, cellIndex, statement, hints, resources, pending }));
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

/**
 * Words after a statement that takes none are a mistake, not something to skip: `params=70 B`
 * would otherwise silently mean 70 parameters.
 */
function rejectStrayWords(statement: Statement): void {
  if (KEYWORDS[statement.keyword].positionals || statement.positionals.length === 0) return;
  const [stray] = statement.positionals;
  const text = statement.lineText.slice(stray.span.start, stray.span.end);
  const before = statement.lineText.slice(0, stray.span.start);
  const splitSuffix = stray.type === 'name' && /^[KMBGTP]$/i.test(text) && /\d\s+$/.test(before);
  throw errorAt(
    stray.span,
    'syntax',
    `unexpected "${text}" after ${statement.keyword}${statement.name ? ` ${statement.name.name}` : ''}`,
    splitSuffix ? `write the number and its suffix together: ${before.trimEnd().split(/[\s=]/).pop()}${text}` : `"${statement.keyword}" takes key=value properties: ${KEYWORDS[statement.keyword].syntax}`,
  );
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

function sameColumns(first: ResultPayload, second: ResultPayload): boolean {
  return first.tables[0].columns.join('\t') === second.tables[0].columns.join('\t');
}

/**
 * Consecutive `model` (or `budget`) lines of a cell show as one table, not one output each. Rows
 * are appended in place (linear: a cell of 20,000 model lines once took 20 s copying them).
 */
function mergeDeclarationTables(results: ResultPayload[]): ResultPayload[] {
  const merged: ResultPayload[] = [];
  let open: { rows: Array<readonly string[]>; data: unknown[] } | undefined;
  for (const result of results) {
    const previous = merged[merged.length - 1];
    // Only tables of the same columns merge: a model with unique= has repetition columns.
    const declaration = result.kind === 'model' || result.kind === 'budget';
    if (open && declaration && previous.kind === result.kind && sameColumns(previous, result)) {
      open.rows.push(...result.tables[0].rows);
      open.data.push(...(result.data as unknown[]));
    } else if (declaration) {
      open = { rows: [...result.tables[0].rows], data: [...(result.data as unknown[])] };
      merged.push({ ...result, tables: [{ ...result.tables[0], rows: open.rows }], data: open.data });
    } else {
      open = undefined;
      merged.push(result);
    }
  }
  return merged;
}
