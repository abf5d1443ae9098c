/**
 * The `.scaling` file format as a pure mapping between text and cells (no `vscode`, so tests and
 * the CLI can use it): a Markdown document whose ```scaling fenced blocks are code cells and whose
 * other text forms Markdown cells. See docs/file-format.md.
 *
 * Reading records in each cell's layout how it was written (fences, indentation, line endings,
 * blank lines around it), and writing replays that layout, so a file nobody edited is written back
 * byte for byte. Cells without a layout (new in the editor) are written in one canonical style.
 */

export type LineEnding = '\n' | '\r\n' | '\r';

/** How a code cell's fenced block was written. */
export interface FenceLayout {
  /** Spaces before the opening fence (at most three, as in CommonMark). */
  indent: string;
  /** The opening run of backticks or tildes, e.g. "```" or "~~~~". */
  marker: string;
  /** The rest of the opening line, e.g. "scaling" or " scaling {title}". */
  info: string;
  /** The closing fence line as written; absent when the block ran to the end of the file. */
  closing?: string;
  /** Every non-empty code line carried the fence's indent, which the source leaves out. */
  contentIndented: boolean;
  /** The block held one empty line rather than none; both read as an empty source. */
  emptyLine?: boolean;
}

/** Everything about a cell that its source does not say, recorded when the file is read. */
export interface CellLayout {
  /** The file's most frequent line ending, which cells without a layout are written with. */
  fileEol: LineEnding;
  /**
   * The ending of every line the cell spans (blank lines before it, fences, text, blank lines
   * after it): one value when they agree, else one per line.
   */
  eol: LineEnding | LineEnding[];
  /** Blank lines between the previous cell (or the start of the file) and this one, as written. */
  blankLinesBefore: string[];
  /** Blank lines after the cell; written only while it is the last cell. */
  blankLinesAfter: string[];
  /** The cell was last in a file that did not end with a line ending. */
  noFinalEol?: boolean;
  fence?: FenceLayout;
}

export interface CellData {
  kind: 'markdown' | 'code';
  /** The cell's text with `\n` line breaks and no final line break. */
  source: string;
  /** Absent for cells created in the editor. */
  layout?: CellLayout;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const BLANK_LINE = /^[ \t]*$/;
const FENCE_OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const FRONT_MATTER_OPENING = /^---[ \t]*$/;
const FRONT_MATTER_CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const CODE_LANGUAGE = 'scaling';

interface Line {
  text: string;
  /** '' only for the last line of a text that does not end with a line break. */
  eol: LineEnding | '';
}

interface Fence {
  indent: string;
  marker: string;
  info: string;
}

/** A fenced block: the indexes of its opening and closing lines (closing undefined when unclosed). */
interface FencedBlock {
  fence: Fence;
  open: number;
  close: number | undefined;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] as LineEnding });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

function sourceLines(source: string): string[] {
  return source.split(LINE_BREAK);
}

function isBlank(source: string): boolean {
  return sourceLines(source).every((line) => BLANK_LINE.test(line));
}

function openingFence(line: string): Fence | undefined {
  const match = FENCE_OPENING.exec(line);
  if (!match) return undefined;
  const [, indent, marker, info] = match;
  // CommonMark: a backtick fence's info string cannot hold a backtick (it would be inline code).
  if (marker[0] === '`' && info.includes('`')) return undefined;
  return { indent, marker, info };
}

function closesFence(line: string, marker: string): boolean {
  const run = FENCE_CLOSING.exec(line)?.[1];
  return run !== undefined && run[0] === marker[0] && run.length >= marker.length;
}

function isScalingFence(fence: Fence): boolean {
  return fence.info.trim().split(/\s+/)[0] === CODE_LANGUAGE;
}

/**
 * Lines of YAML front matter at the top (`---` … `---`), which are prose whatever they hold.
 * A ```scaling fence before the closing line means the `---` was a thematic break, not front
 * matter, so a notebook that starts with a rule keeps its code cells.
 */
function frontMatterLength(lines: readonly string[]): number {
  if (lines.length === 0 || !FRONT_MATTER_OPENING.test(lines[0])) return 0;
  for (let i = 1; i < lines.length; i++) {
    if (FRONT_MATTER_CLOSING.test(lines[i])) return i + 1;
    const fence = openingFence(lines[i]);
    if (fence && isScalingFence(fence)) return 0;
  }
  return 0;
}

/** Every fenced block of a document, any language, as CommonMark sees them at top level. */
function fencedBlocks(lines: readonly string[], allowFrontMatter: boolean): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let i = allowFrontMatter ? frontMatterLength(lines) : 0;
  while (i < lines.length) {
    const fence = openingFence(lines[i]);
    if (!fence) {
      i++;
      continue;
    }
    let close = i + 1;
    while (close < lines.length && !closesFence(lines[close], fence.marker)) close++;
    blocks.push({ fence, open: i, close: close < lines.length ? close : undefined });
    i = close + 1;
  }
  return blocks;
}

