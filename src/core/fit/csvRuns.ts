import Papa from 'papaparse';
import { parseCount, parseFlops, QuantityError } from '../quantities';
import { tokensForCompute } from '../compute';
import { domainWeightColumns, readDomainWeights } from './domainWeightColumns';
import { FitDataError, validateFitPoints, type FitPoint } from './fitPoints';

/** The columns a runs table can have; tokens may instead come from compute. */
export type RunColumn = 'params' | 'tokens' | 'compute' | 'loss';

/**
 * Header names recognised for each column, compared after lower-casing and turning spaces, dots
 * and hyphens into underscores. Names common in scaling-law tables and training logs.
 */
export const COLUMN_ALIASES: Readonly<Record<RunColumn, readonly string[]>> = {
  params: ['params', 'parameters', 'n', 'model_size', 'num_params', 'n_params', 'model_params', 'param_count'],
  tokens: ['tokens', 'd', 'data', 'num_tokens', 'n_tokens', 'train_tokens', 'training_tokens', 'dataset_size'],
  compute: ['compute', 'flops', 'flop', 'c', 'training_flops', 'train_flops', 'compute_flops'],
  loss: ['loss', 'eval_loss', 'val_loss', 'validation_loss', 'test_loss', 'final_loss'],
};

const COLUMN_WORDS: Readonly<Record<RunColumn, string>> = {
  params: 'parameters',
  tokens: 'tokens',
  compute: 'compute',
  loss: 'loss',
};

/** Options of {@link parseRunsCsv}. */
export interface RunsCsvOptions {
  /** Header to use for a column, when the table's names are unusual or ambiguous. */
  readonly columns?: Partial<Record<RunColumn, string>>;
  /**
   * Domains of a data-mixture study whose weight columns to read (see `domainWeightColumns`);
   * without it, headers starting with `w_` or `weight_` are read as domain weights.
   */
  readonly domains?: readonly string[];
  /**
   * The line number of the text's first line in the document that holds it (default 1), so a
   * table written inside a notebook cell is reported at the cell's own line numbers.
   */
  readonly firstLine?: number;
}

/** Runs read from a table, and which header each came from. */
export interface RunsCsv {
  /** One point per data line; each point's `source` is "line <n>" of the text. */
  readonly points: FitPoint[];
  /** The header used for each column found. */
  readonly columns: Readonly<Partial<Record<RunColumn, string>>>;
  /** True when tokens were derived as D = C/(6N) because there is no tokens column. */
  readonly tokensFromCompute: boolean;
  /** The domains of a data-mixture study, in the order of each point's `weights`; empty otherwise. */
  readonly domains: readonly string[];
  /** Headers that matched no column. */
  readonly ignoredColumns: readonly string[];
  /** One line saying where each quantity came from, for the output. */
  readonly summary: string;
}

/** A header as the alias tables spell it: lower case, with spaces, dots and hyphens as underscores. */
export function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, '_');
}

/** The index of the header for `column`, undefined when absent; throws when two headers match. */
function findColumn(headers: readonly string[], column: RunColumn, requested: string | undefined): number | undefined {
  const normalized = headers.map(normalizeHeader);
  if (requested !== undefined) {
    const index = normalized.indexOf(normalizeHeader(requested));
    if (index < 0) {
      throw new FitDataError(
        `no column "${requested}" for ${COLUMN_WORDS[column]}; the headers are ${headers.map((h) => `"${h}"`).join(', ')}`,
      );
    }
    return index;
  }
  const matches = normalized.flatMap((name, index) => (COLUMN_ALIASES[column].includes(name) ? [index] : []));
  if (matches.length > 1) {
    const names = matches.map((index) => `"${headers[index]}" (column ${index + 1})`).join(' and ');
    throw new FitDataError(
      `ambiguous ${COLUMN_WORDS[column]} column: ${names} both look like ${COLUMN_WORDS[column]}; name the one to use (columns: { ${column}: "${headers[matches[0]]}" })`,
    );
  }
  return matches[0];
}

