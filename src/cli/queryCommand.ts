/**
 * The CLI's one path to the language's queries: `scaling-notebook coverage --p 5% --target 90%` is
 * the cell line `coverage p=5% target=90%`, evaluated by the same evaluator as a notebook. Flags are
 * the statement's properties (from the registry), words are its name and positionals, and `--law`
 * is a `law` line above it; errors come back as the statement's own messages, named by flag.
 */
import { formatScientific } from '../core';
import { evaluateNotebook } from '../language/evaluator/evaluateNotebook';
import type { Diagnostic } from '../language/diagnostics';
import { payloadToText } from '../language/output/payloadText';
import { parseCell } from '../language/parser';
import { defaultForm, formsOf, keywordHelp, keywordProperties } from '../language/registry';
import { formLabel, type PropertySpec } from '../language/statementForm';
import { UsageError, parseArgs } from './cliArgs';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './cliIo';

/** Older flag names that still work: --inference-tokens is serve=. */
const FLAG_ALIASES: Readonly<Record<string, string>> = { 'inference-tokens': 'serve' };

/** Whether a keyword's forms can be asked from a command line: queries that own no indented table. */
export function isCliQuery(keyword: string): boolean {
  const forms = formsOf(keyword);
  return forms.length > 0 && forms.every((form) => form.role === 'query' && !form.ownsBlock);
}

function takesLaw(keyword: string): boolean {
  const properties = keywordProperties(keyword);
  return 'law' in properties || 'laws' in properties;
}

/** `--law NAME` or `--law "E=… A=… B=… alpha=… beta=…"` as the `law` line that makes it active. */
function lawLine(value: string): string {
  return value.includes('=') ? `law cli-law ${value}` : `law ${value}`;
}

/** A flag's value as it is written in a cell; whitespace (in a property) or `#` would change the line's meaning. */
function cellValue(flag: string, value: string, spaces = false): string {
  if ((spaces ? /[#\n]/ : /[\s#]/).test(value.trim()))
    throw new UsageError(`--${flag}: write the value without ${spaces ? '' : 'spaces or '}"#", got "${value}"`);
  return value.trim();
}

/** The cell lines a command line stands for: the `law` line (if any) and the query. */
export function queryLines(keyword: string, argv: readonly string[]): { lines: string[]; json: boolean; flags: string[] } {
  const properties = Object.keys(keywordProperties(keyword)).filter((key) => key !== 'law');
  const flags = [
    ...properties,
    ...(takesLaw(keyword) ? ['law'] : []),
    ...Object.keys(FLAG_ALIASES).filter((alias) => properties.includes(FLAG_ALIASES[alias])),
  ];
  const args = parseArgs(argv, flags, ['json']);
  const items = [...args.options]
    .filter(([flag]) => flag !== 'law')
    .map(([flag, value]) => `${FLAG_ALIASES[flag] ?? flag}=${cellValue(flag, value)}`);
  const [name, ...positionals] = args.positionals.map((word) => cellValue(word, word));
  const words = [name, positionals.join(', ')].filter(Boolean).join(' ');
  const query = [keyword, words, ...items].filter(Boolean).join(' ');
  const law = args.options.get('law');
  return { lines: [...(law !== undefined ? [lawLine(cellValue('law', law, true))] : []), query], json: args.flags.has('json'), flags };
}

/** The property whose `key=value` holds the span, if any: its flag names the error. */
function propertyAt(lines: readonly string[], diagnostic: Diagnostic): string | undefined {
  const statement = parseCell(lines.join('\n')).statements.find((candidate) => candidate.span.line === diagnostic.span.line);
  return statement?.properties.find((property) => property.span.start <= diagnostic.span.start && diagnostic.span.start < property.span.end)
    ?.key;
}

/** A diagnostic as one CLI line: `--key: message (hint)`, with `key=…` in it written as `--key …`. */
function usageLine(diagnostic: Diagnostic, lines: readonly string[], flags: readonly string[], lawGiven: boolean): string {
  // `p=5%` becomes `--p 5%`; `tokens= trains …` becomes `--tokens trains …`.
  const asFlags = (text: string) =>
    text.replace(/\b([A-Za-z][\w-]*)=(\S?)/g, (match, name: string, next: string) =>
      flags.includes(name) ? `--${name}${next ? ` ${next}` : ''}` : match,
    );
  const message = asFlags(diagnostic.message) + (diagnostic.hint ? ` (${asFlags(diagnostic.hint)})` : '');
  const key = lawGiven && diagnostic.span.line === 0 ? 'law' : propertyAt(lines, diagnostic);
  return key ? `--${key}: ${message}` : message;
}

/** Runs one query from the command line: text as in the notebook's fallback, or its data with --json. */
export function runQuery(keyword: string, argv: readonly string[], io: CliIo): number {
  const { lines, json, flags } = queryLines(keyword, argv);
  const [evaluation] = evaluateNotebook([lines.join('\n')]);
  const errors = evaluation.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    for (const error of errors) io.err(`${keyword}: ${usageLine(error, lines, flags, lines.length > 1)}`);
    return EXIT_USAGE;
  }
  const result = evaluation.results[evaluation.results.length - 1];
  io.out(json ? JSON.stringify(result.data, null, 2) : payloadToText(result));
  return EXIT_OK;
}

/** A cell example as a command line: `coverage beta=0.3,3` → `scaling-notebook coverage --beta 0.3,3`. */
export function cliExample(example: string): string {
  return `scaling-notebook ${example.replace(/\b([A-Za-z][\w-]*)=(\S+)/g, '--$1 $2').replace(/,\s+/g, ' ')}`;
}

/** A range end as people write it: 10000 as such, 1e+26 as 1e26. */
function rangeEnd(value: number): string {
  return Number.isInteger(value) && value < 1e6 ? String(value) : formatScientific(value);
}

function optionLine(key: string, spec: PropertySpec): string {
  const fallback = spec.type.kind === 'range' && spec.type.default ? ` (default ${spec.type.default.map(rangeEnd).join('..')})` : '';
  return `  --${key.padEnd(12)} ${spec.expects}: ${spec.doc}${fallback}`;
}

/** `--help` of a query command, from the registry: each form's syntax, options with defaults, an example. */
export function queryHelp(keyword: string): string {
  const forms = formsOf(keyword);
  const main = defaultForm(keyword);
  const help = keywordHelp(keyword);
  const sections = forms.map((form) =>
    [
      `${formLabel(form)} (in a cell: ${form.syntax})`,
      ...Object.entries(form.properties).map(([key, spec]) => optionLine(key, spec)),
      `  example: ${cliExample(form.example)}`,
    ].join('\n'),
  );
  return [
    `usage: scaling-notebook ${keyword} ${main ? '' : 'KIND '}[options] [--json]${takesLaw(keyword) ? ' [--law NAME|"E=… A=… B=… alpha=… beta=…"]' : ''}`,
    '',
    help.doc,
    '',
    ...sections,
  ].join('\n');
}
