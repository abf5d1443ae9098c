import Papa from 'papaparse';
import { COLUMN_ALIASES, normalizeHeader, readCell } from './csvRuns';
import { FitDataError, validateFitPoints, type FitPoint } from './fitPoints';

/** One evaluation on a training curve: tokens seen so far and the loss then. */
export interface CurveEvaluation {
  readonly tokens: number;
  readonly loss: number;
  /** "line 7" of the file, for messages. */
  readonly source: string;
}

/** One run's training curve: its size and its evaluations by increasing tokens. */
export interface TrainingCurve {
  readonly run: string;
  readonly params: number;
  readonly evaluations: readonly CurveEvaluation[];
}

/** The columns of a long-format table of training curves. */
export type CurveColumn = 'run' | 'params' | 'tokens' | 'step' | 'tokensPerStep' | 'loss';

/**
 * Header names recognised for each column (after lower-casing and turning spaces, dots and hyphens
 * into underscores): the run-table names of {@link COLUMN_ALIASES} plus those experiment trackers
 * use in their history exports (W&B's `_step`, `train_loss`, …).
 */
export const CURVE_COLUMN_ALIASES: Readonly<Record<CurveColumn, readonly string[]>> = {
  run: ['run', 'run_id', 'run_name', 'name', 'id', 'experiment', 'model'],
  params: COLUMN_ALIASES.params,
  tokens: [...COLUMN_ALIASES.tokens, 'tokens_seen', 'consumed_tokens', 'num_tokens_seen', 'seen_tokens'],
  step: ['step', 'steps', 'global_step', 'train_step', 'iteration', 'iter', '_step'],
  tokensPerStep: ['tokens_per_step', 'batch_tokens', 'tokens_per_batch'],
  loss: [...COLUMN_ALIASES.loss, 'train_loss', 'training_loss'],
};

const CURVE_WORDS: Readonly<Record<CurveColumn, string>> = {
  run: 'run name',
  params: 'parameters',
  tokens: 'tokens seen',
  step: 'step',
  tokensPerStep: 'tokens per step',
  loss: 'loss',
};

/** Options of {@link parseTrainingCurves}. */
export interface TrainingCurveOptions {
  /** Header to use for a column, when the file's names are unusual. */
  readonly columns?: Partial<Record<CurveColumn, string>>;
  /** Tokens per optimizer step, when the file has steps but neither tokens nor a tokens-per-step column. */
  readonly tokensPerStep?: number;
}

/** Training curves read from a file, and where each quantity came from. */
export interface TrainingCurves {
  readonly curves: readonly TrainingCurve[];
  readonly evaluations: number;
  readonly ignoredColumns: readonly string[];
  /** One line saying where each quantity came from, for the output. */
  readonly summary: string;
}

/** A header line and data rows, from CSV (any delimiter papaparse detects) or JSON Lines. */
interface Rows {
  readonly headers: readonly string[];
  /** Each row's cells in header order, with its 1-based line in the file. */
  readonly rows: readonly { readonly cells: readonly string[]; readonly line: number }[];
}

function isJsonLines(text: string): boolean {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{');
}

/** JSON Lines (one object per line, as trackers export histories): the union of keys as headers. */
function jsonLinesRows(text: string): Rows {
  const headers: string[] = [];
  const objects: { value: Record<string, unknown>; line: number }[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    if (lineText.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch (error) {
      throw new FitDataError(`line ${index + 1} is not valid JSON: ${(error as Error).message}`, index + 1);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new FitDataError(`line ${index + 1} is not a JSON object`, index + 1);
    for (const key of Object.keys(value)) if (!headers.includes(key)) headers.push(key);
    objects.push({ value: value as Record<string, unknown>, line: index + 1 });
  });
  const cell = (entry: unknown) => (typeof entry === 'number' || typeof entry === 'string' ? String(entry) : '');
  return { headers, rows: objects.map(({ value, line }) => ({ cells: headers.map((header) => cell(value[header])), line })) };
}

function csvRows(text: string): Rows {
  const data = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false }).data;
  const headerIndex = data.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0) return { headers: [], rows: [] };
  const headers = data[headerIndex].map((header) => header.trim());
  const rows = data.flatMap((cells, index) => {
    if (index <= headerIndex || cells.every((cell) => cell.trim() === '')) return [];
    if (cells.length !== headers.length) {
      throw new FitDataError(
        `line ${index + 1} has ${cells.length} field${cells.length === 1 ? '' : 's'} but the header has ${headers.length}`,
        index + 1,
      );
    }
    return [{ cells, line: index + 1 }];
  });
  return { headers, rows };
}

function tableRows(text: string): Rows {
  return isJsonLines(text) ? jsonLinesRows(text) : csvRows(text);
}

/** The index of `column`'s header, or undefined; a requested header that is absent is an error. */
function curveColumn(headers: readonly string[], column: CurveColumn, requested?: string): number | undefined {
  const normalized = headers.map(normalizeHeader);
  if (requested !== undefined) {
    const index = normalized.indexOf(normalizeHeader(requested));
    if (index < 0)
      throw new FitDataError(
        `no column "${requested}" for ${CURVE_WORDS[column]}; the headers are ${headers.map((h) => `"${h}"`).join(', ')}`,
      );
    return index;
  }
  const index = normalized.findIndex((name) => CURVE_COLUMN_ALIASES[column].includes(name));
  return index < 0 ? undefined : index;
}

/**
 * Whether a table holds training curves in long format (one row per evaluation) rather than one row
 * per finished run: it is JSON Lines, or some run name occurs on more than one row.
 *
 * @example looksLikeTrainingCurves('run,params,tokens,loss\na,1e8,1e9,3.1\na,1e8,2e9,2.9') // true
 */
