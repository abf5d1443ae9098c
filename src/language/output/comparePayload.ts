import { formatCount, formatRatio, type ScalingLaw, type Verdict } from '../../core';
import { RESULT_PAYLOAD_VERSION, type ResultPayload } from './resultPayload';
import { formatEfficiency } from '../../core/numberFormat';
import { lossScaleNotes } from './lossScaleNote';
import { formatParams } from './resultTables';
import { distinct } from './verdictPayload';

export interface ComparedModel {
  readonly name: string;
  /** One verdict per law, in the order of `laws`. */
  readonly verdicts: readonly Verdict[];
}

/** Models side by side under several laws: each law's optimal D/N and verdict for each model. */
export function comparePayload(models: readonly ComparedModel[], laws: readonly ScalingLaw[], line: number): ResultPayload<'compare'> {
  const first = (model: ComparedModel) => model.verdicts[0];
  const disagreements = models.filter((model) => new Set(model.verdicts.map((verdict) => verdict.label)).size > 1);
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'compare',
    title: `${models.map((model) => model.name).join(' vs ')} under ${laws.length} law${laws.length === 1 ? '' : 's'}`,
    line,
    tables: [
      {
        columns: ['model', 'N', 'D', 'D/N', ...laws.map((law) => law.id)],
        align: ['left', 'right', 'right', 'right', ...laws.map(() => 'left' as const)],
        rows: models.map((model) => [
          model.name,
          formatParams(first(model).params, first(model).activeParams),
          formatCount(first(model).tokens),
          formatRatio(first(model).tokensPerParam),
          ...model.verdicts.map((verdict) => {
            const label = `${verdict.label}${verdict.activeParams < verdict.params ? ' (dense-equivalent)' : ''}`;
            return `${label} (opt ${formatRatio(verdict.optimal.tokensPerParam)}, ${formatEfficiency(verdict.computeEfficiency)})`;
          }),
        ]),
      },
    ],
    notes: [
      'Each law cell: verdict (optimal tokens/parameter at the same compute, compute efficiency).',
      ...disagreements.map(
        (model) =>
          `The laws disagree about ${model.name}: ${laws.map((law, i) => `${law.id} says ${model.verdicts[i].label}`).join(', ')}.`,
      ),
      // Extrapolation under the first (active) law only: every law would repeat it with its own range.
      ...distinct(
        models.flatMap((model) =>
          [...model.verdicts.flatMap((verdict) => verdict.warnings), ...first(model).extrapolation].map((note) => `${model.name}: ${note}`),
        ),
      ),
      ...lossScaleNotes(laws),
    ],
    data: {
      laws: laws.map((law) => law.id),
      models: models.map((model) => ({ name: model.name, verdicts: model.verdicts })),
    },
  };
}
