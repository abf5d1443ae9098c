import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { type CellData, fencedCodeBlock, parseScalingMarkdown, serializeScalingMarkdown } from '../../src/markdownFormat/markdownCells';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { STARTER_NOTEBOOK } from '../../src/notebook/starterNotebook';
import { editedNotebook, editorCells, scalingDocument } from '../language/scalingDocuments';

type KindAndSource = Pick<CellData, 'kind' | 'source'>;

function kindsAndSources(cells: readonly CellData[]): KindAndSource[] {
  return cells.map(({ kind, source }) => ({ kind, source }));
}

function assertRoundTrip(text: string): CellData[] {
  const cells = parseScalingMarkdown(text);
  assert.equal(serializeScalingMarkdown(cells), text);
  return cells;
}

const md = (source: string): KindAndSource => ({ kind: 'markdown', source });
const code = (source: string): KindAndSource => ({ kind: 'code', source });

describe('language/markdownCells: reading', () => {
  it('makes ```scaling blocks code cells and the prose between them Markdown cells', () => {
    const cells = assertRoundTrip('# Plan\n\nSome prose.\n\n```scaling\nlaw epoch\nmodel m params=70B tokens=1.4T\n```\n\nMore prose.\n');
    assert.deepEqual(kindsAndSources(cells), [
      md('# Plan\n\nSome prose.'),
      code('law epoch\nmodel m params=70B tokens=1.4T'),
      md('More prose.'),
    ]);
  });

  it('reads CRLF files into \\n sources and writes them back with CRLF', () => {
    const cells = assertRoundTrip('Intro\r\n\r\n```scaling\r\nlaw epoch\r\ncheck gopher\r\n```\r\n');
    assert.deepEqual(kindsAndSources(cells), [md('Intro'), code('law epoch\ncheck gopher')]);
  });

  it('keeps mixed \\n, \\r\\n and \\r line endings byte for byte', () => {
    const cells = assertRoundTrip('a\r\nb\n\r```scaling\rx\r\ny\n```\r\n\nc\r');
    assert.deepEqual(kindsAndSources(cells), [md('a\nb'), code('x\ny'), md('c')]);
  });

  it('keeps a missing final line ending', () => {
    assertRoundTrip('text\n\n```scaling\nlaw epoch\n```');
    assertRoundTrip('```scaling\nlaw epoch\n```\n\ntext');
    assertRoundTrip('text\n  ');
  });

  it('keeps fenced blocks of other languages inside Markdown cells', () => {
    const cells = assertRoundTrip('Setup:\n\n```python\nprint(1)\n```\n\n```scaling\nlaw epoch\n```\n');
    assert.deepEqual(kindsAndSources(cells), [md('Setup:\n\n```python\nprint(1)\n```'), code('law epoch')]);
  });

  it('leaves a ```scaling fence nested in a longer fence as prose', () => {
    const text = 'How to write a cell:\n\n````markdown\n```scaling\nlaw epoch\n```\n````\n';
    assert.deepEqual(kindsAndSources(assertRoundTrip(text)), [md(text.trimEnd())]);
  });

  it('keeps front matter in the first Markdown cell, whatever fences it holds', () => {
    const cells = assertRoundTrip('---\ntitle: Plan\nnote: |\n  ```python\n---\n```scaling\nlaw epoch\n```\n');
    assert.deepEqual(kindsAndSources(cells), [md('---\ntitle: Plan\nnote: |\n  ```python\n---'), code('law epoch')]);
  });

  it('treats a leading --- as a thematic break when a ```scaling block comes before the next ---', () => {
    const cells = assertRoundTrip('---\n```scaling\nlaw epoch\n```\n---\n');
    assert.deepEqual(kindsAndSources(cells), [md('---'), code('law epoch'), md('---')]);
  });

  it('reads empty code blocks, with and without an empty line, as empty sources', () => {
    assert.deepEqual(kindsAndSources(assertRoundTrip('```scaling\n```\n')), [code('')]);
    assert.deepEqual(kindsAndSources(assertRoundTrip('```scaling\n\n```\n')), [code('')]);
    assert.deepEqual(kindsAndSources(assertRoundTrip('```scaling\n\n\n```\n')), [code('\n')]);
  });

  it('reads tilde fences, closed only by tildes at least as long', () => {
    const cells = assertRoundTrip('~~~~scaling\n```\n~~~\nlaw epoch\n~~~~~\n');
    assert.deepEqual(kindsAndSources(cells), [code('```\n~~~\nlaw epoch')]);
  });

  it('takes the first word of the info string as the language', () => {
    for (const opening of ['```scaling {title}', '``` scaling', '~~~scaling `x`', '```scaling linenos']) {
      const closing = opening.trimStart().slice(0, 3);
      assert.deepEqual(kindsAndSources(assertRoundTrip(`${opening}\nlaw epoch\n${closing}\n`)), [code('law epoch')], opening);
    }
    for (const opening of ['```scalingx', '```python scaling', '```Scaling', '```scaling `x`', '    ```scaling']) {
      assert.equal(parseScalingMarkdown(`${opening}\nlaw epoch\n\`\`\`\n`)[0].kind, 'markdown', opening);
    }
  });

  it('runs an unclosed ```scaling block to the end of the file without losing text', () => {
    const cells = assertRoundTrip('Intro\n\n```scaling\nlaw epoch\n\nmore\n\n');
    assert.deepEqual(kindsAndSources(cells), [md('Intro'), code('law epoch\n\nmore\n')]);
  });

  it('lets an unclosed fence of another language swallow later ```scaling blocks, as CommonMark does', () => {
    const cells = assertRoundTrip('```python\nx = 1\n\n```scaling\nlaw epoch\n```\n');
    assert.deepEqual(kindsAndSources(cells), [md('```python\nx = 1\n\n```scaling\nlaw epoch\n```')]);
  });

  it('removes the fence indentation from code only when every line carries it', () => {
    assert.deepEqual(kindsAndSources(assertRoundTrip('  ```scaling\n  law epoch\n\n    check m\n  ```\n')), [
      code('law epoch\n\n  check m'),
    ]);
    assert.deepEqual(kindsAndSources(assertRoundTrip('  ```scaling\n law epoch\n  ```\n')), [code(' law epoch')]);
    assert.deepEqual(kindsAndSources(assertRoundTrip('  ```scaling\n  \n  ```\n')), [code('  ')]);
  });

  it('keeps blank-only and empty documents', () => {
    assert.deepEqual(assertRoundTrip(''), []);
    assert.deepEqual(kindsAndSources(assertRoundTrip('\n \r\n\t')), [md('')]);
  });

  it('keeps runs of blank lines, with spaces, between cells', () => {
    const cells = assertRoundTrip('\n\na\n \n\n```scaling\nx\n```\n```scaling\ny\n```\n\t\n\n');
    assert.deepEqual(kindsAndSources(cells), [md('a'), code('x'), code('y')]);
  });

  it('keeps unicode and stray backticks in prose', () => {
    const text = 'Préface — 数据 🙂 with `inline` and `` `` `` and a ``` mid-line\n\n```scaling\nlaw epoch # α β\n```\n';
    assert.deepEqual(kindsAndSources(assertRoundTrip(text)), [md(text.split('\n\n')[0]), code('law epoch # α β')]);
  });
});

