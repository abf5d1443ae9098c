import type { Statement } from '../../ast';
import { evaluatePlot } from '../../evaluator/plots';
import type { PropertySpec, StatementForm } from '../../statementForm';
import { POINTS_PROPERTY } from '../propertyTypes';

interface PlotKind {
  readonly kind: string;
  readonly doc: string;
  readonly syntax: string;
  readonly example: string;
  readonly properties: Readonly<Record<string, PropertySpec>>;
  /** Whether the chart takes data sets or a budget after its kind (plot fit DATA). */
  readonly positionals?: boolean;
}

/** `plot KIND …`: one form per chart kind, each with only the properties that chart reads (and points=). */
export function plotForm({ kind, doc, syntax, example, properties, positionals }: PlotKind): StatementForm {
  return {
    keyword: 'plot',
    form: kind,
    role: 'query',
    name: 'form',
    ...(positionals ? { positionals } : {}),
    matches: (statement: Statement) => statement.name?.name.toLowerCase() === kind,
    doc,
    syntax,
    example,
    properties: { ...properties, points: POINTS_PROPERTY },
    evaluate: (context) => evaluatePlot(context),
  };
}
