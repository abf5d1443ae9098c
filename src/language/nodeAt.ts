import type { NameNode, NumberNode, Span, Statement, ValueNode } from './ast';

/** What sits under a position in a statement. */
export type NodeAt =
  | { readonly role: 'keyword'; readonly span: Span }
  | { readonly role: 'key'; readonly key: string; readonly span: Span }
  | { readonly role: 'declared-name'; readonly node: NameNode }
  /** A name or number inside a value: `propertyKey` is set for `key=value`, absent for positionals. */
  | { readonly role: 'value'; readonly node: NameNode | NumberNode; readonly propertyKey?: string };

const contains = (span: Span, column: number) => column >= span.start && column <= span.end;

/** The innermost name or number in `value` containing `column`. */
function leafAt(value: ValueNode, column: number): NameNode | NumberNode | undefined {
  if (!contains(value.span, column)) return undefined;
  switch (value.type) {
    case 'name':
    case 'number':
      return value;
    case 'string':
      return undefined;
    case 'negate':
      return leafAt(value.operand, column);
    case 'binary':
      return leafAt(value.left, column) ?? leafAt(value.right, column);
    case 'range':
      return leafAt(value.from, column) ?? leafAt(value.to, column);
    case 'list':
      return value.items.map((item) => leafAt(item, column)).find(Boolean);
  }
}

/**
 * The part of `statement` under `column` (a position just after a word counts as on it, as in
 * VS Code's hovers at a word's end).
 */
export function nodeAt(statement: Statement, column: number): NodeAt | undefined {
  if (contains(statement.keywordSpan, column)) return { role: 'keyword', span: statement.keywordSpan };
  if (statement.name && contains(statement.name.span, column)) {
    // `check a, b` names models; `model a` and `budget a` declare one.
    return ['model', 'budget', 'law'].includes(statement.keyword)
      ? { role: 'declared-name', node: statement.name }
      : { role: 'value', node: statement.name };
  }
  for (const property of statement.properties) {
    if (contains(property.keySpan, column)) return { role: 'key', key: property.key, span: property.keySpan };
    const leaf = leafAt(property.value, column);
    if (leaf) return { role: 'value', node: leaf, propertyKey: property.key };
  }
  for (const positional of statement.positionals) {
    const leaf = leafAt(positional, column);
    if (leaf) return { role: 'value', node: leaf };
  }
  return undefined;
}
