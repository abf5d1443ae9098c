import { resolveLaw } from '../core';
import { formatDiagnostic } from '../language/diagnostics';
import type { CellEvaluation } from '../language/evaluator/evaluateNotebook';
import { evaluateWithResources } from '../language/evaluator/evaluateWithResources';
import { readScalingMarkdown } from '../markdownFormat/markdownCells';
import { payloadToMarkdown, payloadToText } from '../language/output/payloadText';
import { UsageError, parseArgs, readOption } from './cliArgs';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './cliIo';
import { cliResources } from './cliResources';

export const RUN_USAGE = 'run FILE.scaling [--format text|markdown|json] [--law NAME]';

type Format = 'text' | 'markdown' | 'json';

interface EvaluatedCell {
  readonly sourceLine: number;
  readonly source: string;
  readonly evaluation: CellEvaluation;
}

/** `FILE:line:col: severity: message` with file positions, then the quoted line and the hint. */
function diagnosticLines(file: string, cell: EvaluatedCell): string[] {
  return cell.evaluation.diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => {
      const atFileLine = { ...diagnostic, span: { ...diagnostic.span, line: diagnostic.span.line + cell.sourceLine } };
      return formatDiagnostic(atFileLine, cell.evaluation.parsed.lines[diagnostic.span.line] ?? '', `${file}:`);
    });
}

function markdownReport(file: string, cells: readonly EvaluatedCell[]): string {
  const parts = [`# ${file}`];
  cells.forEach((cell, index) => {
    parts.push(`## Cell ${index + 1} (line ${cell.sourceLine + 1})`, '```scaling\n' + cell.source + '\n```');
    const errors = diagnosticLines(file, cell);
    if (errors.length > 0) parts.push('```text\n' + errors.join('\n') + '\n```');
    for (const result of cell.evaluation.results) {
      parts.push(payloadToMarkdown(result));
      // Folded, so the report stays readable on GitHub; paste the spec into any Vega-Lite viewer.
      if (result.chart) parts.push(`<details><summary>Vega-Lite spec: ${result.title}</summary>\n\n\`\`\`json\n${JSON.stringify(result.chart.spec, null, 2)}\n\`\`\`\n\n</details>`);
    }
  });
  return parts.join('\n\n');
}

function textReport(file: string, cells: readonly EvaluatedCell[]): string {
  return cells
    .map((cell, index) => [`── cell ${index + 1} (${file}:${cell.sourceLine + 1}) ──`, ...cell.evaluation.results.map(payloadToText), ...diagnosticLines(file, cell)].join('\n\n'))
    .join('\n\n');
}

function jsonReport(file: string, cells: readonly EvaluatedCell[]) {
  return {
    file,
    ok: cells.every((cell) => cell.evaluation.ok),
    cells: cells.map((cell, index) => ({
      cell: index + 1,
      line: cell.sourceLine + 1,
      ok: cell.evaluation.ok,
      results: cell.evaluation.results,
      diagnostics: cell.evaluation.diagnostics.map((diagnostic) => ({ ...diagnostic, line: diagnostic.span.line + cell.sourceLine + 1, column: diagnostic.span.start + 1 })),
    })),
  };
}

/**
 * `run`: evaluates a notebook headlessly with the kernel's evaluator and prints every cell's result.
 * Exit 1 when any cell fails, with `FILE:line:col: message` lines on stderr.
 */
export async function runNotebook(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['format', 'law'], []);
  const [file, ...extra] = args.positionals;
  if (!file) throw new UsageError(`missing notebook file: expected ${RUN_USAGE}`);
  if (extra.length > 0) throw new UsageError(`one notebook at a time: unexpected "${extra[0]}"`);
  const format = (args.options.get('format') ?? 'text') as Format;
  if (!['text', 'markdown', 'json'].includes(format)) throw new UsageError(`--format: expected text, markdown or json, got "${format}"`);
  const defaultLaw = readOption(args, 'law', resolveLaw) ?? resolveLaw(undefined);
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const located = readScalingMarkdown(text).filter((entry) => entry.cell.kind === 'code');
  if (located.length === 0) io.err(`${file}: no \`\`\`scaling code cells found (code cells are fenced blocks whose info string is exactly "scaling")`);
  const { evaluations } = await evaluateWithResources(located.map((entry) => entry.cell.source), { defaultLaw }, cliResources(io, file));
  const cells = located.map((entry, index): EvaluatedCell => ({ sourceLine: entry.sourceLine, source: entry.cell.source, evaluation: evaluations[index] }));
  if (format === 'json') io.out(JSON.stringify(jsonReport(file, cells), null, 2));
  else io.out(format === 'markdown' ? markdownReport(file, cells) : textReport(file, cells));
  const failures = cells.flatMap((cell) => diagnosticLines(file, cell));
  for (const failure of failures) io.err(failure);
  return failures.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
