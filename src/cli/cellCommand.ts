/**
 * What a command line stands for in the language: the lines of one cell. `check --params 70B
 * --tokens 1.4T` is `model model params=70B tokens=1.4T` and `check model`; flags are the
 * properties of the lines' statement forms (from the registry), `--law` is a `law` line above
 * them, and words are names or a file. Each command is a small table of such lines (cellCommands.ts).
 */
import { defaultForm, formsOf } from '../language/registry';
import type { StatementForm } from '../language/statementForm';
import { UsageError, parseArgs } from './cliArgs';

/** One line of the cell a command line stands for. */
export interface CellLine {
  /** The line's words before its properties: `model model`, `fit data_file`, or `check` followed by names. */
  readonly head: string;
  /** The statement forms the line may be: their registry properties are its flags. */
  readonly forms: readonly StatementForm[];
  /** The properties that are flags; by default every property of the forms but law= (that is --law). */
  readonly flags?: readonly string[];
  /** Flag names that differ from the property: `inference-tokens` for serve=, `law` for mixture=. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Values written when no flag gives them: mixture=joint. */
  readonly defaults?: Readonly<Record<string, string>>;
  /** Written only when one of its flags is given: a declaration the command can do without. */
  readonly optional?: boolean;
  /**
   * What the command's words are on this line: names after the head (with the names the lines above
   * declare first), or the one file of `data NAME from "FILE"`, described as `file` in messages.
   */
  readonly words?: 'names' | { readonly file: string };
  /** Whether its result is printed: the answers are, what they use is not. */
  readonly answers?: boolean;
}

/** Flags that together give one thing: `--compute`, or a GPU booking (--gpus, --gpu, --days, --mfu). */
export interface FlagGroup {
  /** How a message names the group: `a GPU booking (--gpus/--gpu/--days/--mfu)`; by default its one flag. */
  readonly name?: string;
  readonly flags: readonly string[];
}

/** A command of the CLI that is a cell of the language. */
export interface CellCommand {
  readonly name: string;
  readonly lines: readonly CellLine[];
  /** The one-line usage after `scaling-notebook`; by default derived from the lines. */
  readonly usage?: string;
  /** What `--help` says the command does; by default the statement's doc. */
  readonly doc?: string;
  /** Command lines shown by `--help`; by default each form's example. */
  readonly examples?: readonly string[];
  /**
   * What the output calls the names the lines declare, from the command's words: a cell needs a
   * name (`this_budget`) where the command line has none ("this budget") or a file.
   */
  readonly labels?: (words: readonly string[]) => Readonly<Record<string, string>>;
  /**
   * Ways of giving the same thing, at most one at a time: the cell would fail on whichever line comes
   * first, so the command line says which flags conflict before it is written.
   */
  readonly alternatives?: readonly FlagGroup[];
  /** Flags that mean something only with a group given too: `--price` with a GPU booking. */
  readonly requires?: ReadonlyArray<{ readonly flags: readonly string[]; readonly group: FlagGroup }>;
  /** `--json`: the printed value, from the `data` of each line's result (undefined for a line not written). */
  readonly json?: (data: readonly unknown[]) => unknown;
}

/** Whether a keyword's forms can be asked from a command line: queries that own no indented table. */
export function isCliQuery(keyword: string): boolean {
  const forms = formsOf(keyword);
  return forms.length > 0 && forms.every((form) => form.role === 'query' && !form.ownsBlock);
}

/**
 * A query statement asked as it is: `coverage --p 5%` is `coverage p=5%`. Where the statement takes
 * `laws=`, `--law` (the active law) and `--laws` (the laws compared) together would leave one unused.
 */
export function queryCommand(keyword: string): CellCommand {
  const forms = formsOf(keyword);
  const comparesLaws = forms.some((form) => 'laws' in form.properties);
  return {
    name: keyword,
    lines: [{ head: keyword, forms, words: 'names', answers: true }],
    ...(comparesLaws ? { alternatives: [{ flags: ['law'] }, { flags: ['laws'] }] } : {}),
  };
}

