/** fast-check generators for `.scaling` documents and for notebooks edited in the editor. */
import fc from 'fast-check';
import { type CellData, parseScalingMarkdown } from '../../src/markdownFormat/markdownCells';

const lineEnding = fc.constantFrom('\n', '\r\n', '\r');

const proseLine = fc.string({
  unit: fc.constantFrom('a', 'Z', '1', ' ', '\t', '`', '~', '#', '-', '*', '>', '{', '}', '.', '=', '"', 'é', '数', '🙂'),
  maxLength: 12,
});
const blankLine = fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 });
const proseOpeningNoFence = proseLine.filter((line) => !/^ {0,3}(```|~~~)/.test(line));
const fenceLikeLine = fc.constantFrom(
  '```',
  '````',
  '~~~',
  '~~~~~',
  '   ```',
  '    ```',
  '``` ',
  '```scaling',
  '~~~scaling',
  '```python',
  '---',
  '...',
);
const anyLine = fc.oneof(proseLine, blankLine, fenceLikeLine);

/** A fenced block of any language, fence character and length, closed in any way or not at all. */
const fencedBlock = fc
  .record({
    indent: fc.constantFrom('', ' ', '   ', '    '),
    char: fc.constantFrom('`', '~'),
    length: fc.integer({ min: 3, max: 5 }),
    info: fc.constantFrom('scaling', 'scaling', ' scaling', 'scaling {title}', 'python', '', 'scalingx', 'Scaling', 'scaling `x`'),
    content: fc.array(anyLine, { maxLength: 4 }),
    closing: fc.constantFrom('same', 'longer', 'trailing spaces', 'indented', 'too short', 'none'),
  })
  .map(({ indent, char, length, info, content, closing }) => {
    const marker = char.repeat(length);
    const closings: Record<typeof closing, string[]> = {
      same: [marker],
      longer: [marker + char],
      'trailing spaces': [`${marker} \t`],
      indented: [`  ${marker}`],
      'too short': [char.repeat(length - 1)],
      none: [],
    };
    return [indent + marker + info, ...content, ...closings[closing]];
  });

const piece = fc.oneof(
  { arbitrary: proseLine.map((line) => [line]), weight: 3 },
  { arbitrary: blankLine.map((line) => [line]), weight: 2 },
  { arbitrary: fenceLikeLine.map((line) => [line]), weight: 1 },
  { arbitrary: fencedBlock, weight: 3 },
);

function documentOf(frontMatterLine: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .record({
      frontMatter: fc.option(fc.array(frontMatterLine, { maxLength: 3 }).map((lines) => ['---', ...lines, '---'])),
      pieces: fc.array(piece, { maxLength: 12 }),
      // Line i ends with endings[i % endings.length]: one ending for the whole file, or a mix.
      endings: fc.array(lineEnding, { minLength: 1, maxLength: 3 }),
      finalLineEnding: fc.boolean(),
    })
    .map(({ frontMatter, pieces, endings, finalLineEnding }) => {
      const lines = [...(frontMatter ?? []), ...pieces.flat()];
      const ending = (i: number) => (i < lines.length - 1 || finalLineEnding ? endings[i % endings.length] : '');
      return lines.map((line, i) => line + ending(i)).join('');
    });
}

/** Any document: prose, fences of every kind, front matter, blank runs, mixed line endings. */
export const scalingDocument = documentOf(anyLine);

/** Text as the editor hands it over: lines joined by any line ending. */
function joinedLines(line: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.array(fc.tuple(fc.array(line, { minLength: 1, maxLength: 3 }), lineEnding), { maxLength: 4 }).map((groups) => {
    const lines = groups.flatMap(([group, eol]) => group.map((text) => ({ text, eol })));
    return lines.map(({ text, eol }, i) => (i < lines.length - 1 ? text + eol : text)).join('');
  });
}

const codeSource = joinedLines(
  fc.oneof(proseLine, blankLine, fc.constantFrom('```', '````', '~~~', '  ```scaling', 'a ``` b', '`````', 'law epoch')),
);

/** Prose that opens no fence, so the cell's text cannot turn into code when read back; closed fences allowed. */
const markdownSource = joinedLines(fc.oneof(proseOpeningNoFence, blankLine, fc.constant('```python\nx = 1\n```')));

/** A new cell as the editor creates it: no layout. */
const newCell: fc.Arbitrary<CellData> = fc.oneof(
  codeSource.map((source): CellData => ({ kind: 'code', source })),
  markdownSource.map((source): CellData => ({ kind: 'markdown', source })),
);

export const editorCells = fc.array(newCell, { maxLength: 6 });

/**
 * A document read into cells, then edited: cells kept, removed or given new sources, and new cells
 * inserted. Its front matter holds no fence lines: such front matter read as front matter in one
 * place and as prose in another would nest the fences after it differently.
 */
export const editedNotebook = fc
  .record({
    text: documentOf(fc.oneof(proseOpeningNoFence, blankLine)),
    edits: fc.array(fc.record({ action: fc.constantFrom('keep', 'keep', 'remove', 'edit'), code: codeSource, prose: markdownSource }), {
      maxLength: 16,
    }),
    insertions: fc.array(fc.tuple(fc.nat(), newCell), { maxLength: 3 }),
  })
  .map(({ text, edits, insertions }) => {
    const cells = parseScalingMarkdown(text).flatMap((cell, i): CellData[] => {
      const edit = edits[i];
      if (edit?.action === 'remove') return [];
      if (edit?.action === 'edit') return [{ ...cell, source: cell.kind === 'code' ? edit.code : edit.prose }];
      return [cell];
    });
    for (const [position, cell] of insertions) cells.splice(position % (cells.length + 1), 0, cell);
    return cells;
  });
