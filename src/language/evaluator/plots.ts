import { PRESET_LAWS, computeOptimalAllocation, formatCount, formatLoss, frontiersWithinFit, logSpace, type ScalingLaw } from '../../core';
import {
  droppedPointsNote,
  fitChart,
  fitResiduals,
  frontierChart,
  isoflopChartWithNotes,
  lawComparisonChart,
  lossVsParamsChartWithNotes,
  lossVsTokensChartWithNotes,
  tokensPerParamChart,
  type ChartModel,
  type ChartSpec,
} from '../../charts';
import { errorAt } from '../diagnostics';
import { MAX_CHART_SERIES } from '../limits';
import { RESULT_PAYLOAD_VERSION, type ResultPayload, type ResultTable } from '../output/resultPayload';
import { lossScaleNotes } from '../output/lossScaleNote';
import { rangeNotes } from '../output/rangeNotes';
import { allocationTable } from '../output/resultTables';
import type { EvaluationContext } from './evaluationContext';
import { DEFAULT_COMPUTE_RANGE, DEFAULT_PARAMS_RANGE, DEFAULT_TOKENS_RANGE } from './defaultRanges';
import { plotAllocation } from './approachStatements';
import { epochsPlot } from './epochsPlot';
import { inferenceCostPlot } from './servingQueries';
import { plotMixture } from './mixtureStatements';
import { StatementValues, atSpan } from './statementValues';

/** A chart of more lines than anyone can read, and whose data grows with each: refused, naming the cap. */
function tooManySeries(values: StatementValues, key: string, what: string, count: number) {
  const message = `a chart draws at most ${MAX_CHART_SERIES} ${what}, one line each; got ${count}`;
  return errorAt(values.property(key)!.value.span, 'invalid-value', message, 'split them over several plots');
}

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
  return laws.map((law) =>
    allocationTable(
      budgets.map((budget) => ({ law, allocation: computeOptimalAllocation(law, budget) })),
      `Frontier under ${law.id}`,
    ),
  );
}

/** A fixed single count (`tokens=300B`) for the loss-wall charts. */
function fixedCount(values: StatementValues, key: string, example: string): number {
  values.require(key, example);
  const [value, ...rest] = values.numberList(key)!;
  if (rest.length > 0)
    throw errorAt(values.property(key)!.value.span, 'invalid-value', `${key} takes one value here`, `write ${key}=${example}`);
  return value;
}

/** The loss at a few points of a wall chart, one row per law. */
function wallTable(
  laws: readonly ScalingLaw[],
  samples: ReadonlyArray<{ params: number; tokens: number }>,
  label: (sample: { params: number; tokens: number }) => string,
): ResultTable {
  return {
    caption: 'Predicted loss',
    columns: ['law', ...samples.map(label)],
    align: ['left', ...samples.map(() => 'right' as const)],
    rows: laws.map((law) => [law.id, ...samples.map((sample) => formatLoss(law.loss(sample.params, sample.tokens)))]),
  };
}

