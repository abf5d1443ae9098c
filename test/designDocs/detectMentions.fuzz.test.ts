import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { resolveLaw } from '../../src/core';
import { detectModelMentions, detectedModelMarkdown, mentionsNearLine, parseModelSizeInput, textLines } from '../../src/designDocs';

/** Pieces design docs are made of, so random text often comes close to a mention or just misses one. */
const FRAGMENTS = [
  '70B',
  '1.4T',
  '7b',
  '2 trillion',
  '1.4e12',
  '70,000,000,000',
  '$',
  '€',
  '~',
  '/',
  '|',
  '---',
  '-',
  ':',
  '=',
  'N',
  'D',
  ' parameters',
  ' params',
  ' tokens',
  ' model',
  ' active',
  ' total',
  ' trained on ',
  ' batch size of ',
  ' per ',
  'Llama 3 8B',
  'DeepSeek-V3',
  'gpt-3-175b',
  '**',
  '`',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '(',
  ')',
  ',',
  '.',
  'e',
  '×10^',
  '0',
  '9',
  '.5',
];
const PHRASES = [
  'a 7B model',
  '70B parameters',
  ' on 2T tokens',
  '1.4T training tokens',
  '37B active',
  'N=7e9',
  'D=2e12',
  '280B/300B',
  '| Model | Params | Tokens |',
  '|---|---|---|',
  '| x | 7B | 2T |',
  '| y | ? | 1T |',
];

const designDocText = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 4 },
      { arbitrary: fc.constantFrom(...PHRASES), weight: 2 },
      { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(designDocText, fc.string({ unit: 'binary', maxLength: 200 }));
const epoch = resolveLaw('epoch');

describe('detectModelMentions: fuzz', () => {
  it('never throws, and every mention is well placed and can be assessed', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const mention of detectModelMentions(text)) {
          assert.equal(text.slice(mention.start, mention.end).replace(/\r\n?/g, '\n'), mention.matchedText);
          assert.ok(mention.params > 0 && mention.tokens > 0 && Number.isFinite(mention.params) && Number.isFinite(mention.tokens));
          assert.ok(mention.activeParams === undefined || mention.activeParams < mention.params);
          assert.ok(detectedModelMarkdown(mention, epoch).length > 0);
          assert.ok(
            mentionsNearLine(textLines(text), mention.line).some((near) => near.start === mention.start && near.end === mention.end),
          );
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on any input to the command', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const model = parseModelSizeInput(text);
        if (model) assert.ok(detectedModelMarkdown(model, epoch).length > 0);
      }),
      { numRuns: 500 },
    );
  });
});
