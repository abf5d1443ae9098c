import * as assert from 'node:assert/strict';
import { detectModelMentions, textLines, type ModelMention } from '../../src/designDocs';
import { NEGATIVE_CORPUS, POSITIVE_CORPUS } from './mentionCorpus';

function summary(mention: ModelMention) {
  return {
    params: mention.params,
    tokens: mention.tokens,
    ...(mention.activeParams === undefined ? {} : { activeParams: mention.activeParams }),
    source: mention.source,
  };
}

describe('detectModelMentions: corpus', () => {
  it('holds at least 40 phrasings, positive and negative', () => {
    assert.ok(POSITIVE_CORPUS.length >= 25, `${POSITIVE_CORPUS.length} positives`);
    assert.ok(NEGATIVE_CORPUS.length >= 20, `${NEGATIVE_CORPUS.length} negatives`);
  });

  for (const entry of POSITIVE_CORPUS) {
    it(`finds ${JSON.stringify(entry.text)}`, () => {
      const mentions = detectModelMentions(entry.text);
      assert.deepEqual(
        mentions.map(summary),
        entry.mentions.map(({ text: _text, ...expected }) => expected),
      );
      entry.mentions.forEach((expected, i) => {
        if (expected.text !== undefined) assert.equal(mentions[i].matchedText, expected.text);
      });
    });
  }

  for (const text of NEGATIVE_CORPUS) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(
        detectModelMentions(text).map((mention) => mention.matchedText),
        [],
      );
    });
  }
});

describe('detectModelMentions: positions', () => {
  const document = [
    '# Training plan',
    '',
    'We first train a proxy, then',
    'a 7B model on 2T tokens.',
    '',
    '| Model | Params | Tokens |',
    '|---|---|---|',
    '| Gopher | 280B | 300B |',
  ].join('\n');

  it('gives offsets that slice out the matched text, and 0-based lines and columns', () => {
    const [prose, table] = detectModelMentions(document);
    assert.equal(document.slice(prose.start, prose.end), '7B model on 2T tokens');
    assert.deepEqual([prose.line, prose.column, prose.endLine, prose.endColumn], [3, 2, 3, 23]);
    assert.equal(document.slice(table.start, table.end), '| Gopher | 280B | 300B |');
    assert.deepEqual([table.line, table.column], [7, 0]);
  });

  it('counts CRLF line breaks in offsets', () => {
    const crlf = document.replace(/\n/g, '\r\n');
    const [prose, table] = detectModelMentions(crlf);
    assert.equal(crlf.slice(prose.start, prose.end), '7B model on 2T tokens');
    assert.equal(crlf.slice(table.start, table.end), '| Gopher | 280B | 300B |');
    assert.equal(prose.line, 3);
  });

  it('places a sentence that wraps onto the next line', () => {
    const text = 'Intro.\n\nThe 70B model\n  was trained on 1.4T tokens.';
    const [mention] = detectModelMentions(text);
    assert.deepEqual([mention.line, mention.column, mention.endLine, mention.endColumn], [2, 4, 3, 28]);
    assert.equal(text.slice(mention.start, mention.end), '70B model\n  was trained on 1.4T tokens');
  });

  it('does not pair counts across a blank line', () => {
    assert.deepEqual(detectModelMentions('The model has 70B parameters.\n\nThe corpus has 1.4T tokens.'), []);
    assert.equal(detectModelMentions('The model has 70B parameters\nand sees 1.4T tokens.').length, 1);
  });

  it('pairs a lone count with the next one only when they are close', () => {
    const far = `We use 70B parameters. ${'Unrelated words here. '.repeat(12)}The corpus has 1.4T tokens.`;
    assert.deepEqual(detectModelMentions(far), []);
  });

  it('agrees with textLines on every line break style', () => {
    const source = textLines('a\r\nb\rc\nd');
    assert.deepEqual(
      [0, 1, 2, 3].map((line) => source.lineText(line)),
      ['a', 'b', 'c', 'd'],
    );
    assert.deepEqual(
      [0, 1, 2, 3].map((line) => source.lineOffset(line)),
      [0, 3, 5, 7],
    );
  });
});
