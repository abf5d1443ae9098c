import { readCount } from './countPhrases';
import type { BlockMention } from './modelMention';

/** Which columns of a Markdown table hold a model's parameters and tokens, and their units. */
export interface TableLayout {
  readonly paramsColumn: number;
  readonly tokensColumn: number;
  readonly activeColumn?: number;
  readonly nameColumn?: number;
  /** Scale of bare numbers in a column headed "Params (B)" or "Tokens (T)". */
  readonly paramsScale: number;
  readonly tokensScale: number;
  readonly activeScale: number;
}

/** `| --- | :---: | ---: |`: the row under a table's header. */
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

const PARAMS_HEADER = /^(?:#\s*|num(?:ber of)?\s+|total\s+)?(?:params?|parameters|parameter count|n|model size|size)$/;
const TOKENS_HEADER =
  /^(?:#\s*|num(?:ber of)?\s+|training\s+|train\s+|pre-?training\s+)?(?:tokens|d|data|dataset size|tokens seen|token count)$/;
const ACTIVE_HEADER = /^(?:active|activated)(?:\s+(?:params?|parameters))?$|^n[_\s]?active$/;
const NAME_HEADER = /^(?:model|name|run|config(?:uration)?|variant|checkpoint)$/;

/** Units written in a header: "Params (B)", "Tokens [trillions]". */
const UNIT_SCALES: Readonly<Record<string, number>> = {
  k: 1e3,
  thousands: 1e3,
  m: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billions: 1e9,
  t: 1e12,
  trillions: 1e12,
};

/** Markdown emphasis, code ticks, footnote marks and approximation signs around a cell's value. */
const CELL_DECORATION = /[*_`†‡~≈]/g;

/** Whether a line is the delimiter row of a pipe table; it must hold a pipe, or it is a rule or a heading underline. */
export function isDelimiterRow(line: string): boolean {
  return line.includes('|') && line.includes('-') && DELIMITER_ROW.test(line);
}

/** The cells of a pipe-table row, trimmed, without the empty ones outside leading and trailing pipes. */
export function tableCells(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function headerName(cell: string): { name: string; scale: number } {
  const plain = cell.replace(CELL_DECORATION, '').toLowerCase();
  const unit = /[([]\s*([a-z]+)\b[^)\]]*[)\]]/.exec(plain);
  const name = plain
    .replace(/[([][^)\]]*[)\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const unitName = unit?.[1] ?? '';
  return { name, scale: UNIT_SCALES[unitName] ?? UNIT_SCALES[unitName.replace(/s?$/, 's')] ?? 1 };
}

/**
 * Reads a header row; undefined unless it has both a parameters column ("Params", "N", "Model
 * size") and a tokens column ("Tokens", "D", "Training tokens").
 *
 * @example tableLayout('| Model | Params (B) | Tokens (T) |')?.paramsScale // 1e9
 */
export function tableLayout(headerLine: string): TableLayout | undefined {
  const headers = tableCells(headerLine).map(headerName);
  const find = (pattern: RegExp) => {
    const index = headers.findIndex((header) => pattern.test(header.name));
    return index < 0 ? undefined : index;
  };
  const paramsColumn = find(PARAMS_HEADER);
  const tokensColumn = find(TOKENS_HEADER);
  if (paramsColumn === undefined || tokensColumn === undefined) return undefined;
  const activeColumn = find(ACTIVE_HEADER);
  // Without a "Model" header the first column usually names the rows.
  const nameColumn = find(NAME_HEADER) ?? ([paramsColumn, tokensColumn, activeColumn].includes(0) ? undefined : 0);
  return {
    paramsColumn,
    tokensColumn,
    ...(activeColumn === undefined ? {} : { activeColumn }),
    ...(nameColumn === undefined ? {} : { nameColumn }),
    paramsScale: headers[paramsColumn].scale,
    tokensScale: headers[tokensColumn].scale,
    activeScale: activeColumn === undefined ? 1 : headers[activeColumn].scale,
  };
}

function cellCount(cell: string | undefined, scale: number): number | undefined {
  return cell === undefined ? undefined : readCount(cell.replace(CELL_DECORATION, ''), scale);
}

/**
 * The model in one data row of a table with `layout` (offsets within `rowLine`); undefined when its
 * parameters or tokens cell is not a count ("—", "n/a", "?").
 *
 * @example tableRowMention(tableLayout('| Model | N | D |')!, '| Chinchilla | 70B | 1.4T |')?.name // 'Chinchilla'
 */
export function tableRowMention(layout: TableLayout, rowLine: string): BlockMention | undefined {
  const cells = tableCells(rowLine);
  const params = cellCount(cells[layout.paramsColumn], layout.paramsScale);
  const tokens = cellCount(cells[layout.tokensColumn], layout.tokensScale);
  if (params === undefined || tokens === undefined) return undefined;
  const active = layout.activeColumn === undefined ? undefined : cellCount(cells[layout.activeColumn], layout.activeScale);
  const name = layout.nameColumn === undefined ? '' : (cells[layout.nameColumn] ?? '').replace(CELL_DECORATION, '').trim();
  const start = rowLine.length - rowLine.trimStart().length;
  return {
    start,
    end: rowLine.trimEnd().length,
    params,
    ...(active !== undefined && active < params ? { activeParams: active } : {}),
    tokens,
    source: 'table',
    ...(name ? { name } : {}),
  };
}
