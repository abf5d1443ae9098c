import * as vscode from 'vscode';
import { formatDiagnostic } from '../language/diagnostics';
import type { CellEvaluation } from '../language/evaluator/evaluateNotebook';
import { payloadToMarkdown, payloadToText } from '../language/output/payloadText';
import { RESULT_MIME, type ResultPayload } from '../language/output/resultPayload';

/** One result: the custom JSON mime first (for the renderer), then Markdown, then plain text. */
export function resultOutput(payload: ResultPayload): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput(
    [
      vscode.NotebookCellOutputItem.json(payload, RESULT_MIME),
      vscode.NotebookCellOutputItem.text(payloadToMarkdown(payload), 'text/markdown'),
      vscode.NotebookCellOutputItem.text(payloadToText(payload), 'text/plain'),
    ],
    { line: payload.line, kind: payload.kind },
  );
}

/**
 * A cell's outputs: its errors first, as one error output with `line:column`, the offending text
 * and a hint for each, then the results of the lines that did evaluate, in line order.
 */
export function cellOutputs(evaluation: CellEvaluation): vscode.NotebookCellOutput[] {
  const errors = evaluation.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const outputs = evaluation.results.map(resultOutput);
  if (errors.length === 0) return outputs;
  const message = errors
    .map((diagnostic) => formatDiagnostic(diagnostic, evaluation.parsed.lines[diagnostic.span.line] ?? '', 'line '))
    .join('\n\n');
  const error = new Error(message);
  error.name = errors.length === 1 ? 'Error in this cell' : `${errors.length} errors in this cell`;
  // The stack would show the kernel's internals, not the user's cell.
  error.stack = '';
  return [new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(error)]), ...outputs];
}