describe('language/markdownCells: writing edited notebooks', () => {
  it('writes new cells with ``` fences and a blank line between cells', () => {
    const text = serializeScalingMarkdown([md('# Plan'), code('law epoch'), code('check gopher'), md('Done.')]);
    assert.equal(text, '# Plan\n\n```scaling\nlaw epoch\n```\n\n```scaling\ncheck gopher\n```\n\nDone.\n');
  });

  it('separates new Markdown cells by a blank line and leaves empty ones out', () => {
    assert.equal(serializeScalingMarkdown([md('One'), md(''), md(' \n'), md('Two')]), 'One\n\nTwo\n');
    assert.equal(serializeScalingMarkdown([]), '');
  });

  it('chooses a fence longer than any backtick run in the code', () => {
    assert.equal(serializeScalingMarkdown([code('a ``` b')]), '````scaling\na ``` b\n````\n');
    assert.equal(serializeScalingMarkdown([code('```\n`````')]), '``````scaling\n```\n`````\n``````\n');
    assert.equal(serializeScalingMarkdown([code('a `` b')]), '```scaling\na `` b\n```\n');
  });

  it('writes an empty new code cell as an empty block', () => {
    assert.equal(serializeScalingMarkdown([code('')]), '```scaling\n```\n');
  });

  it("uses the file's most frequent line ending for new cells and edited sources", () => {
    const cells = parseScalingMarkdown('a\r\n\r\n```scaling\r\nx\r\n```\r\nb\n');
    cells[1].source = 'y\nz';
    const text = serializeScalingMarkdown([...cells, code('new\r\ncell')]);
    assert.equal(text, 'a\r\n\r\n```scaling\r\ny\r\nz\r\n```\r\nb\n\r\n```scaling\r\nnew\r\ncell\r\n```\r\n');
  });

  it('keeps the fence, info string and indentation of an edited code cell', () => {
    const cells = parseScalingMarkdown(' ~~~scaling {title}\n law epoch\n ~~~\n');
    cells[0].source = 'law kaplan2020\ncheck m';
    assert.equal(serializeScalingMarkdown(cells), ' ~~~scaling {title}\n law kaplan2020\n check m\n ~~~\n');
  });

  it('lengthens a recorded fence only when a line of the edited code would close it', () => {
    const cells = parseScalingMarkdown('~~~scaling\nx\n~~~\n');
    cells[0].source = '```\n~~~~';
    assert.equal(serializeScalingMarkdown(cells), '~~~~~scaling\n```\n~~~~\n~~~~~\n');
  });

  it('closes a code block that ran to the end of the file once a cell follows it', () => {
    const cells = parseScalingMarkdown('```scaling\nlaw epoch');
    assert.equal(serializeScalingMarkdown([...cells, md('After.')]), '```scaling\nlaw epoch\n```\n\nAfter.\n');
  });

  it('closes a fence left open in a Markdown cell once a cell follows it', () => {
    const text = serializeScalingMarkdown([md('Example:\n\n~~~~python\nx = 1'), code('law epoch')]);
    assert.equal(text, 'Example:\n\n~~~~python\nx = 1\n~~~~\n\n```scaling\nlaw epoch\n```\n');
    assert.deepEqual(kindsAndSources(parseScalingMarkdown(text)), [md('Example:\n\n~~~~python\nx = 1\n~~~~'), code('law epoch')]);
  });

  it('keeps Markdown cells apart by a blank line when the code cell between them is deleted', () => {
    const cells = parseScalingMarkdown('a\n```scaling\nx\n```\nb\n');
    assert.equal(serializeScalingMarkdown([cells[0], cells[2]]), 'a\n\nb\n');
  });

  it('ends the file as it ended when the last cell is edited, and with a line ending when another is added', () => {
    const cells = parseScalingMarkdown('```scaling\nx\n```');
    cells[0].source = 'y';
    assert.equal(serializeScalingMarkdown(cells), '```scaling\ny\n```');
    assert.equal(serializeScalingMarkdown([...cells, md('z')]), '```scaling\ny\n```\n\nz\n');
  });

  it('keeps an empty last line of edited code in a file without a final line ending', () => {
    const cells = parseScalingMarkdown('```scaling\nx');
    cells[0].source = 'x\n';
    assert.deepEqual(kindsAndSources(parseScalingMarkdown(serializeScalingMarkdown(cells))), [code('x\n')]);
  });

  it('does not let a recorded \\r ending run into a following empty line as one \\r\\n', () => {
    const cells = parseScalingMarkdown('```scaling\ra\nb\n```\n');
    cells[0].source = '\nb';
    assert.deepEqual(kindsAndSources(parseScalingMarkdown(serializeScalingMarkdown(cells))), [code('\nb')]);
  });

  it('indents edited code once more where the reader would otherwise remove indentation', () => {
    const cells = parseScalingMarkdown('  ```scaling\nx\n  ```\n');
    cells[0].source = '  y';
    assert.deepEqual(kindsAndSources(parseScalingMarkdown(serializeScalingMarkdown(cells))), [code('  y')]);
  });

  it('writes code of another language as a fenced block that cannot close early', () => {
    assert.equal(fencedCodeBlock('print("```")', 'python'), '````python\nprint("```")\n````');
    assert.equal(fencedCodeBlock('', 'python'), '```python\n```');
  });
});

