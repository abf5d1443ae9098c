import { catalogMentions } from './catalogMentions';
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
 * One mention per stretch of text. Numbers written out beat a catalog name they overlap ("Llama 3
 * 8B model trained on 2T tokens" is about 2T tokens, not the catalog's 15T); otherwise the earlier
 * mention wins.
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
  return withoutOverlaps([...proseMentions(text), ...slashMentions(text), ...catalogMentions(text)]);
}

/** Places mentions found in `lines` (joined by `\n`, starting at document line `firstLine`) in the document. */
function placeMentions(source: LineSource, firstLine: number, lines: readonly string[], mentions: readonly BlockMention[]): ModelMention[] {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const text = lines.join('\n');
  const position = (blockOffset: number) => {
    let line = lineStarts.length - 1;
    while (lineStarts[line] > blockOffset) line--;
    const column = blockOffset - lineStarts[line];
    return { line: firstLine + line, column, offset: source.lineOffset(firstLine + line) + column };
  };
  return mentions.map(({ start: blockStart, end: blockEnd, ...model }) => {
    const start = position(blockStart);
    const end = position(blockEnd);
    return {
      ...model,
      matchedText: text.slice(blockStart, blockEnd),
      start: start.offset,
      end: end.offset,
      line: start.line,
      column: start.column,
      endLine: end.line,
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

/** The mention under a 0-based line and column (its last character included), if any. */
export function mentionAt(source: LineSource, line: number, column: number): ModelMention | undefined {
  const after = (l: number, c: number, l2: number, c2: number) => l > l2 || (l === l2 && c >= c2);
  return mentionsNearLine(source, line).find(
    (mention) => after(line, column, mention.line, mention.column) && !after(line, column, mention.endLine, mention.endColumn),
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
