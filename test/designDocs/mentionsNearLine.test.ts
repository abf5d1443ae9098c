import * as assert from 'node:assert/strict';
import {
  MAX_PARAGRAPH_LINES,
  detectModelMentions,
  mentionAt,
  mentionsInLines,
  mentionsNearLine,
  textLines,
  type LineSource,
} from '../../src/designDocs';

/** A line source that records which lines were read. */
function recordingLines(text: string): LineSource & { read: Set<number> } {
  const source = textLines(text);
  const read = new Set<number>();
  return {
    read,
    lineCount: source.lineCount,
    lineText: (line) => {
      read.add(line);
      return source.lineText(line);
    },
    lineOffset: (line) => source.lineOffset(line),
  };
}

/** A long design doc: paragraphs of four lines separated by blank lines, every tenth with a model. */
function longDocument(paragraphs: number): string {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const model = i % 10 === 0 ? `a ${i + 1}B model on ${2 * (i + 1)}T tokens` : 'a model of unknown size';
    parts.push(`Paragraph ${i} discusses\n${model} and other\nthings worth writing\ndown in a design doc.`);
  }
  return parts.join('\n\n');
}

describe('mentionsNearLine: reading only the block under the cursor', () => {
  it('reads the hovered paragraph and the blank lines around it, nothing else', () => {
    const source = recordingLines(longDocument(1000));
    const line = 5 * 500 + 1;
    const mentions = mentionsNearLine(source, line);
    assert.deepEqual(
      mentions.map((mention) => mention.matchedText),
      ['501B model on 1002T tokens'],
    );
    assert.ok(source.read.size <= 6, `read ${source.read.size} lines`);
    assert.ok([...source.read].every((read) => Math.abs(read - line) <= 4));
  });

  it('scans only the hovered table row (with its header), not the paragraphs around the table', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `| m${i} | ${i + 1}B | ${i + 1}T |`);
    const text = ['Intro paragraph.', '', '| Model | Params | Tokens |', '|---|---|---|', ...rows, '', 'Outro paragraph.'].join('\n');
    const source = recordingLines(text);
    const mentions = mentionsNearLine(source, 4 + 250);
    assert.deepEqual(
      mentions.map((mention) => [mention.name, mention.params, mention.tokens]),
      [['m250', 251e9, 251e12]],
    );
    assert.ok(!source.read.has(0) && !source.read.has(text.split('\n').length - 1), 'read the paragraphs around the table');
  });

  it('finds nothing on a blank line or outside the document', () => {
    const source = textLines('a 7B model on 2T tokens\n\n');
    assert.deepEqual(mentionsNearLine(source, 1), []);
    assert.deepEqual(mentionsNearLine(source, -1), []);
    assert.deepEqual(mentionsNearLine(source, 99), []);
  });

  it('finds exactly what a scan of the whole document finds on that line', () => {
    const text = [
      longDocument(30),
      '| Model | Params | Tokens |\n|---|---|---|\n| Chinchilla | 70B | 1.4T |\n| Llama 3 8B | see notes | ? |',
      'Gopher (280B/300B) and N=7e9, D=2e12 are both quoted.',
    ].join('\n\n');
    const source = textLines(text);
    const everywhere = detectModelMentions(text);
    for (let line = 0; line < source.lineCount; line++) {
      const near = mentionsNearLine(source, line).filter((mention) => mention.line <= line && line <= mention.endLine);
      const scanned = everywhere.filter((mention) => mention.line <= line && line <= mention.endLine);
      assert.deepEqual(near, scanned, `line ${line}`);
    }
  });

  it('chunks a paragraph without blank lines, the same way for the hover and the scan', () => {
    const lines = Array.from({ length: 3 * MAX_PARAGRAPH_LINES }, (_, i) =>
      i % 7 === 0 ? `a ${i + 1}B model on ${i + 1}T tokens` : 'filler text',
    );
    const source = recordingLines(lines.join('\n'));
    const line = 2 * MAX_PARAGRAPH_LINES + 10;
    const near = mentionsNearLine(source, line);
    const scanned = detectModelMentions(lines.join('\n')).filter((mention) => mention.line >= 2 * MAX_PARAGRAPH_LINES);
    assert.deepEqual(near, scanned);
  });
});

describe('mentionAt', () => {
  const source = textLines('Intro.\n\nWe train a 7B model on 2T tokens, then stop.');

  it('returns the mention under the column, its first and last character included', () => {
    assert.equal(mentionAt(source, 2, 11)?.params, 7e9);
    assert.equal(mentionAt(source, 2, 31)?.tokens, 2e12);
  });

  it('returns nothing just outside the mention', () => {
    assert.equal(mentionAt(source, 2, 10), undefined);
    assert.equal(mentionAt(source, 2, 32), undefined);
  });
});

describe('mentionsInLines', () => {
  it('reads each block touching the range once', () => {
    const text = 'a 1B model on 20B tokens\n\nfiller\n\na 3B model on 60B tokens\n\na 9B model on 1T tokens';
    assert.deepEqual(
      mentionsInLines(textLines(text), 1, 4).map((mention) => mention.params),
      [3e9],
    );
    assert.deepEqual(
      mentionsInLines(textLines(text), 0, 99).map((mention) => mention.params),
      [1e9, 3e9, 9e9],
    );
  });
});
