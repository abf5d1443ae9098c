import {
  constrainedAllocation,
  epochSweep,
  epochsUntilWorth,
  EXHAUSTED_TOKEN_WORTH,
  formatCount,
  formatRatio,
  formatScientific,
  NEGLIGIBLE_LOSS_EPOCHS,
  type HeldFixed,
  type ScalingLaw,
  withUnit,
} from '../../core';
import { DEFAULT_EPOCHS_RANGE, epochsChart, type ChartSpec } from '../../charts';
import { errorAt } from '../diagnostics';
import { repetitionNotes, repetitionTable, type RepetitionRow } from '../output/repetitionTables';
import type { ResultTable } from '../output/resultPayload';
import type { EvaluationContext } from './evaluationContext';
import { computeNamed } from './namedCompute';
import { StatementValues, atSpan } from './statementValues';

/** Epoch counts listed under the chart: doublings, so the decay of a repeat's worth reads down the column. */
const TABLE_EPOCHS: readonly number[] = [1, 2, 4, 8, 16, 32, 64];

/** The budget (compute=, or a budget or model name) or the model size (params=) the chart holds. */
function heldFixed(context: EvaluationContext, values: StatementValues): HeldFixed {
  const { statement, scope } = context;
  const [nameNode, ...rest] = statement.positionals;
  if (rest.length > 0 || (nameNode && nameNode.type !== 'name')) {
    throw errorAt(
      (rest[0] ?? nameNode).span,
      'syntax',
      '"plot epochs" takes at most one budget or model name',
      'write: plot epochs cluster unique=500B, or plot epochs compute=1e24 unique=500B',
    );
  }
  const given = [nameNode && 'a name', values.has('compute') && 'compute=', values.has('params') && 'params='].filter(Boolean);
  if (given.length !== 1) {
    const where = values.property('params')?.keySpan ?? statement.keywordSpan;
    throw errorAt(
      where,
      given.length === 0 ? 'missing-property' : 'invalid-value',
      '"plot epochs" holds one thing fixed: a budget (a name or compute=…) or a model size (params=…)',
      'e.g. plot epochs compute=1e24 unique=500B, or plot epochs params=8B unique=50B',
    );
  }
  const held = values.property('params') ?? values.property('compute');
  if (held && (held.value.type === 'range' || held.value.type === 'list')) {
    throw errorAt(
      held.value.span,
      'invalid-value',
      `"plot epochs" holds one ${held.key}, the epochs are what it sweeps`,
      `write ${held.key}=${held.key === 'params' ? '8B' : '1e24'}, and epochs=1..100 for the range`,
    );
  }
  if (values.has('params')) return { params: values.positive('params', 'params')! };
  if (values.has('compute')) return { compute: values.positive('compute', 'compute')! };
  return { compute: computeNamed(scope, nameNode as Extract<typeof nameNode, { type: 'name' }>).compute };
}

/** The runs at the table's epoch counts inside the swept range, and at a budget's best, as rows. */
function epochRows(law: ScalingLaw, uniqueTokens: number, fixed: HeldFixed, range: readonly [number, number]): RepetitionRow[] {
  const counts = TABLE_EPOCHS.filter((count) => count >= range[0] && count <= range[1]);
  const rows = epochSweep(law, uniqueTokens, fixed, counts).map((estimate) => ({
    label: withUnit(formatRatio(estimate.epochs), 'epoch'),
    estimate,
  }));
  if (!('compute' in fixed)) return rows;
  const { best } = constrainedAllocation(law, fixed.compute, uniqueTokens);
  return [...rows, { label: `best (${formatRatio(best.epochs)} epochs)`, estimate: best }];
}

/** `plot epochs unique=U compute=C | params=N | BUDGET [epochs=a..b]`: loss against epochs, where repeating stops paying. */
export function epochsPlot(
  context: EvaluationContext,
  values: StatementValues,
  laws: readonly ScalingLaw[],
  points: number | undefined,
): { chart: ChartSpec; tables: ResultTable[]; notes: string[] } {
  values.require('unique', '500B');
  if (laws.length !== 1)
    throw errorAt(values.property('laws')!.value.span, 'invalid-value', 'epochs draws one law', 'write laws=muennighoff2023');
  const [law] = laws;
  const uniqueTokens = values.positive('unique', 'unique tokens')!;
  const fixed = heldFixed(context, values);
  const epochs = values.range('epochs');
  const chart = atSpan(context.statement.span, () =>
    epochsChart({ law, uniqueTokens, fixed, ...(epochs ? { epochs } : {}), ...(points ? { points } : {}) }),
  );
  const held = 'compute' in fixed ? `C = ${formatScientific(fixed.compute)} FLOP` : `N = ${formatCount(fixed.params)}`;
  return {
    chart,
    tables: [
      repetitionTable(
        'run',
        epochRows(law, uniqueTokens, fixed, epochs ?? DEFAULT_EPOCHS_RANGE),
        `${held}, ${formatCount(uniqueTokens)} unique tokens, under ${law.name}`,
      ),
    ],
    notes: [
      `Up to ${NEGLIGIBLE_LOSS_EPOCHS} epochs repeats cost little (Muennighoff et al. 2023); from ${formatRatio(epochsUntilWorth(EXHAUSTED_TOKEN_WORTH))} epochs on a repeated token is worth under ${EXHAUSTED_TOKEN_WORTH * 100}% of a fresh one.`,
      ...repetitionNotes([law]),
    ],
  };
}
