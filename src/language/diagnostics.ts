import type { Span } from './ast';

export type Severity = 'error' | 'warning' | 'information';

/** Stable codes: tests and the editor's quick fixes refer to them. */
export type DiagnosticCode =
  | 'syntax'
  | 'unknown-keyword'
  | 'unknown-name'
  | 'unknown-property'
  | 'missing-property'
  | 'duplicate-property'
  | 'invalid-value'
  | 'redeclared'
  | 'far-from-optimal'
  | 'data-error'
  | 'pending';

/** A problem found in a cell, located on one line, with a hint on how to fix it. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly hint?: string;
  /** Another place involved (e.g. the first declaration of a redeclared name). */
  readonly related?: { readonly message: string; readonly cellIndex: number; readonly span: Span };
}

/** Thrown inside the evaluator to abandon one statement; caught per statement, never escapes. */
export class StatementError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'StatementError';
  }
}

export function errorAt(span: Span, code: DiagnosticCode, message: string, hint?: string, related?: Diagnostic['related']): StatementError {
  return new StatementError({ code, severity: 'error', message, span, ...(hint ? { hint } : {}), ...(related ? { related } : {}) });
}

/**
 * `line:column: message` with the offending text quoted and the hint, as the kernel and the CLI print
 * an error. Lines and columns are 1-based for people.
 */
export function formatDiagnostic(diagnostic: Diagnostic, lineText: string, prefix = ''): string {
  const { span } = diagnostic;
  const offending = lineText.slice(span.start, Math.max(span.end, span.start + 1)).trim();
  const parts = [`${prefix}${span.line + 1}:${span.start + 1}: ${diagnostic.severity}: ${diagnostic.message}`];
  if (offending)
    parts.push(
      `    ${lineText.trimEnd()}\n    ${' '.repeat(span.start)}${'^'.repeat(Math.max(1, Math.min(span.end, lineText.length) - span.start))}`,
    );
  if (diagnostic.hint) parts.push(`    hint: ${diagnostic.hint}`);
  return parts.join('\n');
}
