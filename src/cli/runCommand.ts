import { resolveLaw } from '../core';
import { payloadToText } from '../language/output/payloadText';
import { cellErrorLines, codeCells, evaluateNotebookDocument, type ReportCodeCell } from '../report/reportDocument';
import { REPORT_THEMES, type ReportThemeName } from '../report/reportTheme';
import { UsageError, parseArgs, readOption } from './cliArgs';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './cliIo';
import { cliResources } from './cliResources';

export const RUN_USAGE =
  'run FILE.scaling [--format text|markdown|json|html] [--out FILE] [--charts DIR] [--theme light|dark] [--law NAME]';

const FORMATS = ['text', 'markdown', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

function textReport(file: string, cells: readonly ReportCodeCell[]): string {
  return cells
    .map((cell, index) =>
      [
        `── cell ${index + 1} (${file}:${cell.sourceLine + 1}) ──`,
        ...cell.evaluation.results.map(payloadToText),
        ...cellErrorLines(file, cell),
      ].join('\n\n'),
    )
    .join('\n\n');
}

function jsonReport(file: string, cells: readonly ReportCodeCell[]) {
  return {
    file,
    ok: cells.every((cell) => cell.evaluation.ok),
    cells: cells.map((cell, index) => ({
      cell: index + 1,
      line: cell.sourceLine + 1,
      ok: cell.evaluation.ok,
      results: cell.evaluation.results,
      diagnostics: cell.evaluation.diagnostics.map((diagnostic) => ({
        ...diagnostic,
        line: diagnostic.span.line + cell.sourceLine + 1,
        column: diagnostic.span.start + 1,
      })),
    })),
  };
}

/**
 * `run`: evaluates a notebook headlessly with the kernel's evaluator and prints every cell's result.
 * Exit 1 when any cell fails, with `FILE:line:col: message` lines on stderr.
 */
export async function runNotebook(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['format', 'law', 'out', 'charts', 'theme'], []);
  const [file, ...extra] = args.positionals;
  if (!file) throw new UsageError(`missing notebook file: expected ${RUN_USAGE}`);
  if (extra.length > 0) throw new UsageError(`one notebook at a time: unexpected "${extra[0]}"`);
  const format = (args.options.get('format') ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format: expected text, markdown, json or html, got "${format}"`);
  const charts = args.options.get('charts');
  if (charts !== undefined && format !== 'markdown')
    throw new UsageError('--charts: only with --format markdown (HTML reports hold their charts inline)');
  const theme = (args.options.get('theme') ?? 'light') as ReportThemeName;
  if (!REPORT_THEMES.includes(theme)) throw new UsageError(`--theme: expected light or dark, got "${theme}"`);
  if (args.options.has('theme') && format !== 'html' && charts === undefined)
    throw new UsageError('--theme: only for charts, with --format html or --format markdown --charts DIR');
  const defaultLaw = readOption(args, 'law', resolveLaw) ?? resolveLaw(undefined);
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const document = await evaluateNotebookDocument({ file, text, defaultLaw, resources: cliResources(io, file) });
  const cells = codeCells(document);
  if (cells.length === 0)
    io.err(`${file}: no \`\`\`scaling code cells found (code cells are fenced blocks whose info string is exactly "scaling")`);
  const out = args.options.get('out');
  if (format === 'html' || format === 'markdown') {
    // Loaded on demand, as dist/cliReport.js in the build: compiling vega, vega-lite and markdown-it
    // would slow every other command's start. `require`, since tests run TypeScript through tsx's CommonJS hook.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above
    const { writeReport } = require('./reportFiles') as typeof import('./reportFiles');
    await writeReport(io, document, { format, theme, out, charts });
  } else {
    const report = format === 'json' ? JSON.stringify(jsonReport(file, cells), null, 2) : textReport(file, cells);
    if (out) io.writeFile(out, report);
    else io.out(report);
  }
  const failures = cells.flatMap((cell) => cellErrorLines(file, cell));
  for (const failure of failures) io.err(failure);
  return failures.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
