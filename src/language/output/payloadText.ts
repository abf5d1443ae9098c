import type { PayloadFrame, ResultTable } from './resultPayload';
import { formatTextTable } from './textTable';
import { markdownText, terminalText } from './textEscaping';

/** Escapes a table cell for a Markdown pipe table: one line, shown as typed. */
function markdownCell(text: string): string {
  return markdownText(text.replace(/\r?\n/g, ' '));
}

/** A GitHub-flavoured Markdown pipe table with alignment markers. */
export function tableToMarkdown(table: ResultTable): string {
  const header = `| ${table.columns.map(markdownCell).join(' | ')} |`;
  const rule = `| ${table.columns.map((_, i) => (table.align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
  const rows = table.rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`);
  return [...(table.caption ? [`*${markdownText(table.caption)}*`, ''] : []), header, rule, ...rows].join('\n');
}

/**
 * The Markdown rendering of a result: title, tables, notes, and for charts a sentence saying what
 * was plotted (the chart itself is drawn by the renderer from the same payload).
 */
export function payloadToMarkdown(payload: PayloadFrame): string {
  const parts = [`**${markdownText(payload.title)}**`, ...payload.tables.map(tableToMarkdown)];
  if (payload.notes.length > 0) parts.push(payload.notes.map((note) => `- ${markdownText(note)}`).join('\n'));
  return parts.join('\n\n');
}

/** The plain-text rendering: aligned tables, for terminals and screen readers, without control characters. */
export function payloadToText(payload: PayloadFrame): string {
  return terminalText(plainText(payload));
}

function plainText(payload: PayloadFrame): string {
  const parts = [payload.title];
  for (const table of payload.tables) {
    parts.push([...(table.caption ? [table.caption] : []), formatTextTable(table.columns, table.rows, table.align)].join('\n'));
  }
  if (payload.notes.length > 0) parts.push(payload.notes.map((note) => `• ${note}`).join('\n'));
  return parts.join('\n\n');
}
