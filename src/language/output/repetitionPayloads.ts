/**
 * Check and compare results with what repetition does to their models declared with unique=
 * (Muennighoff et al. 2023), added as a table after the verdicts.
 */
import type { RepetitionEstimate, ScalingLaw } from '../../core';
import { repetitionCells, repetitionJson, repetitionNotes, repetitionTable, type RepetitionRow } from './repetitionTables';
import type { ModelChecksData } from './resultData';
import type { PayloadWith, ResultPayload } from './resultPayload';
import { formatLoss, formatLossGap } from '../../core/numberFormat';

/** A check's result with a table of what repetition does to its models declared with unique=. */
export function withRepetition(
  payload: PayloadWith<'check', ModelChecksData>,
  law: ScalingLaw,
  rows: readonly RepetitionRow[],
): PayloadWith<'check', ModelChecksData> {
  if (rows.length === 0) return payload;
  return {
    ...payload,
    tables: [...payload.tables, repetitionTable('model', rows, `Repeated data under ${law.name}`)],
    notes: [
      ...payload.notes,
      'The verdict columns (loss, loss gap, efficiency) treat every token as fresh; the repeated-data table gives the loss these runs actually reach and what the repeats cost.',
      ...repetitionNotes([law]),
    ],
    data: { ...payload.data, repetition: rows.map(({ label, estimate }) => ({ name: label, ...repetitionJson(estimate) })) },
  };
}

/**
 * A comparison's result with, for each model declared with unique=, its loss with repeats and the
 * loss lost to them under each law (`estimates` in the order of `laws`).
 */
export function withRepetitionByLaw(
  payload: ResultPayload<'compare'>,
  laws: readonly ScalingLaw[],
  rows: ReadonlyArray<{ label: string; estimates: readonly RepetitionEstimate[] }>,
): ResultPayload<'compare'> {
  if (rows.length === 0) return payload;
  const columns = ['model', 'unique', 'epochs', 'effective D', ...laws.map((law) => law.id)];
  return {
    ...payload,
    tables: [
      ...payload.tables,
      {
        caption: 'Loss with repeats (lost to repeats) under each law',
        columns,
        align: columns.map((_, index) => (index === 0 ? 'left' : 'right')),
        rows: rows.map(({ label, estimates }) => [
          label,
          // Unique tokens, epochs and effective data are the same under every law.
          ...repetitionCells(estimates[0]).slice(0, 3),
          ...estimates.map((estimate) => `${formatLoss(estimate.loss)} (${formatLossGap(estimate.repetitionLoss)})`),
        ]),
      },
    ],
    notes: [...payload.notes, ...repetitionNotes(laws)],
    data: {
      ...payload.data,
      repetition: rows.map(({ label, estimates }) => ({
        name: label,
        laws: estimates.map((estimate, index) => ({ law: laws[index].id, ...repetitionJson(estimate) })),
      })),
    },
  };
}
