import type { ResultPayload, ResultTable } from './resultPayload';
import { formatTextTable } from './textTable';

/**
 * Text from a notebook or its data (a CSV header, a model name) as literal Markdown: the characters
 * that start emphasis, code, links or a table column are backslash-escaped and `<` becomes `&lt;`,
 * so `<img onerror=…>` or `[x](javascript:…)` shows as typed on GitHub and in the notebook.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]|]/g, '\\$&').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown pipe table with alignment markers. */
export function tableToMarkdown(table: ResultTable): string {
  const header = `| ${table.columns.map(markdownText).join(' | ')} |`;
  const rule = `| ${table.columns.map((_, i) => (table.align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
  const rows = table.rows.map((row) => `| ${row.map(markdownText).join(' | ')} |`);
  return [...(table.caption ? [`*${markdownText(table.caption)}*`, ''] : []), header, rule, ...rows].join('\n');
}

/**
 * The Markdown rendering of a result: title, tables, notes, and for charts a sentence saying what
 * was plotted (the chart itself is drawn by the renderer from the same payload).
 */
export function payloadToMarkdown(payload: ResultPayload): string {
  const parts = [`**${markdownText(payload.title)}**`, ...payload.tables.map(tableToMarkdown)];
  if (payload.notes.length > 0) parts.push(payload.notes.map((note) => `- ${markdownText(note)}`).join('\n'));
  return parts.join('\n\n');
}

/** The plain-text rendering: aligned tables, for terminals and screen readers. */
export function payloadToText(payload: ResultPayload): string {
  const parts = [payload.title];
  for (const table of payload.tables) {
    parts.push([...(table.caption ? [table.caption] : []), formatTextTable(table.columns, table.rows, table.align)].join('\n'));
  }
  if (payload.notes.length > 0) parts.push(payload.notes.map((note) => `• ${note}`).join('\n'));
  return parts.join('\n\n');
}
