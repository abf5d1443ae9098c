/**
 * Documents as lines. The hover reads a few lines of an open editor document without copying the
 * whole text, and the CLI reads a file's string; both go through this interface.
 */
export interface LineSource {
  readonly lineCount: number;
  /** The line's text without its line break. */
  lineText(line: number): string;
  /** Offset of the line's first character in the whole document. */
  lineOffset(line: number): number;
}

/**
 * The lines of a string, split at `\n`, `\r\n` or `\r`.
 *
 * @example textLines('a\r\nb').lineOffset(1) // 3
 */
export function textLines(text: string): LineSource {
  const lines: string[] = [];
  const offsets: number[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    lines.push(text.slice(lineStart, match.index));
    offsets.push(lineStart);
    lineStart = match.index + match[0].length;
  }
  lines.push(text.slice(lineStart));
  offsets.push(lineStart);
  return {
    lineCount: lines.length,
    lineText: (line) => lines[line] ?? '',
    lineOffset: (line) => offsets[line] ?? text.length,
  };
}
