import type { BinaryNode, NameNode, PropertyNode, Span, Statement, ValueNode } from './ast';
import { StatementError, errorAt, type Diagnostic } from './diagnostics';
import { lexLine, type Token } from './lexer';
import { MAX_EXPRESSION_DEPTH, MAX_LIST_ITEMS } from './limits';
import { closestWord } from './closestWord';
import { formFor, isKeyword, keywords } from './registry';

/** A parsed cell: its statements in line order and the syntax errors of the lines that failed. */
export interface ParsedCell {
  readonly statements: readonly Statement[];
  readonly diagnostics: readonly Diagnostic[];
  readonly lines: readonly string[];
}

/** Splits cell text into lines the way VS Code numbers them (\n, \r\n). */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/**
 * Parses a cell. Never throws: a line that cannot be parsed yields one diagnostic and no statement,
 * and the other lines are parsed as usual.
 */
export function parseCell(text: string): ParsedCell {
  const lines = splitLines(text);
  const statements: Statement[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let line = 0; line < lines.length; line++) {
    try {
      const statement = parseLine(lines[line], line);
      if (!statement) continue;
      if (takesBlock(statement)) {
        const block = indentedBlock(lines, line + 1);
        line += block.length;
        statements.push(block.length > 0 ? { ...statement, block: { lines: block, firstLine: statement.span.line + 1 } } : statement);
      } else {
        statements.push(statement);
      }
    } catch (error) {
      if (!(error instanceof StatementError)) throw error;
      diagnostics.push(error.diagnostic);
    }
  }
  return { statements, diagnostics, lines };
}

/** Whether the statement owns the indented lines below it (an inline table): its form says. */
function takesBlock(statement: Statement): boolean {
  return formFor(statement)?.ownsBlock?.(statement) ?? false;
}

/** The indented, non-blank lines from `start` on. */
function indentedBlock(lines: readonly string[], start: number): string[] {
  let end = start;
  while (end < lines.length && /^[ \t]+\S/.test(lines[end])) end++;
  return lines.slice(start, end);
}

function parseLine(lineText: string, line: number): Statement | undefined {
  const { tokens } = lexLine(lineText);
  if (tokens.length === 0) return undefined;
  const invalid = tokens.find((token) => token.kind === 'invalid');
  if (invalid) throw errorAt(spanOf(line, invalid), 'syntax', invalid.problem ?? `unexpected "${invalid.text}"`);
  return new LineParser(tokens, line, lineText).statement();
}

function spanOf(line: number, token: Token): Span {
  return { line, start: token.start, end: token.end };
}

class LineParser {
  private index = 0;
  /** Parentheses and minus signs open around the value being parsed: each one is a level of recursion. */
  private nesting = 0;
  /** Height of each expression node built so far, to refuse trees the evaluator could not walk. */
  private readonly heights = new WeakMap<ValueNode, number>();

  constructor(
    private readonly tokens: readonly Token[],
    private readonly line: number,
    private readonly lineText: string,
  ) {}

  statement(): Statement {
    const keywordToken = this.tokens[0];
    if (keywordToken.kind !== 'name') {
      throw errorAt(
        this.span(keywordToken),
        'syntax',
        `a statement starts with a keyword, not "${keywordToken.text}"`,
        `start the line with one of: ${keywords().join(', ')}`,
      );
    }
    const keyword = keywordToken.text.toLowerCase();
    if (!isKeyword(keyword)) {
      const suggestion = closestWord(keyword, keywords());
      throw errorAt(
        this.span(keywordToken),
        'unknown-keyword',
        `unknown keyword "${keywordToken.text}"`,
        suggestion ? `did you mean "${suggestion}"?` : `use one of: ${keywords().join(', ')}`,
      );
    }
    this.index = 1;
    let name: NameNode | undefined;
    const first = this.peek();
    if (first?.kind === 'name' && this.peek(1)?.kind !== 'equals') {
      this.index++;
      name = { type: 'name', name: first.text, span: this.span(first) };
    }
    const positionals: ValueNode[] = [];
    const properties: PropertyNode[] = [];
    while (this.peek()) {
      const token = this.peek()!;
      if (token.kind === 'comma') {
        this.index++;
      } else if (token.kind === 'name' && this.peek(1)?.kind === 'equals') {
        properties.push(this.property());
      } else if (token.kind === 'equals') {
        throw errorAt(this.span(token), 'syntax', 'expected a property name before "="', 'write key=value, e.g. params=70B');
      } else {
        positionals.push(this.rangeOrExpression());
      }
    }
    const last = this.tokens[this.tokens.length - 1];
    return {
      keyword,
      keywordSpan: this.span(keywordToken),
      ...(name ? { name } : {}),
      positionals,
      properties,
      span: { line: this.line, start: keywordToken.start, end: last.end },
      lineText: this.lineText,
    };
  }

