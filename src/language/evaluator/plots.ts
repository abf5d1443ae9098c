import { computeOptimalAllocation, logSpace, type ScalingLaw } from '../../core';
import { droppedPointsNote, frontierChart, isoflopChart, type ChartModel, type ChartSpec } from '../../core/charts';
import { errorAt } from '../diagnostics';
import { RESULT_PAYLOAD_VERSION, type ResultPayload, type ResultTable } from '../output/resultPayload';
import { allocationTable } from '../output/resultTables';
import { PLOT_KINDS, closestWord } from '../statements';
import type { EvaluationContext } from './evaluationContext';
import { StatementValues, atSpan } from './statementValues';

/** Budgets swept when a plot gives no compute: 1e18 to 1e26 FLOP, small ablations to frontier runs. */
const DEFAULT_COMPUTE_RANGE: readonly [number, number] = [1e18, 1e26];

/** The decade budgets listed in a frontier's text fallback. */
function decadeBudgets([min, max]: readonly [number, number]): number[] {
  const decades = Math.max(1, Math.round(Math.log10(max / min)));
  return logSpace(min, max, Math.min(decades + 1, 9));
}

interface PlotInputs {
  readonly values: StatementValues;
  readonly laws: ScalingLaw[];
  readonly models: ChartModel[];
  readonly points?: number;
}

type PlotBuilder = (inputs: PlotInputs) => { chart: ChartSpec; tables: ResultTable[] };

const BUILDERS: Readonly<Record<string, PlotBuilder>> = {
  frontier: ({ values, laws, models, points }) => {
    const compute = values.range('compute') ?? DEFAULT_COMPUTE_RANGE;
    const chart = frontierChart({ laws, compute, models, ...(points ? { points } : {}) });
    const budgets = decadeBudgets(compute);
    return { chart, tables: laws.map((law) => allocationTable(budgets.map((budget) => ({ law, allocation: computeOptimalAllocation(law, budget) })), `Frontier under ${law.id}`)) };
  },
  isoflop: ({ values, laws, points }) => {
    const budgets = values.numberList('compute') ?? [1e19, 1e20, 1e21, 1e22];
    const law = laws[0];
    const chart = isoflopChart({ law, budgets, ...(points ? { points } : {}) });
    return { chart, tables: [allocationTable(budgets.map((budget) => ({ law, allocation: computeOptimalAllocation(law, budget) })), 'Minimum of each isoFLOP curve')] };
  },
};

/** `plot KIND …`: a chart payload with a table of the key numbers as its text fallback. */
export function evaluatePlot(context: EvaluationContext): ResultPayload {
  const { statement, scope } = context;
  const kindNode = statement.name;
  if (!kindNode) throw errorAt(statement.keywordSpan, 'syntax', '"plot" needs a chart kind', `one of: ${Object.keys(PLOT_KINDS).join(', ')}`);
  const builder = BUILDERS[kindNode.name.toLowerCase()];
  if (!builder) {
    const suggestion = closestWord(kindNode.name, Object.keys(BUILDERS));
    throw errorAt(kindNode.span, 'unknown-name', `unknown chart "${kindNode.name}"`, suggestion ? `did you mean "${suggestion}"?` : `one of: ${Object.keys(BUILDERS).join(', ')}`);
  }
  const values = new StatementValues(statement);
  const laws = values.names('laws')?.map((node) => scope.lawNamed(node)) ?? [scope.law];
  const models = (values.names('models') ?? []).map((node): ChartModel => {
    const model = scope.model(node);
    return { name: node.name, params: model.params, tokens: model.tokens, ...(model.activeParams !== undefined ? { activeParams: model.activeParams } : {}) };
  });
  const points = values.positive('points', 'points');
  if (points !== undefined && (!Number.isInteger(points) || points < 2 || points > 5000)) {
    throw errorAt(values.property('points')!.value.span, 'invalid-value', `points must be a whole number from 2 to 5000, got ${points}`);
  }
  const { chart, tables } = atSpan(statement.span, () => builder({ values, laws, models, ...(points ? { points } : {}) }));
  const dropped = droppedPointsNote(chart.droppedPoints);
  const title = (chart.spec.title as { text?: string } | string | undefined) ?? kindNode.name;
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'plot',
    title: typeof title === 'string' ? title : title.text ?? kindNode.name,
    line: statement.span.line + 1,
    tables,
    notes: [`Chart: ${PLOT_KINDS[kindNode.name.toLowerCase()]}.`, ...(dropped ? [dropped] : [])],
    chart,
    data: { kind: kindNode.name.toLowerCase(), laws: laws.map((law) => law.id), models },
  };
}
