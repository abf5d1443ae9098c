import * as assert from 'node:assert/strict';
import { lexLine } from '../../src/language/lexer';

const kinds = (line: string) => lexLine(line).tokens.map((token) => token.kind);
const values = (line: string) =>
  lexLine(line)
    .tokens.filter((token) => token.kind === 'number')
    .map((token) => token.value);

describe('language/lexer', () => {
  it('reads names with dashes and dots as one name', () => {
    assert.deepEqual(
      lexLine('compare llama-3.1-405b, gopher-run').tokens.map((token) => token.text),
      ['compare', 'llama-3.1-405b', ',', 'gopher-run'],
    );
  });

  it('reads numbers with suffixes, exponents, percentages and prices', () => {
    assert.deepEqual(values('x a=70B b=1.4e12 c=40% d=1_000 e=.5'), [70e9, 1.4e12, 0.4, 1000, 0.5]);
    const price = lexLine('price=$2.50/h').tokens[2];
    assert.equal(price.value, 2.5);
    assert.equal(price.unit, 'dollarsPerHour');
  });

  it('reads ranges without eating the dots as decimals', () => {
    assert.deepEqual(kinds('compute=1e18..1e26'), ['name', 'equals', 'number', 'range', 'number']);
    assert.deepEqual(values('compute=1e18..1e26'), [1e18, 1e26]);
  });

  it('stops at comments, but not inside strings', () => {
    assert.equal(lexLine('model m # params=1').commentStart, 8);
    assert.deepEqual(kinds('data d from "a#b.csv" # c'), ['name', 'name', 'name', 'string']);
  });

  it('marks what it cannot read, with a reason', () => {
    const [bad] = lexLine('70Bx').tokens;
    assert.equal(bad.kind, 'invalid');
    assert.match(bad.problem!, /cannot read "70Bx" as a number/);
    assert.match(lexLine('"open').tokens[0].problem!, /unterminated string/);
    assert.match(lexLine('model m @').tokens[2].problem!, /unexpected character "@"/);
  });

  it('treats × as multiplication', () => {
    assert.deepEqual(
      lexLine('20×params').tokens.map((token) => token.text),
      ['20', '*', 'params'],
    );
  });
});
