import type { ColumnAlign } from './resultPayload';

/**
 * A small aligned plain-text table: columns padded to their widest cell, numbers right-aligned.
 *
 * @example formatTextTable(['law', 'N'], [['epoch', '72B']], ['left', 'right'])
 */
export function formatTextTable(
  columns: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  align: readonly ColumnAlign[] = [],
): string {
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
