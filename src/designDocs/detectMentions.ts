import { catalogMentions } from './catalogMentions';
import { withoutCatalogRepeats } from './catalogRepeats';
import { findCounts } from './countPhrases';
import { textLines, type LineSource } from './lineSource';
import type { BlockMention, ModelMention } from './modelMention';
import { proseMentions } from './proseMentions';
import { slashMentions } from './slashMentions';
import { tableLayout, tableRowMention } from './tableMentions';
import { blockAtLine, documentBlocks, type TextBlock } from './textBlocks';

function overlaps(a: BlockMention, b: BlockMention): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * One mention per stretch of text. Numbers written out beat a catalog name they still overlap
 * (after {@link withoutCatalogRepeats} has kept one of a name and its restatement); otherwise the
 * earlier mention wins.
 */
function withoutOverlaps(mentions: readonly BlockMention[]): BlockMention[] {
  const byStart = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: BlockMention[] = [];
  for (const mention of [...byStart.filter((m) => m.source !== 'catalog'), ...byStart.filter((m) => m.source === 'catalog')]) {
    if (!kept.some((other) => overlaps(other, mention))) kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function textMentions(text: string): BlockMention[] {
  // Counts are written with digits: most paragraphs of a design doc have none and need no more reading.
  if (!/\d/.test(text)) return catalogMentions(text);
  const counts = findCounts(text);
  const written = [...proseMentions(text, counts), ...slashMentions(text, counts)];
  return withoutOverlaps(withoutCatalogRepeats(text, written, catalogMentions(text)));
}

/** Line and column, within a block, of an offset into the block's text; `lineStarts` are the block's line offsets. */
function blockPosition(lineStarts: readonly number[], blockOffset: number): { line: number; column: number } {
  let line = lineStarts.length - 1;
  while (lineStarts[line] > blockOffset) line--;
  return { line, column: blockOffset - lineStarts[line] };
}

/** Places mentions found in `lines` (joined by `\n`, starting at document line `firstLine`) in the document. */
function placeMentions(source: LineSource, firstLine: number, lines: readonly string[], mentions: readonly BlockMention[]): ModelMention[] {
  if (mentions.length === 0) return [];
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const text = lines.join('\n');
  return mentions.map((mention) => {
    const start = blockPosition(lineStarts, mention.start);
    const end = blockPosition(lineStarts, mention.end);
    // Every mention gets the same keys, in the same order, so the objects share one shape.
    return {
      params: mention.params,
      activeParams: mention.activeParams,
      tokens: mention.tokens,
      matchedText: text.slice(mention.start, mention.end),
      source: mention.source,
      name: mention.name,
      start: source.lineOffset(firstLine + start.line) + start.column,
      end: source.lineOffset(firstLine + end.line) + end.column,
      line: firstLine + start.line,
      column: start.column,
      endLine: firstLine + end.line,
      endColumn: end.column,
    };
  });
}

function linesOf(source: LineSource, startLine: number, endLine: number): string[] {
  const lines: string[] = [];
  for (let line = startLine; line < endLine; line++) lines.push(source.lineText(line));
  return lines;
}

/** A table row: the model its columns give, and anything its cells say in words. */
function tableRowMentions(source: LineSource, table: TextBlock, row: number): ModelMention[] {
  const text = source.lineText(row);
  const layout = row >= table.startLine + 2 ? tableLayout(source.lineText(table.startLine)) : undefined;
  const columns = layout && tableRowMention(layout, text);
  return placeMentions(source, row, [text], withoutOverlaps([...(columns ? [columns] : []), ...textMentions(text)]));
}

function blockMentions(source: LineSource, block: TextBlock): ModelMention[] {
  if (block.kind === 'paragraph') {
    const lines = linesOf(source, block.startLine, block.endLine);
    return placeMentions(source, block.startLine, lines, textMentions(lines.join('\n')));
  }
  const mentions: ModelMention[] = [];
  for (let row = block.startLine; row < block.endLine; row++) mentions.push(...tableRowMentions(source, block, row));
  return mentions;
}

/**
 * Every statement of a model's size and training tokens in a document: sentences ("70B parameters
 * trained on 1.4T tokens", "a 7B model on 2T tokens"), catalog names ("Llama 3 8B"), `280B/300B`,
 * `N=70e9, D=1.4e12`, and rows of tables with parameters and tokens columns. Never throws.
 *
 * @example detectModelMentions('Gopher (280B/300B) is undertrained.')[0].source // 'slash'
 */
export function detectModelMentions(text: string): ModelMention[] {
  const source = textLines(text);
  return documentBlocks(source).flatMap((block) => blockMentions(source, block));
}

/**
 * The mentions in the block holding `line` and nowhere else: a paragraph, or for a table row the
 * header and that row only. This is what a hover reads, however long the document.
 */
export function mentionsNearLine(source: LineSource, line: number): ModelMention[] {
  const block = blockAtLine(source, line);
  if (!block) return [];
  return block.kind === 'table' ? tableRowMentions(source, block, line) : blockMentions(source, block);
}

/** Whether (line, column) is at or after (otherLine, otherColumn). */
function isAtOrAfter(line: number, column: number, otherLine: number, otherColumn: number): boolean {
  return line > otherLine || (line === otherLine && column >= otherColumn);
}

/** The mention under a 0-based line and column (its last character included), if any. */
export function mentionAt(source: LineSource, line: number, column: number): ModelMention | undefined {
  return mentionsNearLine(source, line).find(
    (mention) => isAtOrAfter(line, column, mention.line, mention.column) && !isAtOrAfter(line, column, mention.endLine, mention.endColumn),
  );
}

/** The mentions in blocks that touch lines [startLine, endLine], each block read once. */
export function mentionsInLines(source: LineSource, startLine: number, endLine: number): ModelMention[] {
  const mentions: ModelMention[] = [];
  let line = Math.max(0, startLine);
  const last = Math.min(endLine, source.lineCount - 1);
  while (line <= last) {
    const block = blockAtLine(source, line);
    if (!block) {
      line++;
      continue;
    }
    mentions.push(...blockMentions(source, block));
    line = block.endLine;
  }
  return mentions;
}
