import {
  RESULT_KINDS,
  RESULT_PAYLOAD_VERSION,
  type PayloadFrame,
  type ResultChart,
  type ResultKind,
  type ResultTable,
} from '../language/output/resultPayload';

/** A payload the renderer cannot draw; the message says what is wrong and where. */
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

type Json = Record<string, unknown>;

/**
 * A payload as read from a cell output, which may be stale or corrupt: everything the renderer draws
 * is checked; `data` is not (the renderer never reads it) and is passed through as it came.
 */
export interface ReceivedPayload extends PayloadFrame {
  readonly data: unknown;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw new PayloadError(`${path} should be an object, got ${describeValue(value)}`);
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new PayloadError(`${path} should be text, got ${describeValue(value)}`);
  return value;
}

function stringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new PayloadError(`${path} should be a list, got ${describeValue(value)}`);
  return value.map((item, index) => string(item, `${path}[${index}]`));
}

function list<T>(value: unknown, path: string, read: (item: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new PayloadError(`${path} should be a list, got ${describeValue(value)}`);
  return value.map((item, index) => read(item, `${path}[${index}]`));
}

function readTable(value: unknown, path: string): ResultTable {
  const table = object(value, path);
  const columns = stringList(table.columns, `${path}.columns`);
  const rows = list(table.rows, `${path}.rows`, (row, rowPath) => {
    const cells = stringList(row, rowPath);
    if (cells.length !== columns.length) throw new PayloadError(`${rowPath} has ${cells.length} cells for ${columns.length} columns`);
    return cells;
  });
  const align =
    table.align === undefined
      ? undefined
      : list(table.align, `${path}.align`, (item, itemPath) => {
          if (item !== 'left' && item !== 'right')
            throw new PayloadError(`${itemPath} should be "left" or "right", got ${describeValue(item)}`);
          return item;
        });
  const caption = table.caption === undefined ? undefined : string(table.caption, `${path}.caption`);
  return { columns, rows, ...(align ? { align } : {}), ...(caption !== undefined ? { caption } : {}) };
}

function readChart(value: unknown, path: string): ResultChart {
  const chart = object(value, path);
  const spec = object(chart.spec, `${path}.spec`);
  const { droppedPoints } = chart;
  if (typeof droppedPoints !== 'number' || !Number.isInteger(droppedPoints) || droppedPoints < 0) {
    throw new PayloadError(`${path}.droppedPoints should be a whole number ≥ 0, got ${describeValue(droppedPoints)}`);
  }
  return { spec, droppedPoints, fileName: string(chart.fileName, `${path}.fileName`) };
}

/** A payload kind this renderer knows (the kernel writes no other). */
function resultKind(value: unknown): ResultKind {
  const kind = string(value, 'kind');
  if (!(RESULT_KINDS as readonly string[]).includes(kind))
    throw new PayloadError(`kind should be one of ${RESULT_KINDS.join(', ')}, got ${describeValue(kind)}`);
  return kind as ResultKind;
}

/**
 * Checks that `value` is a result payload this renderer can draw and returns it typed; throws a
 * {@link PayloadError} naming the first problem (a payload from another version, a broken table).
 *
 * @example readResultPayload(outputItem.json())
 */
export function readResultPayload(value: unknown): ReceivedPayload {
  const payload = object(value, 'the result');
  if (payload.version !== RESULT_PAYLOAD_VERSION) {
    throw new PayloadError(
      `the result has payload version ${describeValue(payload.version)}, but this renderer reads version ${RESULT_PAYLOAD_VERSION}: run the cell again`,
    );
  }
  const { line } = payload;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1)
    throw new PayloadError(`line should be a line number, got ${describeValue(line)}`);
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: resultKind(payload.kind),
    title: string(payload.title, 'title'),
    line,
    tables: list(payload.tables, 'tables', readTable),
    notes: stringList(payload.notes, 'notes'),
    ...(payload.chart !== undefined ? { chart: readChart(payload.chart, 'chart') } : {}),
    data: payload.data,
  };
}