function missingColumn(column: RunColumn, headers: readonly string[], extra = ''): FitDataError {
  return new FitDataError(
    `no ${COLUMN_WORDS[column]} column${extra}: expected a header such as ${COLUMN_ALIASES[column].join(', ')}; the headers are ${headers.map((h) => `"${h}"`).join(', ')}`,
  );
}

/** Reads one cell as a positive number, naming the line and column when it cannot. */
export function readCell(cell: string | undefined, line: number, header: string, column: RunColumn): number {
  const where = `line ${line}, column "${header}"`;
  const text = (cell ?? '').trim();
  if (text === '') throw new FitDataError(`${where} is empty`, line);
  let value: number;
  try {
    // Counts accept suffixes (70M, 1.4B), compute also PF-days; loss is a plain number.
    if (column === 'loss') value = Number(text);
    else value = column === 'compute' ? parseFlops(text, COLUMN_WORDS[column]) : parseCount(text, COLUMN_WORDS[column]);
  } catch (error) {
    if (error instanceof QuantityError) throw new FitDataError(`${where}: ${error.message}`, line);
    throw error;
  }
  if (Number.isNaN(value)) throw new FitDataError(`${where}: "${text}" is not a number`, line);
  if (!Number.isFinite(value)) throw new FitDataError(`${where}: ${COLUMN_WORDS[column]} must be finite, got "${text}"`, line);
  if (value <= 0) throw new FitDataError(`${where}: ${COLUMN_WORDS[column]} must be greater than zero, got "${text}"`, line);
  return value;
}

/**
 * Most lines a runs table may have. Published ladders hold tens to a few thousand runs (Hoffmann et
 * al. 2022 fit 400; Besiroglu et al. 2024 recovered 245); 100,000 leaves room for sweeps while a
 * fit of 4,500 starts over them stays within minutes, and the editor re-parses files as you type.
 */
export const MAX_RUN_LINES = 100_000;

/** Whether `text` has more than `limit` lines, found without splitting a large file. */
function hasMoreLinesThan(text: string, limit: number): boolean {
  let lines = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < text.length - 1; index = text.indexOf('\n', index + 1)) {
    if (++lines > limit) return true;
  }
  return false;
}

/**
 * Reads a CSV (or tab-, semicolon- or pipe-separated) table of finished runs into fit points. Headers are
 * matched by {@link COLUMN_ALIASES}: parameters, tokens or compute (tokens = C/(6N) when there is
 * no tokens column; Kaplan et al. 2020, Sec. 2.1) and loss; other columns are ignored and listed.
 * Every problem throws a `FitDataError` naming the line and column: an empty, non-numeric,
 * non-positive or infinite cell, a missing or ambiguous column, a line with the wrong number of
 * fields, or a run listed twice.
 *
 * @example parseRunsCsv('N,D,val_loss\n1e8,2e9,3.1\n4e8,8e9,2.8').columns // { params: 'N', tokens: 'D', loss: 'val_loss' }
 */
