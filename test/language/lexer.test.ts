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

  it('rejects three dots in a range instead of reading 1e20...1e26 as 1e20..0.1e26', () => {
    const bad = lexLine('compute=1e20...1e26').tokens.find((token) => token.kind === 'invalid');
    assert.equal(bad?.text, '...');
    assert.equal(bad?.start, 12);
    assert.match(bad!.problem!, /a range is FROM\.\.TO with two dots/);
  });

  it('rejects a fractional exponent or a second decimal point as one malformed number', () => {
    const [, , , , exponent] = lexLine('compute=1e20..1e21.5').tokens;
    assert.deepEqual([exponent.kind, exponent.text, exponent.start], ['invalid', '1e21.5', 14]);
    assert.match(exponent.problem!, /exponent is a whole number/);
    const [decimals] = lexLine('1.2.3').tokens;
    assert.deepEqual([decimals.kind, decimals.text], ['invalid', '1.2.3']);
    assert.match(decimals.problem!, /more than one decimal point/);
    assert.deepEqual(values('tokens=1.5..2.5'), [1.5, 2.5]);
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
