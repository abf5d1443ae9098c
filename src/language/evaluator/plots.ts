import { PRESET_LAWS, computeOptimalAllocation, formatCount, logSpace, type ScalingLaw } from '../../core';
import {
  droppedPointsNote,
  fitChart,
  fitResiduals,
  frontierChart,
  isoflopChart,
  lawComparisonChart,
  lossVsParamsChart,
  lossVsTokensChart,
  tokensPerParamChart,
  type ChartModel,
  type ChartSpec,
} from '../../core/charts';
import { errorAt } from '../diagnostics';
import { RESULT_PAYLOAD_VERSION, type ResultPayload, type ResultTable } from '../output/resultPayload';
import { allocationTable } from '../output/resultTables';
import { PLOT_KINDS, closestWord } from '../statements';
import type { EvaluationContext } from './evaluationContext';
import { plotAllocation } from './approachStatements';
import { epochsPlot } from './epochsPlot';
import { inferenceCostPlot } from './servingQueries';
import { plotMixture } from './mixtureStatements';
import { StatementValues, atSpan } from './statementValues';

/** Budgets swept when a plot gives no compute: 1e18 to 1e26 FLOP, small ablations to frontier runs. */
const DEFAULT_COMPUTE_RANGE: readonly [number, number] = [1e18, 1e26];

/** Model sizes swept by loss-vs-params when none are given: 100M to 10T parameters. */
const DEFAULT_PARAMS_RANGE: readonly [number, number] = [1e8, 1e13];

/** Token counts swept by loss-vs-tokens when none are given: 1B to 100T tokens. */
const DEFAULT_TOKENS_RANGE: readonly [number, number] = [1e9, 1e14];

/** The decade budgets listed in a frontier's text fallback. */
function decadeBudgets([min, max]: readonly [number, number]): number[] {
  const decades = Math.max(1, Math.round(Math.log10(max / min)));
  return logSpace(min, max, Math.min(decades + 1, 9));
}

interface PlotInputs {
  readonly context: EvaluationContext;
  readonly values: StatementValues;
  readonly laws: ScalingLaw[];
  /** True when the statement named its laws with laws=…. */
  readonly lawsGiven: boolean;
  readonly models: ChartModel[];
  readonly points?: number;
}

/** A chart, the table of its key numbers, and any sentences to read it by. */
type PlotBuilder = (inputs: PlotInputs) => { chart: ChartSpec; tables: ResultTable[]; notes?: string[] };

/** The optimum at each decade budget, one table per law: the numbers behind a frontier-like chart. */
function frontierTables(laws: readonly ScalingLaw[], compute: readonly [number, number]): ResultTable[] {
  const budgets = decadeBudgets(compute);
  return laws.map((law) => allocationTable(budgets.map((budget) => ({ law, allocation: computeOptimalAllocation(law, budget) })), `Frontier under ${law.id}`));
}

/** A fixed single count (`tokens=300B`) for the loss-wall charts. */
function fixedCount(values: StatementValues, key: string, example: string): number {
  values.require(key, example);
  const [value, ...rest] = values.numberList(key)!;
  if (rest.length > 0) throw errorAt(values.property(key)!.value.span, 'invalid-value', `${key} takes one value here`, `write ${key}=${example}`);
  return value;
}

/** The loss at a few points of a wall chart, one row per law. */
function wallTable(laws: readonly ScalingLaw[], samples: ReadonlyArray<{ params: number; tokens: number }>, label: (sample: { params: number; tokens: number }) => string): ResultTable {
  return {
    caption: 'Predicted loss',
    columns: ['law', ...samples.map(label)],
    align: ['left', ...samples.map(() => 'right' as const)],
    rows: laws.map((law) => [law.id, ...samples.map((sample) => law.loss(sample.params, sample.tokens).toFixed(4))]),
  };
}

