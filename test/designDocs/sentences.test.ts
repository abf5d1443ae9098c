import * as assert from 'node:assert/strict';
import { sentenceEnds, sentenceIndex } from '../../src/designDocs/sentences';

/** The sentences of `text`, split where {@link sentenceEnds} says. */
function sentences(text: string): string[] {
  const ends = sentenceEnds(text);
  return [0, ...ends].map((start, i) => text.slice(start, ends[i] ?? text.length).trim()).filter(Boolean);
}

describe('sentenceEnds', () => {
  it('ends sentences at . ! ? ; followed by a space or the end', () => {
    assert.deepEqual(sentences('A 7B run. Is it enough? Yes! We stop; then resume.'), [
      'A 7B run.',
      'Is it enough?',
      'Yes!',
      'We stop;',
      'then resume.',
    ]);
  });

  it('does not end a sentence at a decimal point or inside a number', () => {
    assert.deepEqual(sentences('A 1.4T run at 3.5 per cent. Next'), ['A 1.4T run at 3.5 per cent.', 'Next']);
  });

  it('does not end a sentence at e.g., i.e., vs., cf. or et al.', () => {
    const text = 'Sizes, e.g. 7B, i.e. small, vs. 70B, cf. Hoffmann et al. 2022, differ. Next';
    assert.deepEqual(sentences(text), ['Sizes, e.g. 7B, i.e. small, vs. 70B, cf. Hoffmann et al. 2022, differ.', 'Next']);
  });

  it('ends a sentence after closing quotes and brackets', () => {
    assert.deepEqual(sentences('He said "a 7B model." (It was.) Then'), ['He said "a 7B model."', '(It was.)', 'Then']);
  });

  it('places an offset at a sentence end in the next sentence', () => {
    const ends = sentenceEnds('One. Two.');
    assert.deepEqual(
      [0, 3, 4, 5, 9].map((offset) => sentenceIndex(ends, offset)),
      [0, 0, 1, 1, 2],
    );
  });
});