export function looksLikeTrainingCurves(text: string): boolean {
  if (isJsonLines(text)) return true;
  try {
    const { headers, rows } = csvRows(text);
    const run = curveColumn(headers, 'run');
    if (run === undefined) return false;
    const names = rows.map((row) => row.cells[run].trim());
    return new Set(names).size < names.length;
  } catch {
    return false;
  }
}

/**
 * Reads long-format training curves, the shape experiment trackers export (one row per evaluation;
 * CSV or JSON Lines): a run column, the run's parameters, tokens seen (or step × tokens per step,
 * from a column or `tokensPerStep`) and the loss. Every problem throws a `FitDataError` naming the
 * line: a missing column, a bad cell, a run whose parameter count changes, two evaluations of one
 * run at the same tokens.
 *
 * @example parseTrainingCurves('run,params,tokens,loss\na,1e8,1e9,3.1\na,1e8,2e9,2.9').curves[0].evaluations.length // 2
 */
export function parseTrainingCurves(text: string, options: TrainingCurveOptions = {}): TrainingCurves {
  const { headers, rows } = tableRows(text);
  if (headers.length === 0)
    throw new FitDataError('the file is empty: expected one row per evaluation (run, parameters, tokens seen, loss)');
  const requested = options.columns ?? {};
  const find = (column: CurveColumn) => curveColumn(headers, column, requested[column]);
  const index = {
    run: find('run'),
    params: find('params'),
    tokens: find('tokens'),
    step: find('step'),
    tokensPerStep: find('tokensPerStep'),
    loss: find('loss'),
  };
  const missing = (column: CurveColumn, extra = '') =>
    new FitDataError(
      `no ${CURVE_WORDS[column]} column${extra}: expected a header such as ${CURVE_COLUMN_ALIASES[column].join(', ')}; the headers ` +
        `are ${headers.map((h) => `"${h}"`).join(', ')}`,
    );
  for (const column of ['run', 'params', 'loss'] as const) if (index[column] === undefined) throw missing(column);
  const fromSteps = index.tokens === undefined;
  if (fromSteps && index.step === undefined) throw missing('tokens', ' and no step column');
  if (fromSteps && index.tokensPerStep === undefined && options.tokensPerStep === undefined) {
    throw new FitDataError(
      `the tokens seen come from "${headers[index.step!]}" steps, but no tokens-per-step column or tokens_per_step= says how many ` +
        `tokens a step is`,
    );
  }
  const byRun = new Map<string, { params: number; firstLine: number; evaluations: CurveEvaluation[] }>();
  for (const { cells, line } of rows) {
    const run = cells[index.run!].trim();
    if (run === '') throw new FitDataError(`line ${line}, column "${headers[index.run!]}" is empty`, line);
    const cell = (column: 'params' | 'tokens' | 'loss', at: number) => readCell(cells[at], line, headers[at], column);
    const params = cell('params', index.params!);
    const tokens = fromSteps
      ? readCell(cells[index.step!], line, headers[index.step!], 'tokens') *
        (index.tokensPerStep !== undefined
          ? readCell(cells[index.tokensPerStep], line, headers[index.tokensPerStep], 'tokens')
          : options.tokensPerStep!)
      : cell('tokens', index.tokens!);
    const entry = byRun.get(run) ?? { params, firstLine: line, evaluations: [] };
    if (entry.params !== params) {
      throw new FitDataError(
        `line ${line}: run "${run}" has ${params} parameters here but ${entry.params} on line ${entry.firstLine}; one run is one ` +
          `model size`,
        line,
      );
    }
    entry.evaluations.push({ tokens, loss: cell('loss', index.loss!), source: `line ${line}` });
    byRun.set(run, entry);
  }
  if (byRun.size === 0) throw new FitDataError('the file has a header but no evaluations');
  const curves = [...byRun].map(([run, { params, evaluations }]) => {
    const sorted = [...evaluations].sort((left, right) => left.tokens - right.tokens);
    sorted.forEach((evaluation, i) => {
      if (i > 0 && evaluation.tokens === sorted[i - 1].tokens) {
        throw new FitDataError(
          `${evaluation.source}: run "${run}" is evaluated twice at ${evaluation.tokens} tokens (also ${sorted[i - 1].source}); keep one`,
        );
      }
    });
    return { run, params, evaluations: sorted };
  });
  const used = new Set([index.run, index.params, index.loss, ...(fromSteps ? [index.step, index.tokensPerStep] : [index.tokens])]);
  return {
    curves,
    evaluations: rows.length,
    ignoredColumns: headers.filter((_, at) => !used.has(at)),
    summary: [
      `runs from "${headers[index.run!]}"`,
      `parameters from "${headers[index.params!]}"`,
      fromSteps
        ? `tokens seen = "${headers[index.step!]}" × ` +
          `${index.tokensPerStep !== undefined ? `"${headers[index.tokensPerStep]}"` : `${options.tokensPerStep} tokens per step`}`
        : `tokens seen from "${headers[index.tokens!]}"`,
      `loss from "${headers[index.loss!]}"`,
    ].join(', '),
  };
}

/**
 * Each run's last evaluation as a finished run, so Approaches 2 and 3 can use a file of curves.
 * Hoffmann et al. 2022 (Sec. 3.3) fit Approach 3 to final losses, not to intermediate checkpoints.
 *
 * @example finalEvaluations(parseTrainingCurves(text).curves).length // one per run
 */
export function finalEvaluations(curves: readonly TrainingCurve[]): FitPoint[] {
  const points = curves.map((curve) => {
    const last = curve.evaluations[curve.evaluations.length - 1];
    return { params: curve.params, tokens: last.tokens, loss: last.loss, source: `${curve.run} (${last.source})` };
  });
  validateFitPoints(points, 1);
  return points;
}