describe('language/markdownCells: starter notebook', () => {
  it('round-trips and shows law, model, budget, optimal, check and plot in code cells', () => {
    const cells = assertRoundTrip(STARTER_NOTEBOOK);
    assert.ok(cells.some((cell) => cell.kind === 'markdown'));
    const keywords = new Set(
      cells.filter((cell) => cell.kind === 'code').flatMap((cell) => cell.source.split('\n').map((line) => line.split(' ')[0])),
    );
    for (const keyword of ['law', 'model', 'budget', 'optimal', 'check', 'plot']) assert.ok(keywords.has(keyword), keyword);
  });

  it('runs without an error in any cell', () => {
    const code = parseScalingMarkdown(STARTER_NOTEBOOK).filter((cell) => cell.kind === 'code');
    for (const evaluation of evaluateNotebook(code.map((cell) => cell.source))) {
      assert.ok(
        evaluation.ok,
        `cell ${evaluation.cellIndex}: ${evaluation.diagnostics.map((diagnostic) => diagnostic.message).join('; ')}`,
      );
    }
  });
});

/** What reopening a saved notebook shows: the same cells, up to what Markdown cannot record. */
function afterReopening(cells: readonly KindAndSource[]): KindAndSource[] {
  const reopened: KindAndSource[] = [];
  for (const cell of cells) {
    const source = cell.source.replace(/\r\n?/g, '\n');
    const previous = reopened.at(-1);
    if (cell.kind === 'code') reopened.push(code(source));
    else if (/^[ \t\n]*$/.test(source)) continue;
    // Neighbouring Markdown cells are written a blank line apart and read back as one.
    else if (previous?.kind === 'markdown') previous.source += `\n\n${source}`;
    else reopened.push(md(source));
  }
  return reopened.map((cell) => (cell.kind === 'code' ? cell : md(trimBlankLines(cell.source))));
}

