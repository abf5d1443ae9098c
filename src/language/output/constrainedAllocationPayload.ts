import { formatCount, formatRatio, formatScientific, type ConstrainedAllocation, type ScalingLaw } from '../../core';
import { repetitionJson, repetitionNotes, repetitionTable } from './repetitionTables';
import type { ConstrainedOptimalData } from './resultData';
import { RESULT_PAYLOAD_VERSION, type PayloadWith, type ResultTable } from './resultPayload';
import { formatLossGap } from '../../core/numberFormat';

/**
 * The best model for a budget when unique data is capped, beside the compute-optimal model for
 * unlimited data trained on the same capped data: what the cap costs, and what ignoring it costs.
 */
export function constrainedAllocationPayload(
  name: string,
  law: ScalingLaw,
  result: ConstrainedAllocation,
  line: number,
  hardware?: ResultTable,
): PayloadWith<'optimal', ConstrainedOptimalData> {
  const { best, unconstrained, unconstrainedRepeated } = result;
  const unique = formatCount(result.uniqueTokens);
  const summary = result.capBinds
    ? `${unique} unique tokens cannot feed the compute-optimal run (${formatCount(unconstrained.params)} parameters on ${formatCount(unconstrained.tokens)} tokens, ${formatRatio(unconstrainedRepeated.epochs)} epochs). The best model is ${formatCount(best.params)} parameters on ${formatCount(best.tokens)} tokens (${formatRatio(best.epochs)} epochs): ${formatLossGap(best.loss - unconstrained.loss)} above the optimum with unlimited data, where training the compute-optimal model on repeats would lose ${formatLossGap(unconstrainedRepeated.loss - unconstrained.loss)}.`
    : `${unique} unique tokens cover the compute-optimal run (${formatCount(unconstrained.tokens)} tokens): the cap does not bind.`;
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'optimal',
    title: `Best model for ${name} with ${unique} unique tokens under ${law.id}`,
    line,
    tables: [
      ...(hardware ? [hardware] : []),
      repetitionTable(
        'plan',
        [
          { label: `best with ${unique} unique`, estimate: best },
          { label: 'compute-optimal for unlimited data', estimate: unconstrainedRepeated },
        ],
        `C = ${formatScientific(result.compute)} FLOP under ${law.name}`,
      ),
    ],
    notes: [summary, `Best model by ${result.method}.`, ...repetitionNotes([law]), ...(law.caveat ? [law.caveat] : [])],
    data: {
      name,
      law: law.id,
      compute: result.compute,
      uniqueTokens: result.uniqueTokens,
      capBinds: result.capBinds,
      method: result.method,
      best: { params: best.params, tokens: best.tokens, ...repetitionJson(best) },
      unconstrained: { ...unconstrained, ...repetitionJson(unconstrainedRepeated) },
    },
  };
}
