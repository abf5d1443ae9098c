import { COUNT_SUFFIXES } from '../core/quantities';

export type TokenKind = 'name' | 'number' | 'string' | 'equals' | 'comma' | 'range' | 'operator' | 'lparen' | 'rparen' | 'invalid';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Numbers: the value in plain units (70B → 7e10, 40% → 0.4). Strings: undefined. */
  readonly value?: number;
  readonly unit?: 'percent' | 'dollarsPerHour' | 'dollars';
  /** Why an `invalid` token is invalid. */
  readonly problem?: string;
}

/** The tokens of one line and where its comment starts (if any). */
export interface LexedLine {
  readonly tokens: readonly Token[];
  readonly commentStart?: number;
}

const NAME_START = /[A-Za-z_αβ]/;
const NAME_PART = /[A-Za-z0-9_αβ]/;
const DIGIT = /[0-9]/;
// A number: digits with optional _ separators and decimals, an exponent, a count suffix, and a unit.
const NUMBER = /^\$?(?:\d[\d_]*(?:\.\d[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/;
const PRICE_PER_HOUR = /^\/\s*(?:hour|hr|h)\b/i;

/**
 * Splits one line into tokens. Never throws: unreadable characters become `invalid` tokens that
 * the parser reports with their position.
 *
 * @example lexLine('model m params=70B  # note').tokens.map((t) => t.kind) // ['name', 'name', 'name', 'equals', 'number']
 */
export function lexLine(line: string): LexedLine {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    if (char === ' ' || char === '\t' || char === '\r') {
      i++;
    } else if (char === '#') {
      return { tokens, commentStart: i };
    } else if (char === '"' || char === "'") {
      const close = line.indexOf(char, i + 1);
      if (close < 0) {
        tokens.push({
          kind: 'invalid',
          text: line.slice(i),
          start: i,
          end: line.length,
          problem: 'unterminated string: add the closing quote',
        });
        i = line.length;
      } else {
        tokens.push({ kind: 'string', text: line.slice(i + 1, close), start: i, end: close + 1 });
        i = close + 1;
      }
    } else if (DIGIT.test(char) || char === '$' || (char === '.' && DIGIT.test(line[i + 1] ?? ''))) {
      const token = lexNumber(line, i);
      tokens.push(token);
      i = token.end;
    } else if (NAME_START.test(char)) {
      const end = nameEnd(line, i);
      tokens.push({ kind: 'name', text: line.slice(i, end), start: i, end });
      i = end;
    } else if (line.startsWith('...', i)) {
      // Read as `..` then `.1e26`, `1e20...1e26` would silently become the range 1e20..1e25.
      const end = dotsEnd(line, i);
      const problem = 'a range is FROM..TO with two dots, like 1e20..1e26';
      tokens.push({ kind: 'invalid', text: line.slice(i, end), start: i, end, problem });
      i = end;
    } else if (line.startsWith('..', i)) {
      tokens.push({ kind: 'range', text: '..', start: i, end: i + 2 });
      i += 2;
    } else {
      const kind = SINGLE_CHARACTER_TOKENS[char];
      tokens.push(
        kind
          ? { kind, text: char === '×' ? '*' : char, start: i, end: i + 1 }
          : { kind: 'invalid', text: char, start: i, end: i + 1, problem: `unexpected character "${char}"` },
      );
      i++;
    }
  }
  return { tokens };
}

const SINGLE_CHARACTER_TOKENS: Readonly<Record<string, TokenKind>> = {
  '=': 'equals',
  ',': 'comma',
  '+': 'operator',
  '-': 'operator',
  '*': 'operator',
  '×': 'operator',
  '/': 'operator',
  '(': 'lparen',
  ')': 'rparen',
};

/** Names may contain `-` and `.` between name characters: `llama-3.1-405b`, `gopher-run`. */
function nameEnd(line: string, start: number): number {
  let end = start + 1;
  while (end < line.length) {
    const char = line[end];
    if (NAME_PART.test(char)) end++;
    else if ((char === '-' || char === '.') && NAME_PART.test(line[end + 1] ?? '') && line[end + 1] !== '.') end += 2;
    else break;
  }
  return end;
}

function dotsEnd(line: string, start: number): number {
  let end = start;
  while (line[end] === '.') end++;
  return end;
}

/** The end of a run of digits, decimal points and exponents, to show the whole of a malformed number. */
function numberLikeEnd(line: string, start: number): number {
  let end = start;
  while (end < line.length && /[0-9._]/.test(line[end]) && !line.startsWith('..', end)) end++;
  return end;
}

function lexNumber(line: string, start: number): Token {
  const match = NUMBER.exec(line.slice(start));
  if (!match || match[0] === '$') {
    return { kind: 'invalid', text: '$', start, end: start + 1, problem: 'expected an amount after "$", like $2.50/h' };
  }
  const dollars = match[0].startsWith('$');
  let end = start + match[0].length;
  let value = Number(match[0].replace(/[$_]/g, ''));
  let unit: Token['unit'] = dollars ? 'dollars' : undefined;
  const suffix = line[end];
  if (suffix && COUNT_SUFFIXES[suffix.toUpperCase()] !== undefined && !NAME_PART.test(line[end + 1] ?? '')) {
    value *= COUNT_SUFFIXES[suffix.toUpperCase()];
    end++;
  } else if (suffix === '%' && !dollars) {
    value /= 100;
    unit = 'percent';
    end++;
  }
  if (dollars) {
    const perHour = PRICE_PER_HOUR.exec(line.slice(end));
    if (perHour) {
      unit = 'dollarsPerHour';
      end += perHour[0].length;
    }
  }
  const text = line.slice(start, end);
  if (line[end] === '.' && DIGIT.test(line[end + 1] ?? '')) {
    // `1e21.5` or `1.2.3`: the regex stops at the second point, and `.5` would read as a number of its own.
    const written = line.slice(start, numberLikeEnd(line, end));
    return {
      kind: 'invalid',
      text: written,
      start,
      end: start + written.length,
      problem: /[eE]/.test(text)
        ? `cannot read "${written}" as a number: an exponent is a whole number (write 3.16e21, not 1e21.5)`
        : `cannot read "${written}" as a number: it has more than one decimal point`,
    };
  }
  if (NAME_PART.test(line[end] ?? '')) {
    const wordEnd = nameEnd(line, end);
    return {
      kind: 'invalid',
      text: line.slice(start, wordEnd),
      start,
      end: wordEnd,
      problem: `cannot read "${line.slice(start, wordEnd)}" as a number: use a suffix K, M, B, T or P (70B, 1.4T) or scientific notation (1.4e12)`,
    };
  }
  return { kind: 'number', text, start, end, value, ...(unit ? { unit } : {}) };
}
