import Papa from 'papaparse';
import { parseCount, QuantityError } from '../quantities';
import type { LanguageData, TransferSource } from './effectiveData';

/** A problem in one line of a language table; `line` counts from 1 at the header. */
export class LanguageTableError extends QuantityError {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'LanguageTableError';
  }
}

/** The target language's data and the other languages' with their transfer weights. */
export interface LanguageTable {
  readonly target: LanguageData;
  readonly sources: readonly TransferSource[];
}

/** Header names recognised for each column, compared in lower case. */
const HEADERS = {
  name: ['language', 'lang', 'name'],
  tokens: ['tokens', 'd'],
  unique: ['unique', 'unique_tokens', 'u'],
  transfer: ['tau', 'τ', 'transfer'],
} as const;

/**
 * Reads a table of languages — `language, tokens, unique, tau` — for ATLAS's effective data: the
 * row named `target` is the target language (its τ left blank or 1), every other row a source with
 * its transfer weight τ. `unique` may be left out or blank (no repetition). Counts take suffixes
 * (20B). Throws a {@link LanguageTableError} naming the line and column of a bad cell.
 *
 * @example parseLanguageTable('language, tokens, tau\nca, 10B,\nes, 100B, 0.3', 'ca').sources[0].transfer // 0.3
 */
export function parseLanguageTable(text: string, target: string): LanguageTable {
  const rows = Papa.parse<string[]>(text.trim(), { header: false, skipEmptyLines: true }).data.map((row) => row.map((cell) => cell.trim()));
  if (rows.length < 2)
    throw new LanguageTableError('the table needs a header (language, tokens, unique, tau) and one line per language', 1);
  const headers = rows[0].map((header) => header.toLowerCase());
  const column = (key: keyof typeof HEADERS) => headers.findIndex((header) => (HEADERS[key] as readonly string[]).includes(header));
  const index = { name: column('name'), tokens: column('tokens'), unique: column('unique'), transfer: column('transfer') };
  for (const key of ['name', 'tokens'] as const) {
    if (index[key] < 0)
      throw new LanguageTableError(
        `no ${key === 'name' ? 'language' : 'tokens'} column: expected a header such as ${HEADERS[key].join(', ')}; the headers are ${rows[0].join(', ')}`,
        1,
      );
  }
  const parsed = rows.slice(1).map((row, position) => {
    const line = position + 2;
    const cell = (key: keyof typeof index) => (index[key] < 0 ? '' : (row[index[key]] ?? ''));
    const read = <T>(key: keyof typeof index, parse: (text: string) => T): T => {
      try {
        return parse(cell(key));
      } catch (error) {
        if (error instanceof QuantityError)
          throw new LanguageTableError(`${cell('name') || `line ${line}`}, column "${rows[0][index[key]]}": ${error.message}`, line);
        throw error;
      }
    };
    const name = cell('name');
    if (name === '') throw new LanguageTableError(`line ${line} names no language`, line);
    const tokens = read('tokens', (text) => parseCount(text, 'tokens'));
    const unique = cell('unique') === '' ? undefined : read('unique', (text) => parseCount(text, 'unique tokens'));
    const transfer = cell('transfer') === '' ? undefined : read('transfer', readTransfer);
    return { line, data: { name, tokens, ...(unique !== undefined ? { unique } : {}) }, transfer };
  });
  const targets = parsed.filter((row) => row.data.name.toLowerCase() === target.toLowerCase());
  if (targets.length !== 1) {
    throw new LanguageTableError(
      targets.length === 0
        ? `no line for the target language ${target}: add one (its τ left blank)`
        : `${target} is listed ${targets.length} times`,
      targets[1]?.line ?? 1,
    );
  }
  const [targetRow] = targets;
  if (targetRow.transfer !== undefined && targetRow.transfer !== 1)
    throw new LanguageTableError(`${target} is the target: its τ is 1 by definition, got ${targetRow.transfer}`, targetRow.line);
  const sources = parsed
    .filter((row) => row !== targetRow)
    .map((row) => {
      if (row.transfer === undefined) throw new LanguageTableError(`${row.data.name} needs its transfer weight τ to ${target}`, row.line);
      return { ...row.data, transfer: row.transfer };
    });
  return { target: targetRow.data, sources };
}

/** A transfer weight: any finite number (negative for interference). */
function readTransfer(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new QuantityError(`τ must be a number, got "${text}"`);
  return value;
}