/**
 * Whether `--law` is a `law` line above the command's lines: when they answer under a law, and no
 * line takes --law as another property's name (the mixture command's --law is mixture=).
 */
export function hasLawLine(command: CellCommand): boolean {
  const answersUnderLaw = command.lines.some((line) => line.forms.some((form) => 'law' in form.properties || 'laws' in form.properties));
  return answersUnderLaw && !command.lines.some((line) => line.aliases && 'law' in line.aliases);
}

/** Where a flag goes: which line, which property. */
export interface FlagTarget {
  readonly line: number;
  readonly property: string;
}

/** Every flag of the command (but --law and --json) and where it goes. */
export function flagTargets(command: CellCommand): Map<string, FlagTarget> {
  const targets = new Map<string, FlagTarget>();
  const add = (flag: string, target: FlagTarget) => {
    const other = targets.get(flag);
    if (other) throw new Error(`${command.name}: --${flag} goes to lines ${other.line} and ${target.line}`);
    targets.set(flag, target);
  };
  command.lines.forEach((line, index) => {
    for (const property of lineFlags(line)) add(property, { line: index, property });
    for (const [flag, property] of Object.entries(line.aliases ?? {})) add(flag, { line: index, property });
  });
  return targets;
}

/** The properties of a line that are flags. */
export function lineFlags(line: CellLine): string[] {
  return line.flags
    ? [...line.flags]
    : [...new Set(line.forms.flatMap((form) => Object.keys(form.properties)))].filter((key) => key !== 'law');
}

/** The flag a property is given with on a line: its own name, or an alias when it is not a flag itself. */
export function flagOf(line: CellLine, property: string): string | undefined {
  if (lineFlags(line).includes(property)) return property;
  return Object.entries(line.aliases ?? {}).find(([, target]) => target === property)?.[0];
}

/** The cell a command line stands for, and how to read its results back. */
export interface CommandCell {
  /** The cell's lines, `law` line first when --law is given. */
  readonly text: string;
  /** For each of the command's lines, its line number in the cell (0-based), or undefined when not written. */
  readonly lineNumbers: ReadonlyArray<number | undefined>;
  /** Whether the first line of the cell is the `law` line of --law. */
  readonly lawLine: boolean;
  /** For each line of the cell, the flag each of its properties was given by. */
  readonly givenBy: ReadonlyArray<ReadonlyMap<string, string>>;
  readonly words: readonly string[];
  readonly json: boolean;
}

/** `--law NAME` or `--law "E=… A=… B=… alpha=… beta=…"` as the `law` line that makes it active. */
function lawLine(value: string): string {
  return value.includes('=') ? `law custom ${value}` : `law ${value}`;
}