const BUILDERS: Readonly<Record<string, PlotBuilder>> = {
  frontier: ({ values, laws, models, points }) => {
    const compute = values.range('compute') ?? DEFAULT_COMPUTE_RANGE;
    return { chart: frontierChart({ laws, compute, models, ...(points ? { points } : {}) }), tables: frontierTables(laws, compute) };
  },
  'tokens-per-param': ({ values, laws, models, points }) => {
    const compute = values.range('compute') ?? DEFAULT_COMPUTE_RANGE;
    return { chart: tokensPerParamChart({ laws, compute, models, ...(points ? { points } : {}) }), tables: frontierTables(laws, compute) };
  },
  laws: ({ values, laws, lawsGiven, points }) => {
    const compute = values.range('compute') ?? DEFAULT_COMPUTE_RANGE;
    const compared = lawsGiven ? laws : [...laws, ...PRESET_LAWS.filter((preset) => !laws.some((law) => law.id === preset.id))];
    return { chart: lawComparisonChart({ laws: compared, compute, ...(points ? { points } : {}) }), tables: frontierTables(compared, compute) };
  },
  fit: ({ context, points }) => {
    const [dataNode, ...rest] = context.statement.positionals;
    if (dataNode?.type !== 'name' || rest.length > 0) {
      throw errorAt(dataNode?.span ?? context.statement.span, 'syntax', '"plot fit" needs one data set', 'write: plot fit DATA, after fit DATA');
    }
    const data = context.scope.lookup(dataNode.name);
    if (data?.kind !== 'data') throw context.scope.unknown(dataNode, 'data set', context.scope.namesOf('data'));
    const fitted = context.scope.fitOf(data.name);
    if (!fitted) throw errorAt(dataNode.span, 'invalid-value', `${data.name} has not been fitted`, `add a line "fit ${data.name}" above`);
    const chart = fitChart({ law: fitted.law, points: data.points, planned: fitted.predictions, ...(points ? { samples: points } : {}) });
    const residuals = fitResiduals(fitted.law, data.points);
    const rms = Math.sqrt(residuals.reduce((sum, row) => sum + row.residual ** 2, 0) / Math.max(1, residuals.length));
    return {
      chart,
      tables: [
        {
          caption: `${data.name}: ${data.points.length} runs against the fitted law`,
          columns: ['runs', 'model sizes', 'RMS residual', 'largest |residual|'],
          align: ['right', 'right', 'right', 'right'],
          rows: [[String(data.points.length), String(new Set(data.points.map((point) => point.params)).size), rms.toFixed(4), Math.max(0, ...residuals.map((row) => Math.abs(row.residual))).toFixed(4)]],
        },
      ],
    };
  },
  'loss-vs-params': ({ values, laws, points }) => {
    const tokens = fixedCount(values, 'tokens', '300B');
    const params = values.range('params') ?? DEFAULT_PARAMS_RANGE;
    const samples = logSpace(params[0], params[1], 6).map((size) => ({ params: size, tokens }));
    return {
      chart: lossVsParamsChart({ laws, tokens, params, ...(points ? { points } : {}) }),
      tables: [wallTable(laws, samples, (sample) => `N=${formatCount(sample.params)}`)],
    };
  },
  'loss-vs-tokens': ({ values, laws, points }) => {
    const params = fixedCount(values, 'params', '70B');
    const tokens = values.range('tokens') ?? DEFAULT_TOKENS_RANGE;
    const samples = logSpace(tokens[0], tokens[1], 6).map((count) => ({ params, tokens: count }));
    return {
      chart: lossVsTokensChart({ laws, params, tokens, ...(points ? { points } : {}) }),
      tables: [wallTable(laws, samples, (sample) => `D=${formatCount(sample.tokens)}`)],
    };
  },
  isoflop: ({ values, laws, points }) => {
    const budgets = values.numberList('compute') ?? [1e19, 1e20, 1e21, 1e22];
    const law = laws[0];
    const chart = isoflopChart({ law, budgets, ...(points ? { points } : {}) });
    return { chart, tables: [allocationTable(budgets.map((budget) => ({ law, allocation: computeOptimalAllocation(law, budget) })), 'Minimum of each isoFLOP curve')] };
  },
  'inference-cost': ({ context, values, laws, points }) => inferenceCostPlot(context, values, laws, points),
  epochs: ({ context, values, laws, points }) => epochsPlot(context, values, laws, points),
  mixture: plotMixture,
  allocation: plotAllocation,
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
  const lawNames = values.names('laws');
  const laws = lawNames?.map((node) => scope.lawNamed(node)) ?? [scope.law];
  const models = (values.names('models') ?? []).map((node): ChartModel => {
    const model = scope.model(node);
    return { name: node.name, params: model.params, tokens: model.tokens, ...(model.activeParams !== undefined ? { activeParams: model.activeParams } : {}) };
  });
  const points = values.positive('points', 'points');
  if (points !== undefined && (!Number.isInteger(points) || points < 2 || points > 5000)) {
    throw errorAt(values.property('points')!.value.span, 'invalid-value', `points must be a whole number from 2 to 5000, got ${points}`);
  }
  const { chart, tables, notes } = atSpan(statement.span, () => builder({ context, values, laws, lawsGiven: lawNames !== undefined, models, ...(points ? { points } : {}) }));
  const dropped = droppedPointsNote(chart.droppedPoints);
  const title = (chart.spec.title as { text?: string } | string | undefined) ?? kindNode.name;
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'plot',
    title: typeof title === 'string' ? title : title.text ?? kindNode.name,
    line: statement.span.line + 1,
    tables,
    notes: [`Chart: ${PLOT_KINDS[kindNode.name.toLowerCase()]}.`, ...(notes ?? []), ...(dropped ? [dropped] : [])],
    chart,
    data: { kind: kindNode.name.toLowerCase(), laws: laws.map((law) => law.id), models },
  };
}