export function parseRunsCsv(text: string, options: RunsCsvOptions = {}): RunsCsv {
  if (hasMoreLinesThan(text, MAX_RUN_LINES)) {
    const limit = MAX_RUN_LINES.toLocaleString('en-US');
    throw new FitDataError(`the table has more than ${limit} lines, the most a runs table may hold: fit a smaller file`);
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const delimiterError = parsed.errors.find((error) => error.code === 'UndetectableDelimiter');
  const rows = parsed.data;
  const headerIndex = rows.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0) throw new FitDataError('the table is empty: expected a header line and one line per run');
  const headers = rows[headerIndex].map((header) => header.trim());
  const requested = options.columns ?? {};
  const index = {
    params: findColumn(headers, 'params', requested.params),
    tokens: findColumn(headers, 'tokens', requested.tokens),
    compute: findColumn(headers, 'compute', requested.compute),
    loss: findColumn(headers, 'loss', requested.loss),
  };
  const clash = (['params', 'tokens', 'compute', 'loss'] as const).find((column, position, all) =>
    all.some((other, otherPosition) => otherPosition > position && index[column] !== undefined && index[column] === index[other]),
  );
  if (clash) throw new FitDataError(`column "${headers[index[clash]!]}" was chosen for two quantities; name each column once`);
  const headerNote =
    delimiterError && headers.length === 1
      ? ` (only one column, "${headers[0]}", was found: is the table comma-, tab-, semicolon- or pipe-separated?)`
      : '';
  if (index.params === undefined) throw missingColumn('params', headers, headerNote);
  if (index.loss === undefined) throw missingColumn('loss', headers, headerNote);
  if (index.tokens === undefined && index.compute === undefined) {
    throw missingColumn('tokens', headers, ' and no compute column to derive tokens from');
  }
  const tokensFromCompute = index.tokens === undefined;
  const domainColumns = domainWeightColumns(headers, options.domains, normalizeHeader);
  const points: FitPoint[] = [];
  rows.forEach((row, rowIndex) => {
    if (rowIndex <= headerIndex || row.every((cell) => cell.trim() === '')) return;
    const line = rowIndex + (options.firstLine ?? 1);
    if (row.length !== headers.length) {
      throw new FitDataError(
        `line ${line} has ${row.length} field${row.length === 1 ? '' : 's'} but the header has ${headers.length}`,
        line,
      );
    }
    const cell = (column: RunColumn) => readCell(row[index[column]!], line, headers[index[column]!], column);
    const params = cell('params');
    const tokens = tokensFromCompute ? tokensForCompute(params, cell('compute')) : cell('tokens');
    const weights = domainColumns.length > 0 ? { weights: readDomainWeights(row, domainColumns, headers, line) } : {};
    // A sweep's declared budget groups its runs exactly (see isoflopProfiles.ts).
    const compute = index.compute !== undefined ? { compute: cell('compute') } : {};
    points.push({ params, tokens, loss: cell('loss'), source: `line ${line}`, ...weights, ...compute });
  });
  if (points.length === 0) throw new FitDataError('the table has a header but no runs');
  validateFitPoints(points, 1);
  const columns: Partial<Record<RunColumn, string>> = {};
  for (const column of ['params', 'tokens', 'compute', 'loss'] as const) {
    const found = index[column];
    if (found !== undefined && (column !== 'compute' || tokensFromCompute)) columns[column] = headers[found];
  }
  const budgetColumn = !tokensFromCompute && index.compute !== undefined ? headers[index.compute] : undefined;
  const used = new Set([
    ...Object.values(columns),
    ...(budgetColumn ? [budgetColumn] : []),
    ...domainColumns.map(({ index: column }) => headers[column]),
  ]);
  return {
    points,
    columns,
    tokensFromCompute,
    domains: domainColumns.map(({ domain }) => domain),
    ignoredColumns: headers.filter((header) => !used.has(header)),
    summary: [
      `parameters from "${columns.params}"`,
      tokensFromCompute ? `tokens = compute/(6·N) from "${columns.compute}"` : `tokens from "${columns.tokens}"`,
      `loss from "${columns.loss}"`,
      ...(budgetColumn ? [`isoFLOP budgets from "${budgetColumn}"`] : []),
      ...(domainColumns.length > 0
        ? [`domain weights from ${domainColumns.map(({ index: column }) => `"${headers[column]}"`).join(', ')}`]
        : []),
    ].join(', '),
  };
}

/**
 * Writes runs as CSV with the headers {@link parseRunsCsv} reads (`params,tokens,loss`, after a
 * `run` column when names are given); numbers are written so they read back exactly.
 *
 * @example formatRunsCsv([{ params: 1e8, tokens: 2e9, loss: 3.1 }]) // 'params,tokens,loss\n100000000,2000000000,3.1\n'
 */
export function formatRunsCsv(points: readonly FitPoint[], runNames?: readonly string[]): string {
  if (runNames && runNames.length !== points.length) {
    throw new FitDataError(`${runNames.length} run names for ${points.length} runs`);
  }
  const header = runNames ? ['run', 'params', 'tokens', 'loss'] : ['params', 'tokens', 'loss'];
  const lines = points.map((point, index) => {
    const values = [String(point.params), String(point.tokens), String(point.loss)];
    return (runNames ? [Papa.unparse([[runNames[index]]]), ...values] : values).join(',');
  });
  return [header.join(','), ...lines].join('\n') + '\n';
}