/** A flag's value as it is written in a cell; whitespace (in a property) or `#` would change the line's meaning. */
function cellValue(flag: string, value: string, spaces = false): string {
  if ((spaces ? /[#\n]/ : /[\s#]/).test(value.trim()))
    throw new UsageError(`--${flag}: write the value without ${spaces ? '' : 'spaces or '}"#", got "${value}"`);
  return value.trim();
}

/** A name given as a word of the command line (`check gopher`): one word of the language. */
function nameValue(word: string): string {
  if (/[\s#]/.test(word.trim())) {
    const joined = word
      .trim()
      .split(/[\s#]+/)
      .filter(Boolean)
      .join('-');
    throw new UsageError(`"${word}" is not a name: names are one word without spaces or "#" (write it as one word, e.g. ${joined})`);
  }
  return word.trim();
}

/** A file name as a string of the language, quoted with whichever quote it does not hold. */
function fileString(file: string): string {
  const quote = file.includes('"') ? "'" : '"';
  if (file.includes(quote) || /[\n\r]/.test(file))
    throw new UsageError(`cannot name the file ${JSON.stringify(file)} in a cell: rename it`);
  return `${quote}${file}${quote}`;
}

/** The name a declaration line declares (`model` of `model model`), if it is one. */
export function declaredName(line: CellLine): string | undefined {
  const form = line.forms[0];
  return form.role === 'declaration' && form.name === 'declares' ? line.head.split(' ')[1] : undefined;
}

/** A law given by its constants on the command line. */
export const LAW_CONSTANTS_VALUE = '"E=… A=… B=… alpha=… beta=…"';

/** How --law is written: a preset's name or the five constants. */
export const LAW_VALUE = `NAME|${LAW_CONSTANTS_VALUE}`;

/** The command's one-line usage: its own, or `KEYWORD [KIND] [options] [--json] [--law …]`. */
export function commandUsage(command: CellCommand): string {
  if (command.usage) return command.usage;
  const kind = defaultForm(command.lines[0].forms[0].keyword) ? '' : 'KIND ';
  return `${command.name} ${kind}[options] [--json]${hasLawLine(command) ? ` [--law ${LAW_VALUE}]` : ''}`;
}

/** The command's words on a line: names after those declared above, or the quoted file. */
function lineWords(command: CellCommand, line: CellLine, words: readonly string[], declared: readonly string[]): string {
  if (line.words === 'names') {
    const [first, ...rest] = [...declared, ...words.map(nameValue)];
    return [first, rest.join(', ')].filter(Boolean).join(' ');
  }
  if (line.words) {
    const [file, ...extra] = words;
    if (file === undefined) throw new UsageError(`missing ${line.words.file}: expected ${commandUsage(command)}`);
    if (extra.length > 0) throw new UsageError(`one ${line.words.file} at a time: unexpected "${extra[0]}"`);
    return fileString(file);
  }
  return '';
}

function groupName(group: FlagGroup): string {
  return group.name ?? `--${group.flags[0]}`;
}

/** Refuses flags given without the group they need, and two alternatives given together. */
function checkFlagGroups(command: CellCommand, given: ReadonlySet<string>): void {
  const gives = (group: FlagGroup) => group.flags.some((flag) => given.has(flag));
  for (const { flags, group } of command.requires ?? []) {
    const flag = flags.find((candidate) => given.has(candidate));
    if (flag && !gives(group)) throw new UsageError(`--${flag} needs ${groupName(group)}`);
  }
  const [first, second] = (command.alternatives ?? []).filter(gives);
  if (second) throw new UsageError(`give ${groupName(first)} or ${groupName(second)}, not both`);
}

/** The cell that `argv` stands for: flags become properties of their line, words names or a file. */
export function commandCell(command: CellCommand, argv: readonly string[]): CommandCell {
  const targets = flagTargets(command);
  const law = hasLawLine(command);
  const args = parseArgs(argv, [...targets.keys(), ...(law ? ['law'] : [])], ['json']);
  checkFlagGroups(command, new Set(args.options.keys()));
  const items = command.lines.map(() => new Map<string, { flag: string; value: string }>());
  for (const [flag, value] of args.options) {
    if (flag === 'law' && law) continue;
    const { line, property } = targets.get(flag)!;
    const other = items[line].get(property);
    if (other) throw new UsageError(`give --${other.flag} or --${flag} (the same thing), not both`);
    items[line].set(property, { flag, value: cellValue(flag, value) });
  }
  const lawValue = law ? args.options.get('law') : undefined;
  const text: string[] = lawValue !== undefined ? [lawLine(cellValue('law', lawValue, true))] : [];
  const givenBy: Array<Map<string, string>> = text.map(() => new Map());
  const declared: string[] = [];
  const lineNumbers = command.lines.map((line, index) => {
    const given = items[index];
    if (line.optional && given.size === 0) return undefined;
    const properties = [
      ...[...given].map(([property, { value }]) => `${property}=${value}`),
      ...Object.entries(line.defaults ?? {})
        .filter(([property]) => !given.has(property))
        .map(([property, value]) => `${property}=${value}`),
    ];
    text.push([line.head, lineWords(command, line, args.positionals, declared), ...properties].filter(Boolean).join(' '));
    givenBy.push(new Map([...given].map(([property, { flag }]) => [property, flag])));
    const name = declaredName(line);
    if (name) declared.push(name);
    return text.length - 1;
  });
  return {
    text: text.join('\n'),
    lineNumbers,
    lawLine: lawValue !== undefined,
    givenBy,
    words: args.positionals,
    json: args.flags.has('json'),
  };
}
