import { QuantityError, formatScientific } from '../../core';
import type { NameNode, PropertyNode, Statement, ValueNode } from '../ast';
import { errorAt } from '../diagnostics';
import { MAX_MAGNITUDE, MIN_MAGNITUDE } from '../limits';
import { closestWord } from '../closestWord';
import { formFor } from '../registry';
import { formLabel, type PropertySpec, type StatementForm } from '../statementForm';

/**
 * Reads the properties of one statement: checks they are known for its form (plot frontier takes
 * other properties than plot epochs) and not repeated, and evaluates values on demand, so
 * `tokens=20*params` can refer to `params` of the same line. Values are checked against their
 * declared type: whole numbers within their bounds.
 */
export class StatementValues {
  private readonly byKey = new Map<string, PropertyNode>();
  private readonly evaluating = new Set<string>();
  private readonly allowed: Readonly<Record<string, PropertySpec>>;

  /** `form` defaults to the statement's form by its words alone; evaluators given a form pass it. */
  constructor(
    readonly statement: Statement,
    form: StatementForm | undefined = formFor(statement),
  ) {
    const allowed = form?.properties ?? {};
    this.allowed = allowed;
    const label = form ? formLabel(form) : statement.keyword;
    for (const property of statement.properties) {
      const key = canonicalKey(property.key, allowed);
      if (!key) {
        const suggestion = closestWord(property.key, Object.keys(allowed));
        throw errorAt(
          property.keySpan,
          'unknown-property',
          `"${label}" has no property "${property.key}"`,
          suggestion
            ? `did you mean "${suggestion}"?`
            : Object.keys(allowed).length
              ? `properties: ${Object.keys(allowed).join(', ')}`
              : `"${label}" takes no properties`,
        );
      }
      if (this.byKey.has(key)) throw errorAt(property.keySpan, 'duplicate-property', `"${key}" is given twice`, 'keep one of them');
      this.byKey.set(key, property);
    }
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  property(key: string): PropertyNode | undefined {
    return this.byKey.get(key);
  }

  /** A required property's node, or an error that says what to add. */
  require(key: string, expected: string): PropertyNode {
    const property = this.byKey.get(key);
    if (!property) {
      throw errorAt(this.statement.keywordSpan, 'missing-property', `"${this.statement.keyword}" needs ${key}=…`, `add ${key}=${expected}`);
    }
    return property;
  }

  /** A numeric property: a plain number (no % or $ unless `unit` allows it), arithmetic allowed. */
  number(key: string, options: { unit?: 'percent' | 'dollars' } = {}): number | undefined {
    const property = this.byKey.get(key);
    if (!property) return undefined;
    if (this.evaluating.has(key)) throw errorAt(property.value.span, 'invalid-value', `"${key}" refers to itself`);
    this.evaluating.add(key);
    try {
      return this.checkWhole(key, this.readNumber(property.value, key, options.unit));
    } finally {
      this.evaluating.delete(key);
    }
  }

  /** A property typed as a whole number must be one, within its bounds. */
  private checkWhole(key: string, value: number): number {
    const type = this.allowed[key]?.type;
    if (type?.kind !== 'whole') return value;
    if (!Number.isInteger(value) || value < type.min || (type.max !== undefined && value > type.max)) {
      const bounds = type.max === undefined ? `≥ ${type.min}` : `from ${type.min} to ${type.max}`;
      throw errorAt(
        this.byKey.get(key)!.value.span,
        'invalid-value',
        `${key} must be a whole number ${bounds}, got ${formatNumber(value)}`,
      );
    }
    return value;
  }

  /** A numeric property that must be > 0, with a message naming it. */
  positive(key: string, what: string, options: { unit?: 'percent' | 'dollars' } = {}): number | undefined {
    const value = this.number(key, options);
    if (value === undefined) return undefined;
    if (!(value > 0) || !Number.isFinite(value)) {
      throw errorAt(this.byKey.get(key)!.value.span, 'invalid-value', `${what} must be greater than zero, got ${formatNumber(value)}`);
    }
    return value;
  }

  /** A property holding one name or a comma list of names. */
  names(key: string): NameNode[] | undefined {
    const property = this.byKey.get(key);
    return property ? namesIn(property.value, key) : undefined;
  }

  /** A property holding one number or a list (`1e19,1e21`), each > 0. */
  numberList(key: string): number[] | undefined {
    const property = this.byKey.get(key);
    if (!property) return undefined;
    const items = property.value.type === 'list' ? property.value.items : [property.value];
    return items.map((item) => {
      const value = this.readNumber(item, key);
      if (!(value > 0)) throw errorAt(item.span, 'invalid-value', `${key} must be greater than zero, got ${value}`);
      return value;
    });
  }

  /** A property holding a range `a..b` (or one value, a range of one), each end > 0. */
  range(key: string): [number, number] | undefined {
    const property = this.byKey.get(key);
    if (!property) return undefined;
    const value = property.value;
    if (value.type !== 'range') {
      throw errorAt(value.span, 'invalid-value', `${key} must be a range like 1e18..1e26`, `write ${key}=FROM..TO`);
    }
    const from = this.readNumber(value.from, key);
    const to = this.readNumber(value.to, key);
    const [fromText, toText] = [formatNumber(from), formatNumber(to)];
    if (!(from > 0 && to > 0))
      throw errorAt(value.span, 'invalid-value', `${key} range must be above zero (log scale), got ${fromText}..${toText}`);
    if (!(to > from)) {
      // Equal ends swapped are the same empty range: suggest one decade up from there instead.
      const fix = to < from ? `${toText}..${fromText}` : `${fromText}..${formatNumber(from * 10)}`;
      throw errorAt(value.span, 'invalid-value', `${key} range must go up: ${fromText}..${toText}`, `write ${key}=${fix}`);
    }
    return [from, to];
  }

  /**
   * A value read from the cell, checked where it is read: zero or a magnitude from MIN_MAGNITUDE to
   * MAX_MAGNITUDE, so nothing computed from it overflows to Infinity or divides by a denormal.
   */
  private readNumber(node: ValueNode, key: string, unit?: 'percent' | 'dollars'): number {
    const value = this.evaluateNumber(node, key, unit);
    const size = Math.abs(value);
    if (size === 0 || (size >= MIN_MAGNITUDE && size <= MAX_MAGNITUDE)) return value;
    const written = `${key}=${this.statement.lineText.slice(node.span.start, node.span.end)}`;
    const range = `from ${formatScientific(MIN_MAGNITUDE)} to ${formatScientific(MAX_MAGNITUDE)}`;
    const message = `${written} is out of range: numbers in a cell must be zero or of magnitude ${range}`;
    throw errorAt(node.span, 'invalid-value', message, 'scaling laws are calibrated far inside this range; check the exponent');
  }

  private evaluateNumber(node: ValueNode, key: string, unit: 'percent' | 'dollars' | undefined): number {
    switch (node.type) {
      case 'number':
        if (node.unit === 'percent' && unit !== 'percent')
          throw errorAt(node.span, 'invalid-value', `${key} cannot be a percentage`, `write a plain number`);
        if ((node.unit === 'dollars' || node.unit === 'dollarsPerHour') && unit !== 'dollars') {
          throw errorAt(node.span, 'invalid-value', `${key} cannot be an amount of money`, 'drop the "$"');
        }
        return node.value;
      case 'negate':
        return -this.evaluateNumber(node.operand, key, unit);
      case 'binary': {
        const left = this.evaluateNumber(node.left, key, unit);
        const right = this.evaluateNumber(node.right, key, unit);
        if (node.operator === '/' && right === 0) throw errorAt(node.span, 'invalid-value', 'division by zero');
        return node.operator === '+'
          ? left + right
          : node.operator === '-'
            ? left - right
            : node.operator === '*'
              ? left * right
              : left / right;
      }
      case 'name': {
        const referenced = canonicalKey(node.name, this.allowed);
        if (referenced && this.byKey.has(referenced)) {
          const value = this.number(referenced, { unit });
          if (value !== undefined) return value;
        }
        throw errorAt(
          node.span,
          'unknown-name',
          `"${node.name}" is not a number here`,
          referenced
            ? `give ${referenced}=… on this line first`
            : `arithmetic may use this line's properties (${[...this.byKey.keys()].filter((k) => k !== key).join(', ') || 'none given'}); write names with "-" inside only as names, and put spaces around a minus sign`,
        );
      }
      case 'string':
      case 'range':
      case 'list':
        throw errorAt(node.span, 'invalid-value', `${key} must be a single number`, this.expected(key));
    }
  }

  private expected(key: string): string {
    const spec = this.allowed[key];
    return spec ? `expected ${spec.expects}` : 'expected a number';
  }
}

/** A number as a person would write it in a cell: 1e25 rather than 10000000000000000000000000. */
function formatNumber(value: number): string {
  return Number.isFinite(value) && (Math.abs(value) >= 1e6 || (value !== 0 && Math.abs(value) < 1e-3))
    ? formatScientific(value, 6)
    : String(value);
}

/** Property keys are matched case-insensitively except the law constants E, A, B. */
function canonicalKey(key: string, allowed: Readonly<Record<string, unknown>>): string | undefined {
  if (key in allowed) return key;
  const lower = key.toLowerCase();
  const aliases: Record<string, string> = {
    α: 'alpha',
    β: 'beta',
    parameters: 'params',
    n: 'params',
    d: 'tokens',
    accelerators: 'gpus',
    accelerator: 'gpu',
  };
  const candidate = aliases[lower] ?? Object.keys(allowed).find((name) => name.toLowerCase() === lower && name.length > 1);
  return candidate && candidate in allowed ? candidate : undefined;
}

/** The names in a value that must be a name or a list of names. */
export function namesIn(value: ValueNode, key: string): NameNode[] {
  const items = value.type === 'list' ? value.items : [value];
  return items.map((item) => {
    if (item.type !== 'name')
      throw errorAt(item.span, 'invalid-value', `${key} must be names, found "${item.type === 'number' ? item.text : item.type}"`);
    return item;
  });
}

/** Turns a core QuantityError into a located StatementError. */
export function atSpan<T>(span: ValueNode['span'], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof QuantityError) throw errorAt(span, 'invalid-value', error.message);
    throw error;
  }
}
