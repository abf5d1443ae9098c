/**
 * Everything derived from the statement forms (statements/index.ts): the keyword list, the form a
 * statement is, what a keyword's forms are called, and the checks every statement gets before it is
 * evaluated (a stray name or word, properties given together or apart).
 */
import type { Statement } from './ast';
import { closestWord } from './closestWord';
import { errorAt } from './diagnostics';
import { formLabel, type PropertySpec, type StatementForm } from './statementForm';
import { STATEMENT_FORMS } from './statements';

/** Keywords in the order they are offered. */
export function keywords(): string[] {
  return [...new Set(STATEMENT_FORMS.map((form) => form.keyword))];
}

export function isKeyword(word: string): boolean {
  return STATEMENT_FORMS.some((form) => form.keyword === word);
}

/** The forms of one keyword, in the order they are tried. */
export function formsOf(keyword: string): StatementForm[] {
  return STATEMENT_FORMS.filter((form) => form.keyword === keyword);
}

/** Whether a keyword declares or answers (all its forms agree; the registry test checks). */
export function roleOf(keyword: string): StatementForm['role'] {
  return formsOf(keyword)[0].role;
}

/** The form a keyword falls back to when no form word matches (`optimal`, `fit`); plot has none. */
export function defaultForm(keyword: string): StatementForm | undefined {
  return formsOf(keyword).find((form) => !form.matches);
}

/**
 * The form a statement is: the first whose `matches` accepts it, else the keyword's default, else
 * undefined (a plot with no or an unknown kind). `isDeclared` says whether a name is declared above.
 */
export function formFor(statement: Statement, isDeclared: (name: string) => boolean = () => false): StatementForm | undefined {
  const forms = formsOf(statement.keyword);
  return forms.find((form) => form.matches?.(statement, isDeclared)) ?? forms.find((form) => !form.matches);
}

/** The form words a keyword takes after it (`frontier`, `isoflop`, … for plot; `mixture` for optimal). */
export function formWords(keyword: string): StatementForm[] {
  return formsOf(keyword).filter((form) => form.form && form.name === 'form');
}

/** A keyword's help when no form is known yet: its one form, its default form, or a list of its forms. */
export function keywordHelp(keyword: string): { doc: string; syntax: string; example: string } {
  const forms = formsOf(keyword);
  const main = defaultForm(keyword);
  if (forms.length === 1 || main) {
    const help = main ?? forms[0];
    const others = forms.filter((form) => form !== help);
    return { doc: help.doc, syntax: [help, ...others].map((form) => form.syntax).join(' | '), example: help.example };
  }
  return {
    doc: `A log-log chart, one of: ${forms.map((form) => `${form.form} (${form.doc})`).join('; ')}.`,
    syntax: `${keyword} ${forms.map((form) => form.form).join('|')} …`,
    example: forms[0].example,
  };
}

/** Every property any form of the keyword takes, for hovers of a line whose form is not known. */
export function keywordProperties(keyword: string): Readonly<Record<string, PropertySpec>> {
  return Object.assign({}, ...formsOf(keyword).map((form) => form.properties));
}

/**
 * The form of a statement, or a located error when it has none: a plot without a kind or with one
 * that does not exist.
 */
export function requireForm(statement: Statement, isDeclared: (name: string) => boolean): StatementForm {
  const form = formFor(statement, isDeclared);
  if (form) return form;
  const kinds = formWords(statement.keyword).map((candidate) => candidate.form!);
  if (!statement.name)
    throw errorAt(statement.keywordSpan, 'syntax', `"${statement.keyword}" needs a chart kind`, `one of: ${kinds.join(', ')}`);
  const suggestion = closestWord(statement.name.name, kinds);
  throw errorAt(
    statement.name.span,
    'unknown-name',
    `unknown chart "${statement.name.name}"`,
    suggestion ? `did you mean "${suggestion}"?` : `one of: ${kinds.join(', ')}`,
  );
}

/**
 * Words a form does not take are a mistake, not something to skip: a name after `coverage` or
 * `returns`, and words after a statement that takes none (`params=70 B` would otherwise silently
 * mean 70 parameters).
 */
export function rejectStrayWords(statement: Statement, form: StatementForm): void {
  if (form.name === 'none' && statement.name) {
    throw errorAt(
      statement.name.span,
      'syntax',
      `"${formLabel(form)}" takes no name, only properties: unexpected "${statement.name.name}"`,
      `write: ${form.example}`,
    );
  }
  if (form.positionals || statement.positionals.length === 0) return;
  const [stray] = statement.positionals;
  const text = statement.lineText.slice(stray.span.start, stray.span.end);
  const before = statement.lineText.slice(0, stray.span.start);
  const splitSuffix = stray.type === 'name' && /^[KMBGTP]$/i.test(text) && /\d\s+$/.test(before);
  throw errorAt(
    stray.span,
    'syntax',
    `unexpected "${text}" after ${statement.keyword}${statement.name ? ` ${statement.name.name}` : ''}`,
    splitSuffix
      ? `write the number and its suffix together: ${before.trimEnd().split(/[\s=]/).pop()}${text}`
      : `"${formLabel(form)}" takes key=value properties: ${form.syntax}`,
  );
}

/** The form's constraints between properties (`p` or `beta`; `candidates` with `comparisons`). */
export function checkConstraints(statement: Statement, form: StatementForm): void {
  const given = new Map(statement.properties.map((property) => [property.key, property]));
  for (const constraint of form.constraints ?? []) {
    const present = constraint.keys.filter((key) => given.has(key));
    if (constraint.kind === 'at-most-one' && present.length > 1) {
      const [first, second] = present;
      throw errorAt(given.get(second)!.keySpan, 'invalid-value', `give ${first}=… or ${second}=…, not both`, constraint.why);
    }
    if (constraint.kind === 'together' && present.length > 0 && present.length < constraint.keys.length) {
      const missing = constraint.keys.filter((key) => !given.has(key));
      throw errorAt(
        statement.keywordSpan,
        'missing-property',
        `"${formLabel(form)}" needs ${constraint.keys.map((key) => `${key}=…`).join(' and ')} together`,
        `add ${missing.map((key) => `${key}=${form.properties[key].expects.replace(/^.* like /, '')}`).join(' ')}, or give none of them (e.g. ${constraint.example})`,
      );
    }
  }
}