/** How each plot form draws its chart; the forms themselves are under statements/plot/. */
export const BUILDERS: Readonly<Record<string, PlotBuilder>> = {
  frontier: ({ values, laws, models, points }) => {
    const compute = values.range('compute') ?? DEFAULT_COMPUTE_RANGE;
    return {
      chart: frontierChart({ laws, compute, models, ...(points ? { points } : {}) }),
      tables: frontierTables(laws, compute),
      notes: [...rangeNotes(frontiersWithinFit(laws, compute)), ...lossScaleNotes(laws)],
    };
  },
  'tokens-per-param': ({ values, laws, models, points }) => {
    const compute = values.range('compute') ?? DEFAULT_COMPUTE_RANGE;
    return {
      chart: tokensPerParamChart({ laws, compute, models, ...(points ? { points } : {}) }),
      tables: frontierTables(laws, compute),
      notes: rangeNotes(frontiersWithinFit(laws, compute)),
    };
  },
  laws: ({ values, laws, lawsGiven, points }) => {
    const compute = values.range('compute') ?? DEFAULT_COMPUTE_RANGE;
    const compared = lawsGiven ? laws : [...laws, ...PRESET_LAWS.filter((preset) => !laws.some((law) => law.id === preset.id))];
    return {
      chart: lawComparisonChart({ laws: compared, compute, ...(points ? { points } : {}) }),
      tables: frontierTables(compared, compute),
      notes: [...rangeNotes(frontiersWithinFit(compared, compute)), ...lossScaleNotes(compared)],
    };
  },
  fit: ({ context, points }) => {
    const [dataNode, ...rest] = context.statement.positionals;
    if (dataNode?.type !== 'name' || rest.length > 0) {
      throw errorAt(
        dataNode?.span ?? context.statement.span,
        'syntax',
        '"plot fit" needs one data set',
        'write: plot fit DATA, after fit DATA',
      );
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
          rows: [
            [
              String(data.points.length),
              String(new Set(data.points.map((point) => point.params)).size),
              rms.toFixed(4),
              Math.max(0, ...residuals.map((row) => Math.abs(row.residual))).toFixed(4),
            ],
          ],
        },
      ],
    };
  },
  'loss-vs-params': ({ values, laws, points }) => {
    const tokens = fixedCount(values, 'tokens', '300B');
    const params = values.range('params') ?? DEFAULT_PARAMS_RANGE;
    const samples = logSpace(params[0], params[1], 6).map((size) => ({ params: size, tokens }));
    const input = { laws, tokens, params, ...(points ? { points } : {}) };
    const { chart, rangeNotes } = lossVsParamsChartWithNotes(input);
    return {
      chart,
      tables: [wallTable(laws, samples, (sample) => `N=${formatCount(sample.params)}`)],
      notes: [...rangeNotes, ...lossScaleNotes(laws)],
    };
  },
  'loss-vs-tokens': ({ values, laws, points }) => {
    const params = fixedCount(values, 'params', '70B');
    const tokens = values.range('tokens') ?? DEFAULT_TOKENS_RANGE;
    const samples = logSpace(tokens[0], tokens[1], 6).map((count) => ({ params, tokens: count }));
    const input = { laws, params, tokens, ...(points ? { points } : {}) };
    const { chart, rangeNotes } = lossVsTokensChartWithNotes(input);
    return {
      chart,
      tables: [wallTable(laws, samples, (sample) => `D=${formatCount(sample.tokens)}`)],
      notes: [...rangeNotes, ...lossScaleNotes(laws)],
    };
  },
  isoflop: ({ values, laws, points }) => {
    const budgets = values.numberList('compute') ?? [1e19, 1e20, 1e21, 1e22];
    if (budgets.length > MAX_CHART_SERIES) throw tooManySeries(values, 'compute', 'budgets', budgets.length);
    const law = laws[0];
    const input = { law, budgets, ...(points ? { points } : {}) };
    const { chart, rangeNotes } = isoflopChartWithNotes(input);
    return {
      chart,
      notes: rangeNotes,
      tables: [
        allocationTable(
          budgets.map((budget) => ({ law, allocation: computeOptimalAllocation(law, budget) })),
          'Minimum of each isoFLOP curve',
        ),
      ],
    };
  },
  'inference-cost': ({ context, values, laws, points }) => inferenceCostPlot(context, values, laws, points),
  epochs: ({ context, values, laws, points }) => epochsPlot(context, values, laws, points),
  mixture: plotMixture,
  allocation: plotAllocation,
};

/** `plot KIND …`: a chart payload with a table of the key numbers as its text fallback. */
export function evaluatePlot(context: EvaluationContext): ResultPayload {
  const { statement, scope, form } = context;
  // The registry chose the form by its kind, so the kind is one of BUILDERS' (the registry test checks).
  const kind = form.form!;
  const builder = BUILDERS[kind];
  const values = new StatementValues(statement, form);
  const lawNames = values.names('laws');
  if (lawNames && lawNames.length > MAX_CHART_SERIES) throw tooManySeries(values, 'laws', 'laws', lawNames.length);
  const laws = lawNames?.map((node) => scope.lawNamed(node)) ?? [scope.law];
  const models = (values.names('models') ?? []).map((node): ChartModel => {
    const model = scope.model(node);
    return {
      name: node.name,
      params: model.params,
      tokens: model.tokens,
      ...(model.activeParams !== undefined ? { activeParams: model.activeParams } : {}),
    };
  });
  const points = values.number('points');
  const { chart, tables, notes } = atSpan(statement.span, () =>
    builder({ context, values, laws, lawsGiven: lawNames !== undefined, models, ...(points ? { points } : {}) }),
  );
  const dropped = droppedPointsNote(chart.droppedPoints);
  const title = (chart.spec.title as { text?: string } | string | undefined) ?? kind;
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'plot',
    title: typeof title === 'string' ? title : (title.text ?? kind),
    line: statement.span.line + 1,
    tables,
    notes: [`Chart: ${form.doc}.`, ...(notes ?? []), ...(dropped ? [dropped] : [])],
    chart,
    data: { kind, laws: laws.map((law) => law.id), models },
  };
}
