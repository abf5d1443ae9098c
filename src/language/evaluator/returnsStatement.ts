import { diminishingReturns, formatScientific } from '../../core';
import { diminishingReturnsChartWithNotes } from '../../charts';
import { RESULT_PAYLOAD_VERSION, type ResultPayload } from '../output/resultPayload';
import { lossScaleNotes } from '../output/lossScaleNote';
import { formatEfficiency, formatLoss } from '../../core/numberFormat';
import { DEFAULT_RETURNS_RANGE } from './defaultRanges';
import type { EvaluationContext } from './evaluationContext';
import { StatementValues, atSpan } from './statementValues';

/** Kaplan et al. 2020's frontier L(C_min) = (C_c/C_min)^0.050 (Eq. 1.3): each decade removes 1 − 10^−0.05 of the loss. */
const KAPLAN_SHARE =
  ', and its frontier L(C_min) ∝ C_min^−0.05 (Kaplan et al. 2020, Eq. 1.3) removes the same 1 − 10^−0.05 ≈ 10.9% of it every decade';

/** `returns [compute=FROM..TO] [laws=…]`: what each further 10× of compute buys, per law. */
export function evaluateReturns(context: EvaluationContext): ResultPayload {
  const { statement, scope } = context;
  const values = new StatementValues(statement);
  const laws = values.names('laws')?.map((node) => scope.lawNamed(node)) ?? [scope.law];
  const compute = values.range('compute') ?? DEFAULT_RETURNS_RANGE;
  const span = values.property('compute')?.value.span ?? statement.span;
  const returns = atSpan(span, () => laws.map((law) => ({ law, result: diminishingReturns(law, compute[0], compute[1]) })));
  const figure = diminishingReturnsChartWithNotes({ laws, compute });
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'returns',
    title: 'Each 10× of compute buys less',
    line: statement.span.line + 1,
    tables: returns.map(({ law, result }) => ({
      caption: `Under ${law.name}: each decade's improvement is ${formatEfficiency(result.improvementRatio)} of the previous one`,
      columns: ['from C (FLOP)', 'to C (FLOP)', 'loss', 'loss at 10×', 'improvement', 'reducible (L − E)', 'share of reducible'],
      align: ['right', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: result.decades.map((decade) => [
        formatScientific(decade.compute),
        formatScientific(decade.compute * 10),
        formatLoss(decade.loss),
        formatLoss(decade.nextLoss),
        formatLoss(decade.improvement),
        formatLoss(decade.reducibleLoss),
        formatEfficiency(decade.reducibleShare),
      ]),
    })),
    notes: [
      'Along a Chinchilla-form frontier the reducible loss L − E falls as C^(−αβ/(α+β)), so every 10× removes the same share of what ' +
        'is left — and less loss in absolute terms each time. No power law with a floor gives growing or arbitrary step ratios ' +
        '(see docs/diminishing-returns.md).',
      ...laws
        .filter((law) => law.irreducibleLoss === 0)
        .map(
          (law) => `${law.id} has no irreducible term (E = 0): its "reducible" loss is the whole loss${law.optimum ? KAPLAN_SHARE : ''}.`,
        ),
      ...lossScaleNotes(laws),
      ...figure.rangeNotes,
    ],
    chart: figure.chart,
    data: { laws: returns.map(({ law, result }) => ({ law: law.id, ...result })) },
  };
}
