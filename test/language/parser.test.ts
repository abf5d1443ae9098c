import * as assert from 'node:assert/strict';
import { parseCell } from '../../src/language/parser';

describe('language/parser', () => {
  it('parses a declaration into keyword, name and properties with spans', () => {
    const { statements, diagnostics } = parseCell('model chinchilla   params=70B  tokens=1.4T  # the paper');
    assert.deepEqual(diagnostics, []);
    const [statement] = statements;
    assert.equal(statement.keyword, 'model');
    assert.equal(statement.name?.name, 'chinchilla');
    assert.deepEqual(statement.name?.span, { line: 0, start: 6, end: 16 });
    assert.deepEqual(
      statement.properties.map((property) => property.key),
      ['params', 'tokens'],
    );
    assert.equal(statement.span.end, 42);
  });

  it('parses lists after a key and positional lists after a keyword', () => {
    const [plot, check] = parseCell('plot isoflop compute=1e19,1e20, 1e21 models=a,b\ncheck gopher, chinchilla').statements;
    const compute = plot.properties[0].value;
    assert.equal(compute.type, 'list');
    assert.equal(compute.type === 'list' && compute.items.length, 3);
    assert.equal(plot.properties[1].key, 'models');
    assert.equal(check.name?.name, 'gopher');
    assert.equal(check.positionals.length, 1);
  });

  it('parses arithmetic with precedence and parentheses', () => {
    const [statement] = parseCell('model m params=1B tokens=(2 + 3) * 4 * params').statements;
    const tokens = statement.properties[1].value;
    assert.equal(tokens.type, 'binary');
    assert.equal(tokens.type === 'binary' && tokens.operator, '*');
  });

  it('reports a bad line and keeps parsing the others', () => {
    const { statements, diagnostics } = parseCell('model a params=1B tokens=20B\nmodle b params=1B\nmodel c params=2B tokens=40B');
    assert.deepEqual(
      statements.map((statement) => statement.name?.name),
      ['a', 'c'],
    );
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'unknown-keyword');
    assert.equal(diagnostics[0].hint, 'did you mean "model"?');
    assert.deepEqual(diagnostics[0].span, { line: 1, start: 0, end: 5 });
  });

  for (const [line, message] of [
    ['model m params=', /missing value after "params="/],
    ['model m params=(1B', /missing "\)"/],
    ['model m params=1B = 2', /expected a property name before "="/],
    ['70B', /starts with a keyword/],
    ['model m tokens=1T*', /expected a value at the end of the line/],
  ] as const) {
    it(`reports "${line}" as a syntax error`, () => {
      const { diagnostics } = parseCell(line);
      assert.equal(diagnostics.length, 1);
      assert.match(diagnostics[0].message, message);
    });
  }

  it('ignores blank and comment-only lines, CRLF included', () => {
    assert.equal(parseCell('# notes\r\n\r\n   \r\nlaw epoch\r\n').statements.length, 1);
  });
});
