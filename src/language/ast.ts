/**
 * The syntax tree of a `scaling` cell. The language is line-oriented: every non-blank line is one
 * statement `KEYWORD [NAME] item*`, where an item is `key=value` or a positional value. What each
 * keyword accepts is checked by the evaluator against the table in `statements.ts`, so the parser
 * stays small and never gives up on a line it does not understand.
 */

/** A position in a cell: 0-based line and UTF-16 column, as VS Code counts them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A half-open span [start, end) on one line. */
export interface Span {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export type ValueNode = NumberNode | NameNode | StringNode | BinaryNode | NegateNode | RangeNode | ListNode;

/** A number as written: `70B`, `1.4e12`, `40%` (unit percent), `$2.50/h` (unit dollarsPerHour). */
export interface NumberNode {
  readonly type: 'number';
  readonly value: number;
  readonly unit?: 'percent' | 'dollarsPerHour' | 'dollars';
  readonly text: string;
  readonly span: Span;
}

/** A bare name: a model, budget, law, accelerator, plot kind, or a property of the same statement. */
export interface NameNode {
  readonly type: 'name';
  readonly name: string;
  readonly span: Span;
}

export interface StringNode {
  readonly type: 'string';
  readonly value: string;
  readonly span: Span;
}

export interface BinaryNode {
  readonly type: 'binary';
  readonly operator: '+' | '-' | '*' | '/';
  readonly left: ValueNode;
  readonly right: ValueNode;
  readonly span: Span;
}

export interface NegateNode {
  readonly type: 'negate';
  readonly operand: ValueNode;
  readonly span: Span;
}

/** `1e18..1e26`: a log-spaced range for sweeps. */
export interface RangeNode {
  readonly type: 'range';
  readonly from: ValueNode;
  readonly to: ValueNode;
  readonly span: Span;
}

/** `a, b, c` after a `key=`. */
export interface ListNode {
  readonly type: 'list';
  readonly items: readonly ValueNode[];
  readonly span: Span;
}

/** `key=value`. */
export interface PropertyNode {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: ValueNode;
  readonly span: Span;
}

/** One line: `model chinchilla params=70B tokens=1.4T`. */
export interface Statement {
  readonly keyword: string;
  readonly keywordSpan: Span;
  /** The declared name or first argument (`chinchilla`, `frontier`, `gopher-run`), if any. */
  readonly name?: NameNode;
  /** Further positional values (`check a, b, c` → b and c; `data d from "x.csv"` → from, "x.csv"). */
  readonly positionals: readonly ValueNode[];
  readonly properties: readonly PropertyNode[];
  /** The whole statement, comments excluded. */
  readonly span: Span;
  /** The source text of the line, for error messages that quote it. */
  readonly lineText: string;
  /** Indented lines under the statement (an inline `data` table), with the line of the first. */
  readonly block?: { readonly lines: readonly string[]; readonly firstLine: number };
}
