import type { ScalingLaw } from '../core';
import { formatDiagnostic } from '../language/diagnostics';
import type { CellEvaluation } from '../language/evaluator/evaluateNotebook';
import { evaluateWithResources, type FitCache, type ResourceProvider } from '../language/evaluator/evaluateWithResources';
import { readScalingMarkdown } from '../markdownFormat/markdownCells';

/** A code cell with its evaluation, and the 0-based file line its source starts on. */
export interface ReportCodeCell {
  readonly kind: 'code';
  readonly source: string;
  readonly sourceLine: number;
  readonly evaluation: CellEvaluation;
}

export interface ReportMarkdownCell {
  readonly kind: 'markdown';
  readonly text: string;
}

export type ReportCell = ReportCodeCell | ReportMarkdownCell;

/** An evaluated notebook, everything a report shows. `file` names it in the heading and in error lines. */
export interface ReportDocument {
  readonly file: string;
  readonly cells: readonly ReportCell[];
}

export function codeCells(document: ReportDocument): ReportCodeCell[] {
  return document.cells.filter((cell): cell is ReportCodeCell => cell.kind === 'code');
}

/** `FILE:line:col: error: message` for each error of a cell, at file positions, with the quoted line and the hint. */
export function cellErrorLines(file: string, cell: ReportCodeCell): string[] {
  return cell.evaluation.diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => {
      const atFileLine = { ...diagnostic, span: { ...diagnostic.span, line: diagnostic.span.line + cell.sourceLine } };
      return formatDiagnostic(atFileLine, cell.evaluation.parsed.lines[diagnostic.span.line] ?? '', `${file}:`);
    });
}

export interface NotebookSource {
  /** How the report names the notebook: a path relative to the working directory, or the file name. */
  readonly file: string;
  /** The `.scaling` text (in the editor, the notebook as it would be saved). */
  readonly text: string;
  readonly defaultLaw: ScalingLaw;
  readonly resources: ResourceProvider;
  readonly fitCache?: FitCache;
}

/** Evaluates every code cell of a notebook with the kernel's evaluator, keeping the Markdown between them. */
export async function evaluateNotebookDocument(source: NotebookSource): Promise<ReportDocument> {
  const located = readScalingMarkdown(source.text);
  const code = located.filter((entry) => entry.cell.kind === 'code');
  const { evaluations } = await evaluateWithResources(
    code.map((entry) => entry.cell.source),
    { defaultLaw: source.defaultLaw },
    source.resources,
    source.fitCache,
  );
  const cells = located.map((entry): ReportCell => {
    if (entry.cell.kind === 'markdown') return { kind: 'markdown', text: entry.cell.source };
    return { kind: 'code', source: entry.cell.source, sourceLine: entry.sourceLine, evaluation: evaluations[code.indexOf(entry)] };
  });
  return { file: source.file, cells };
}