  private property(): PropertyNode {
    const keyToken = this.next();
    this.next(); // '='
    if (!this.peek() || this.peek()!.kind === 'comma') {
      throw errorAt({ line: this.line, start: keyToken.start, end: keyToken.end + 1 }, 'syntax', `missing value after "${keyToken.text}="`);
    }
    const items = [this.rangeOrExpression()];
    // A comma continues the list unless what follows is the next `key=`.
    while (this.peek()?.kind === 'comma' && !(this.peek(1)?.kind === 'name' && this.peek(2)?.kind === 'equals') && this.peek(1)) {
      this.index++;
      const item = this.rangeOrExpression();
      if (items.length === MAX_LIST_ITEMS) {
        throw errorAt(item.span, 'invalid-value', `"${keyToken.text}" lists more than ${MAX_LIST_ITEMS} items, the most a list may hold`);
      }
      items.push(item);
    }
    const value: ValueNode =
      items.length === 1
        ? items[0]
        : { type: 'list', items, span: { line: this.line, start: items[0].span.start, end: items[items.length - 1].span.end } };
    return {
      key: keyToken.text,
      keySpan: this.span(keyToken),
      value,
      span: { line: this.line, start: keyToken.start, end: value.span.end },
    };
  }

  private rangeOrExpression(): ValueNode {
    const from = this.expression();
    if (this.peek()?.kind !== 'range') return from;
    this.index++;
    const to = this.expression();
    return { type: 'range', from, to, span: { line: this.line, start: from.span.start, end: to.span.end } };
  }

  private expression(): ValueNode {
    return this.leftAssociative(['+', '-'], () => this.term());
  }

  private term(): ValueNode {
    return this.leftAssociative(['*', '/'], () => this.unary());
  }

  /** `operand (op operand)*` for one precedence level, grouped from the left: a - b - c = (a - b) - c. */
  private leftAssociative(operators: ReadonlyArray<BinaryNode['operator']>, operand: () => ValueNode): ValueNode {
    let left = operand();
    for (
      let token = this.peek();
      token?.kind === 'operator' && operators.includes(token.text as BinaryNode['operator']);
      token = this.peek()
    ) {
      this.index++;
      const right = operand();
      const span = { line: this.line, start: left.span.start, end: right.span.end };
      left = this.nested({ type: 'binary', operator: token.text as BinaryNode['operator'], left, right, span }, [left, right]);
    }
    return left;
  }

  /** Records a node's height, or refuses it when it is deeper than the evaluator may recurse. */
  private nested(node: ValueNode, children: readonly ValueNode[]): ValueNode {
    const height = 1 + Math.max(...children.map((child) => this.heights.get(child) ?? 1));
    if (height > MAX_EXPRESSION_DEPTH) throw this.tooDeep(node.span);
    this.heights.set(node, height);
    return node;
  }

  /** Enters a parenthesis or minus sign: past the cap, a located error instead of a stack overflow. */
  private descend(token: Token): void {
    if (++this.nesting > MAX_EXPRESSION_DEPTH) throw this.tooDeep(this.span(token));
  }

  private tooDeep(span: Span) {
    const message = `expression nested more than ${MAX_EXPRESSION_DEPTH} levels deep (parentheses, minus signs and terms of a sum count)`;
    return errorAt(span, 'syntax', message, 'split it, or compute the value elsewhere and write the number');
  }

  private unary(): ValueNode {
    const token = this.peek();
    if (token?.kind === 'operator' && token.text === '-') {
      this.index++;
      this.descend(token);
      const operand = this.unary();
      this.nesting--;
      return this.nested({ type: 'negate', operand, span: { line: this.line, start: token.start, end: operand.span.end } }, [operand]);
    }
    return this.primary();
  }

  private primary(): ValueNode {
    const token = this.peek();
    if (!token) {
      const end = this.tokens[this.tokens.length - 1].end;
      throw errorAt({ line: this.line, start: end, end: end + 1 }, 'syntax', 'expected a value at the end of the line');
    }
    this.index++;
    switch (token.kind) {
      case 'number':
        return {
          type: 'number',
          value: token.value!,
          text: token.text,
          span: this.span(token),
          ...(token.unit ? { unit: token.unit } : {}),
        };
      case 'name':
        return { type: 'name', name: token.text, span: this.span(token) };
      case 'string':
        return { type: 'string', value: token.text, span: this.span(token) };
      case 'lparen': {
        this.descend(token);
        const inner = this.expression();
        const close = this.peek();
        if (close?.kind !== 'rparen') {
          throw errorAt(
            close ? this.span(close) : { line: this.line, start: inner.span.end, end: inner.span.end + 1 },
            'syntax',
            'missing ")"',
          );
        }
        this.index++;
        this.nesting--;
        return inner;
      }
      default:
        throw errorAt(this.span(token), 'syntax', `expected a value, found "${token.text}"`);
    }
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  private next(): Token {
    return this.tokens[this.index++];
  }

  private span(token: Token): Span {
    return spanOf(this.line, token);
  }
}
