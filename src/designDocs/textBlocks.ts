import type { LineSource } from './lineSource';
import { isDelimiterRow } from './tableMentions';

/**
 * The units the detector reads: paragraphs (lines between blank lines) and pipe tables. A mention
 * never crosses a block, so a hover reads only the block under the mouse and still finds exactly
 * what a scan of the whole document finds there.
 */
export interface TextBlock {
  readonly kind: 'paragraph' | 'table';
  /** First line and one past the last, 0-based. */
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * Paragraphs longer than this are read in chunks of this many lines from their first line, so a
 * plain-text file without blank lines does not make every hover read the whole file. A sentence
 * cut by a chunk boundary is missed by the hover and the scan alike.
 */
export const MAX_PARAGRAPH_LINES = 100;

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function startsTable(source: LineSource, line: number, runEnd: number): boolean {
  return line + 1 < runEnd && source.lineText(line).includes('|') && isDelimiterRow(source.lineText(line + 1));
}

function paragraphChunks(startLine: number, endLine: number): TextBlock[] {
  const chunks: TextBlock[] = [];
  for (let start = startLine; start < endLine; start += MAX_PARAGRAPH_LINES) {
    chunks.push({ kind: 'paragraph', startLine: start, endLine: Math.min(endLine, start + MAX_PARAGRAPH_LINES) });
  }
  return chunks;
}

/**
 * Splits a run of non-blank lines [runStart, runEnd) into tables (a header, a delimiter row and the
 * rows with pipes after it) and the paragraphs around them.
 */
function segmentRun(source: LineSource, runStart: number, runEnd: number): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraphStart = runStart;
  let line = runStart;
  while (line < runEnd) {
    if (!startsTable(source, line, runEnd)) {
      line++;
      continue;
    }
    blocks.push(...paragraphChunks(paragraphStart, line));
    let tableEnd = line + 2;
    while (tableEnd < runEnd && source.lineText(tableEnd).includes('|')) tableEnd++;
    blocks.push({ kind: 'table', startLine: line, endLine: tableEnd });
    paragraphStart = line = tableEnd;
  }
  blocks.push(...paragraphChunks(paragraphStart, runEnd));
  return blocks;
}

/** Every block of a document, in order. */
export function documentBlocks(source: LineSource): TextBlock[] {
  const blocks: TextBlock[] = [];
  let line = 0;
  while (line < source.lineCount) {
    if (isBlank(source.lineText(line))) {
      line++;
      continue;
    }
    let runEnd = line + 1;
    while (runEnd < source.lineCount && !isBlank(source.lineText(runEnd))) runEnd++;
    blocks.push(...segmentRun(source, line, runEnd));
    line = runEnd;
  }
  return blocks;
}

/**
 * The block holding `line`, found by reading outwards to the nearest blank lines only; undefined on
 * a blank line or outside the document.
 */
export function blockAtLine(source: LineSource, line: number): TextBlock | undefined {
  if (line < 0 || line >= source.lineCount || isBlank(source.lineText(line))) return undefined;
  let runStart = line;
  while (runStart > 0 && !isBlank(source.lineText(runStart - 1))) runStart--;
  let runEnd = line + 1;
  while (runEnd < source.lineCount && !isBlank(source.lineText(runEnd))) runEnd++;
  return segmentRun(source, runStart, runEnd).find((block) => block.startLine <= line && line < block.endLine);
}