function trimBlankLines(source: string): string {
  const lines = source.split('\n');
  const isBlankLine = (line: string) => /^[ \t]*$/.test(line);
  while (lines.length > 0 && isBlankLine(lines[0])) lines.shift();
  while (lines.length > 0 && isBlankLine(lines[lines.length - 1])) lines.pop();
  return lines.join('\n');
}

/** Code cells exactly, and the non-blank prose lines in order, minus bare fences added to close blocks. */
function codeAndProse(cells: readonly KindAndSource[]): string[] {
  return cells.flatMap((cell) => {
    const source = cell.source.replace(/\r\n?/g, '\n');
    if (cell.kind === 'code') return [`code: ${source}`];
    return source.split('\n').filter((line) => !/^[ \t]*$/.test(line) && !/^ {0,3}(`{3,}|~{3,})[ \t]*$/.test(line));
  });
}

describe('language/markdownCells: properties', () => {
  it('writes back any document it reads byte for byte', () => {
    fc.assert(
      fc.property(scalingDocument, (text) => {
        assert.equal(serializeScalingMarkdown(parseScalingMarkdown(text)), text);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back cells made in the editor as the same kinds and sources, up to what Markdown cannot record', () => {
    fc.assert(
      fc.property(editorCells, (cells) => {
        assert.deepEqual(kindsAndSources(parseScalingMarkdown(serializeScalingMarkdown(cells))), afterReopening(cells));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps code cells and prose lines in order after cells of a read document are edited, added or removed', () => {
    fc.assert(
      fc.property(editedNotebook, (cells) => {
        assert.deepEqual(codeAndProse(parseScalingMarkdown(serializeScalingMarkdown(cells))), codeAndProse(cells));
      }),
      { numRuns: 1000 },
    );
  });
});