function mostCommon(endings: readonly LineEnding[]): LineEnding {
  const counts = new Map<LineEnding, number>();
  for (const eol of endings) counts.set(eol, (counts.get(eol) ?? 0) + 1);
  let best: LineEnding = '\n';
  for (const [eol, count] of counts) if (count > (counts.get(best) ?? 0)) best = eol;
  return best;
}

/** A cell's lines: [start, bodyStart) blank lines before, [bodyStart, bodyEnd) its own, [bodyEnd, end) blank lines after. */
interface CellSpan {
  kind: CellData['kind'];
  start: number;
  bodyStart: number;
  bodyEnd: number;
  end: number;
  block?: FencedBlock;
}

function cellSpans(texts: readonly string[]): CellSpan[] {
  const spans: CellSpan[] = [];
  // The first line no cell has claimed: blank lines from here on belong to the next cell.
  let owned = 0;
  const addProse = (from: number, to: number): void => {
    let bodyStart = from;
    while (bodyStart < to && BLANK_LINE.test(texts[bodyStart])) bodyStart++;
    let bodyEnd = to;
    while (bodyEnd > bodyStart && BLANK_LINE.test(texts[bodyEnd - 1])) bodyEnd--;
    if (bodyStart === bodyEnd) return;
    spans.push({ kind: 'markdown', start: owned, bodyStart, bodyEnd, end: bodyEnd });
    owned = bodyEnd;
  };
  let proseStart = 0;
  for (const block of fencedBlocks(texts, true).filter((candidate) => isScalingFence(candidate.fence))) {
    addProse(proseStart, block.open);
    const end = block.close === undefined ? texts.length : block.close + 1;
    spans.push({ kind: 'code', start: owned, bodyStart: block.open, bodyEnd: end, end, block });
    owned = proseStart = end;
  }
  addProse(proseStart, texts.length);
  const last = spans.at(-1);
  if (last) last.end = texts.length;
  // A document of blank lines only becomes one empty Markdown cell that keeps them.
  else if (texts.length > 0) spans.push({ kind: 'markdown', start: 0, bodyStart: texts.length, bodyEnd: texts.length, end: texts.length });
  return spans;
}

function recordedEndings(lines: readonly Line[], fileEol: LineEnding): LineEnding | LineEnding[] {
  const endings: LineEnding[] = [];
  for (const line of lines) endings.push(line.eol || (endings.at(-1) ?? fileEol));
  return endings.every((eol) => eol === endings[0]) && endings.length > 0 ? endings[0] : endings;
}

/**
 * Whether every non-empty line starts with `indent` and has more after it, so removing the indent
 * can be undone exactly. (CommonMark removes up to that many spaces from any line; that cannot.)
 */
function carriesIndent(lines: readonly string[], indent: string): boolean {
  return indent !== '' && lines.every((line) => line === '' || (line.startsWith(indent) && line.length > indent.length));
}

function readCodeBlock(block: FencedBlock, texts: readonly string[], bodyEnd: number): { source: string; fence: FenceLayout } {
  const { fence, open, close } = block;
  const content = texts.slice(open + 1, close ?? bodyEnd);
  const contentIndented = carriesIndent(content, fence.indent);
  const source = content.map((line) => (contentIndented ? line.slice(fence.indent.length) : line)).join('\n');
  return {
    source,
    fence: {
      ...fence,
      ...(close === undefined ? {} : { closing: texts[close] }),
      contentIndented,
      ...(content.length === 1 && content[0] === '' ? { emptyLine: true } : {}),
    },
  };
}

/** A cell read from a file, with the 0-based file line where its source starts (for messages). */
export interface LocatedCell {
  readonly cell: CellData;
  readonly sourceLine: number;
}

/** Reads a `.scaling` document into cells, each with the file line its source starts on. */
export function readScalingMarkdown(text: string): LocatedCell[] {
  const lines = splitLines(text);
  const texts = lines.map((line) => line.text);
  const fileEol = mostCommon(lines.flatMap((line) => (line.eol ? [line.eol] : [])));
  return cellSpans(texts).map((span) => {
    const layout: CellLayout = {
      fileEol,
      eol: recordedEndings(lines.slice(span.start, span.end), fileEol),
      blankLinesBefore: texts.slice(span.start, span.bodyStart),
      blankLinesAfter: texts.slice(span.bodyEnd, span.end),
      ...(span.end === lines.length && lines.at(-1)?.eol === '' ? { noFinalEol: true } : {}),
    };
    if (!span.block)
      return {
        cell: { kind: span.kind, source: texts.slice(span.bodyStart, span.bodyEnd).join('\n'), layout },
        sourceLine: span.bodyStart,
      };
    const { source, fence } = readCodeBlock(span.block, texts, span.bodyEnd);
    return { cell: { kind: span.kind, source, layout: { ...layout, fence } }, sourceLine: span.block.open + 1 };
  });
}

/** Reads a `.scaling` document into cells; {@link serializeScalingMarkdown} writes it back unchanged. */
export function parseScalingMarkdown(text: string): CellData[] {
  return readScalingMarkdown(text).map((located) => located.cell);
}

