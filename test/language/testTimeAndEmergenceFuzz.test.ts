import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { propertyKeysOf } from './fuzzVocabulary';

/** The coverage, tournament and emergence statements with ordinary, extreme and broken values. */
const opening = fc.constantFrom(
  'coverage',
  'coverage beta=0.3,3',
  'coverage p=5%',
  'tournament',
  'tournament generate=0.3 compare=0.7',
  'emergence',
  'emergence answer=20',
);
/** Their properties, from the registry. */
const property = fc.constantFrom(...propertyKeysOf(['coverage', 'tournament', 'emergence']).map((key) => `${key}=`));
const value = fc.constantFrom(
  '0',
  '1',
  '0.5',
  '5%',
  '90%',
  '100%',
  '150%',
  '-1',
  '1e-300',
  '1e300',
  '1e999',
  '2.5',
  '1e9',
  '1e12',
  '0.3,3',
  '1,1',
  '1e9,1e-9',
  '1e-9,1e9',
  '1',
  '1..10',
  '1..1e12',
  '10..1',
  '1e8..1e14',
  '1e-5..1e300',
  'E',
  'F',
  'epoch',
  'kaplan',
  '$2',
  '"x"',
);
const statement = fc
  .tuple(opening, fc.array(fc.tuple(property, value), { maxLength: 5 }))
  .map(([word, pairs]) => [word, ...pairs.map(([key, text]) => `${key}${text}`)].join(' '));

describe('language/fuzz: coverage, tournament and emergence', () => {
  it('never throw and never report an internal error; every table row fits its columns', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 4 }), (lines) => {
        const [evaluation] = evaluateNotebook([lines.join('\n')]);
        for (const diagnostic of evaluation.diagnostics)
          assert.doesNotMatch(diagnostic.message, /internal error/, `${lines.join(' / ')}: ${diagnostic.message}`);
        for (const result of evaluation.results) {
          for (const table of result.tables) for (const row of table.rows) assert.equal(row.length, table.columns.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
