/**
 * The CLI's one path to the language: a command line becomes a cell (cellCommand.ts), evaluated by
 * the notebook's evaluator with the CLI's files and fits, so the CLI and the notebook accept the same
 * values and give the same answers and messages. Errors come back as the statements' own messages,
 * named by flag.
 */
import type { Diagnostic } from '../language/diagnostics';
import { evaluateWithResources } from '../language/evaluator/evaluateWithResources';
import { payloadToText } from '../language/output/payloadText';
import { parseCell } from '../language/parser';
import { commandCell, flagOf, hasLawLine, type CellCommand, type CommandCell } from './cellCommand';
import { startsWithFlag } from './cliArgs';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './cliIo';
import { cliResources } from './cliResources';
import { cliWording } from './cliWording';

/** The property whose `key=value` holds the span, if any: its flag names the error. */
function propertyAt(text: string, diagnostic: Diagnostic): string | undefined {
  const statement = parseCell(text).statements.find((candidate) => candidate.span.line === diagnostic.span.line);
  return statement?.properties.find((property) => property.span.start <= diagnostic.span.start && diagnostic.span.start < property.span.end)
    ?.key;
}

/** Each property the command's lines take, and the flag that gives it (`mixture` → `law` for the mixture command). */
function propertyFlags(command: CellCommand): Map<string, string> {
  const flags = new Map<string, string>(hasLawLine(command) ? [['law', 'law']] : []);
  for (const line of command.lines)
    for (const form of line.forms)
      for (const property of Object.keys(form.properties)) {
        const flag = flagOf(line, property);
        if (flag && !flags.has(property)) flags.set(property, flag);
      }
  return flags;
}

/** A diagnostic as one CLI line: `--flag: message (hint)` in the CLI's words (cliWording.ts), the flag said once. */
function usageLine(command: CellCommand, cell: CommandCell, diagnostic: Diagnostic): string {
  const flags = propertyFlags(command);
  const message = cliWording(command, flags, diagnostic);
  const { line } = diagnostic.span;
  const property = cell.lawLine && line === 0 ? 'law' : propertyAt(cell.text, diagnostic);
  const flag = property && (cell.givenBy[line]?.get(property) ?? flags.get(property) ?? property);
  return flag && !startsWithFlag(message, flag) ? `--${flag}: ${message}` : message;
}

/** Every string in a result with the cell's names written as the command line knows them. */
function relabeled<T>(value: T, labels: Readonly<Record<string, string>>): T {
  const names = Object.keys(labels).filter((name) => labels[name] !== name);
  if (names.length === 0) return value;
  const pattern = new RegExp(`\\b(${names.join('|')})\\b`, 'g');
  const relabel = (item: unknown): unknown => {
    if (typeof item === 'string') return item.replace(pattern, (name) => labels[name]);
    if (Array.isArray(item)) return item.map(relabel);
    if (item && typeof item === 'object') return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, relabel(entry)]));
    return item;
  };
  return relabel(value) as T;
}

/**
 * Runs a command as its cell: prints the answers as the notebook's text fallback, or with --json
 * the command's JSON. A bad value is one line naming its flag and status 2; a fit that could not
 * be made, status 1.
 */
export async function runCellCommand(command: CellCommand, argv: readonly string[], io: CliIo): Promise<number> {
  const cell = commandCell(command, argv);
  const resources = cliResources(io);
  let fitFailed = false;
  const {
    evaluations: [evaluation],
  } = await evaluateWithResources(
    [cell.text],
    {},
    {
      readFile: resources.readFile,
      runFit: async (request) => {
        const outcome = await resources.runFit(request);
        fitFailed ||= 'error' in outcome;
        return outcome;
      },
    },
  );
  const labels = command.labels?.(cell.words) ?? {};
  // The first error is the cause: a declaration that fails makes the lines using it fail too.
  const [error] = evaluation.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').sort((a, b) => a.span.line - b.span.line);
  if (error) {
    const line = usageLine(command, cell, error);
    // `check needs --tokens …` names its command already.
    io.err(relabeled(line.startsWith(`${command.name} `) ? line : `${command.name}: ${line}`, labels));
    return fitFailed ? EXIT_FAILURE : EXIT_USAGE;
  }
  const results = cell.lineNumbers.map((line) =>
    line === undefined
      ? undefined
      : relabeled(
          evaluation.results.find((result) => result.line === line + 1),
          labels,
        ),
  );
  const answers = command.lines.flatMap((line, index) => (line.answers && results[index] ? [results[index]] : []));
  if (cell.json) {
    const json = command.json ? command.json(results.map((result) => result?.data)) : answers[answers.length - 1].data;
    io.out(JSON.stringify(json, null, 2));
  } else {
    io.out(answers.map(payloadToText).join('\n\n'));
  }
  return EXIT_OK;
}