function longestRun(lines: readonly string[], char: string): number {
  let longest = 0;
  for (const line of lines) {
    for (const run of line.matchAll(char === '`' ? /`+/g : /~+/g)) longest = Math.max(longest, run[0].length);
  }
  return longest;
}

/** A fence the code cannot close: the recorded one while that is safe, else a longer run of the same character. */
function safeMarker(content: readonly string[], recorded: string | undefined): string {
  if (recorded === undefined) return '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  if (!content.some((line) => closesFence(line, recorded))) return recorded;
  return recorded[0].repeat(Math.max(recorded.length, longestRun(content, recorded[0]) + 1));
}

/**
 * Code in another language as a Markdown fenced block, with a fence its code cannot close. Written
 * into a `.scaling` file it reads back as part of a Markdown cell.
 */
export function fencedCodeBlock(source: string, language: string): string {
  const code = source === '' ? [] : sourceLines(source);
  const marker = safeMarker(code, undefined);
  return [marker + language, ...code, marker].join('\n');
}

function codeLines(cell: CellData, isLast: boolean): string[] {
  const fence = cell.layout?.fence;
  const indent = fence?.indent ?? '';
  const code = cell.source === '' ? (fence?.emptyLine ? [''] : []) : sourceLines(cell.source);
  // Code that would read back as indented must be indented once more, or the reader would strip it.
  const reindent = fence?.contentIndented === true || carriesIndent(code, indent);
  const content = reindent ? code.map((line) => (line === '' ? '' : indent + line)) : code;
  const marker = safeMarker(content, fence?.marker);
  const opening = indent + marker + (fence?.info ?? CODE_LANGUAGE);
  // A block that ran to the end of the file may keep doing so only while nothing follows it.
  const keepsRecordedClosing = fence !== undefined && marker === fence.marker && (fence.closing !== undefined || isLast);
  const closing = keepsRecordedClosing ? fence.closing : indent + marker;
  return closing === undefined ? [opening, ...content] : [opening, ...content, closing];
}

function markdownLines(cell: CellData, startsFile: boolean, isLast: boolean): string[] {
  if (isBlank(cell.source)) return [];
  const lines = sourceLines(cell.source);
  // A fence left open in this cell would swallow the cells after it when the file is read again.
  const unclosed = isLast ? undefined : fencedBlocks(lines, startsFile).find((block) => block.close === undefined);
  return unclosed ? [...lines, unclosed.fence.indent + unclosed.fence.marker] : lines;
}

function blankLinesBefore(cell: CellData, previous: CellData | undefined): string[] {
  const recorded = cell.layout?.blankLinesBefore ?? (previous ? [''] : []);
  // Markdown straight after Markdown would read back as one paragraph.
  return recorded.length === 0 && previous?.kind === 'markdown' && cell.kind === 'markdown' ? [''] : recorded;
}

function lineEndings(layout: CellLayout | undefined, count: number, fileEol: LineEnding): LineEnding[] {
  const recorded = layout?.eol;
  if (Array.isArray(recorded) && recorded.length === count) return recorded;
  const eol = recorded === undefined ? fileEol : Array.isArray(recorded) ? mostCommon(recorded) : recorded;
  return new Array<LineEnding>(count).fill(eol);
}

/**
 * Writes cells as a `.scaling` document. Cells read by {@link parseScalingMarkdown} are written as
 * they were; new cells get ``` fences (longer when the code holds backtick runs), a blank line
 * before them and the file's most frequent line ending. Empty new Markdown cells are left out.
 */
export function serializeScalingMarkdown(cells: readonly CellData[]): string {
  const written = cells.filter((cell) => cell.kind === 'code' || cell.layout !== undefined || !isBlank(cell.source));
  const fileEol = written.find((cell) => cell.layout)?.layout?.fileEol ?? '\n';
  const out: Line[] = [];
  written.forEach((cell, index) => {
    const previous = written[index - 1];
    const isLast = index === written.length - 1;
    const before = blankLinesBefore(cell, previous);
    const startsFile = previous === undefined && before.length === 0;
    const body = cell.kind === 'code' ? codeLines(cell, isLast) : markdownLines(cell, startsFile, isLast);
    const texts = [...before, ...body, ...(isLast ? (cell.layout?.blankLinesAfter ?? []) : [])];
    const endings = lineEndings(cell.layout, texts.length, fileEol);
    texts.forEach((text, i) => out.push({ text, eol: endings[i] }));
  });
  out.forEach((line, i) => {
    // Edited text can put an empty line after a '\r' ending; '\r' then '\n' would read back as one '\r\n'.
    if (line.eol === '\r' && out[i + 1]?.text === '' && out[i + 1].eol === '\n') line.eol = '\r\n';
  });
  const lastLine = out.at(-1);
  // Leaving out the ending of an empty last line would leave out the line.
  if (lastLine?.text && written.at(-1)?.layout?.noFinalEol) lastLine.eol = '';
  return out.map((line) => line.text + line.eol).join('');
}
