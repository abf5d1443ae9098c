import type { Statement } from '../ast';
import type { Diagnostic } from '../diagnostics';
import type { StatementForm } from '../statementForm';
import type { PendingResources, ProvidedResources } from './resources';
import type { Scope } from './scope';

/** What a statement handler works with: the scope so far, where it is, and where to put hints. */
export interface EvaluationContext {
  readonly scope: Scope;
  readonly cellIndex: number;
  readonly statement: Statement;
  /** The form of the statement (plot frontier, optimal mixture, …), from the registry. */
  readonly form: StatementForm;
  /** Non-fatal findings (information hints) for the editor; errors are thrown instead. */
  readonly hints: Diagnostic[];
  /** Files and fits provided by the caller. */
  readonly resources: ProvidedResources;
  /** Where statements record the files and fits they still need. */
  readonly pending: PendingResources;
}
