/**
 * The evaluator's messages are written for a notebook: `key=` properties, statement keywords, names
 * declared above, paths relative to the notebook. A command line has flags, a command and no cell,
 * so each message is said again in the CLI's words, from the command's own table; the notebook's
 * messages stay as they are.
 */
import type { Diagnostic } from '../language/diagnostics';
import { declaredName, type CellCommand } from './cellCommand';

/** Phrases that speak of the notebook, as the command line says them. */
const NOTEBOOK_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/paths are relative to the notebook and must stay inside the workspace/, 'paths are relative to the working directory'],
  [/numbers in a cell must be/, 'numbers must be'],
  [/a budget or model name/, 'a GPU booking (--gpus/--gpu/--days/--mfu) or a catalog model'],
];

/** What `unknown KIND "x"` names that a catalog command lists: `scaling-notebook models`, `scaling-notebook laws`. */
const CATALOGS = ['model', 'law'];

/** A message or hint in the CLI's words: flags for properties, the command for its statements' keywords. */
function rewritten(command: CellCommand, flags: ReadonlyMap<string, string>, text: string): string {
  const keywords = new Set(command.lines.flatMap((line) => line.forms.map((form) => form.keyword)));
  // `p=5%` becomes `--p 5%`; `tokens= trains …` becomes `--tokens trains …`.
  const asFlags = text.replace(/\b([A-Za-z][\w-]*)=(\S?)/g, (match, name: string, next: string) =>
    flags.has(name) ? `--${flags.get(name)}${next ? ` ${next}` : ''}` : match,
  );
  // `"model" needs --tokens …` is the check command's: the user ran `check`, not `model`.
  const asCommand = asFlags.replace(/^"([\w-]+)" /, (match, keyword: string) => (keywords.has(keyword) ? `${command.name} ` : match));
  return NOTEBOOK_PHRASES.reduce((result, [phrase, words]) => result.replace(phrase, words), asCommand);
}

/**
 * A hint that tells to declare a name, or suggests one the cell declares for itself (`model`), or
 * shows a cell: what the command line can do instead.
 */
function cliHint(command: CellCommand, message: string, hint: string): string | undefined {
  const unknown = /^unknown ([\w ]+) "/.exec(message)?.[1];
  const declared = new Set(command.lines.map(declaredName));
  const suggestion = /^did you mean "(.*)"\?$/.exec(hint)?.[1];
  if (hint.startsWith('declare it above') || (suggestion !== undefined && declared.has(suggestion))) {
    if (unknown && CATALOGS.includes(unknown)) return `not a catalog ${unknown}; \`scaling-notebook ${unknown}s\` lists them`;
    return /use one of: .*$/.exec(hint)?.[0];
  }
  // A notebook example (`e.g. optimal cluster`): the command's own examples instead.
  if (hint.startsWith('e.g. ') && command.examples) return `e.g. ${command.examples.join(', or ')}`;
  return hint;
}

/** A diagnostic's message and hint in the CLI's words; `flags` maps each property of the command to its flag. */
export function cliWording(command: CellCommand, flags: ReadonlyMap<string, string>, diagnostic: Diagnostic): string {
  const message = rewritten(command, flags, diagnostic.message);
  const hint = diagnostic.hint && cliHint(command, diagnostic.message, diagnostic.hint);
  return hint ? `${message} (${rewritten(command, flags, hint)})` : message;
}
