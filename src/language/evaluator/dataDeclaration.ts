import type { NameNode, ValueNode } from '../ast';
import { errorAt } from '../diagnostics';
import { RESULT_PAYLOAD_VERSION, type ResultPayload, type ResultTable } from '../output/resultPayload';
import type { EvaluationContext } from './evaluationContext';
import type { DataDeclaration } from './scope';
import type { StatementValues } from './statementValues';

/** Rows (runs or training curves) listed under a data declaration; the rest are counted. */
const PREVIEW_ROWS = 12;

/**
 * The column headers a `data` line names for `keys` (`loss="val_loss"` or `loss=val_loss`); a value
 * that is neither a string nor a name is an error whose hint shows `example`.
 */
export function namedColumns<Key extends string>(
  values: StatementValues,
  keys: readonly Key[],
  example: string,
): Partial<Record<Key, string>> {
  const columns: Partial<Record<Key, string>> = {};
  for (const key of keys) {
    const property = values.property(key);
    if (property) columns[key] = columnHeader(property.value, key, example);
  }
  return columns;
}

function columnHeader(node: ValueNode, key: string, example: string): string {
  if (node.type === 'string') return node.value;
  if (node.type === 'name') return node.name;
  throw errorAt(node.span, 'invalid-value', `${key} must be a column header, e.g. ${key}="${example}"`);
}

/** How a data set is shown under its declaration. */
export interface DataPreview<Row> {
  readonly title: string;
  /** What was read: every run, or every training curve; the first PREVIEW_ROWS are listed. */
  readonly rows: readonly Row[];
  readonly table: (shown: readonly Row[]) => ResultTable;
  readonly ignoredColumns: readonly string[];
  /** Sentences after those every data set gets (columns read and ignored, rows not listed). */
  readonly notes?: readonly string[];
  readonly data: ResultPayload<'data'>['data'];
}

/**
 * Declares the data set `name` in scope and returns its result: a table of its first rows, the
 * columns it was read from and those ignored, and how many rows are not listed.
 */
export function declareDataSet<Row>(
  context: EvaluationContext,
  name: NameNode,
  dataSet: Pick<DataDeclaration, 'points' | 'curves' | 'summary' | 'domains'>,
  preview: DataPreview<Row>,
): ResultPayload<'data'> {
  const declaration: DataDeclaration = {
    kind: 'data',
    name: name.name,
    ...dataSet,
    site: { cellIndex: context.cellIndex, span: name.span },
  };
  context.scope.declare(declaration, name.span);
  const { rows, ignoredColumns } = preview;
  const shown = rows.slice(0, PREVIEW_ROWS);
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'data',
    title: preview.title,
    line: context.statement.span.line + 1,
    tables: [preview.table(shown)],
    notes: [
      `Columns: ${dataSet.summary}.`,
      ...(ignoredColumns.length > 0 ? [`Ignored columns: ${ignoredColumns.join(', ')}.`] : []),
      ...(rows.length > shown.length ? [`…and ${rows.length - shown.length} more runs.`] : []),
      ...(preview.notes ?? []),
    ],
    data: preview.data,
  };
}
