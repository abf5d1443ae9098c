import { formatCount, formatRatio, MUENNIGHOFF_2023_DECAY, type RepetitionEstimate, type ScalingLaw } from '../../core';
import type { RepetitionData } from './resultData';
import type { ResultTable } from './resultPayload';
import { formatLoss, formatLossGap } from '../../core/numberFormat';
import { formatParams } from './resultTables';

/** The columns that say what repetition does to a run, after its own columns. */
export const REPETITION_COLUMNS: readonly string[] = ['unique', 'epochs', 'effective D', 'loss with repeats', 'lost to repeats'];

/** A run's cells under {@link REPETITION_COLUMNS}. */
export function repetitionCells(estimate: RepetitionEstimate): string[] {
  return [
    formatCount(estimate.uniqueTokens),
    formatRatio(estimate.epochs),
    formatCount(estimate.effectiveTokens),
    formatLoss(estimate.loss),
    formatLossGap(estimate.repetitionLoss),
  ];
}

/** A run with unique= in a check or a plan, as {@link repetitionTable} shows it. */
export interface RepetitionRow {
  readonly label: string;
  readonly estimate: RepetitionEstimate;
  readonly totalParams?: number;
}

/**
 * One row per run: its size and data, its loss on fresh data, and what repeating its unique tokens
 * does to it. `first` heads the column of row labels (model names, plans, epoch counts);
 * `totalParams` shows a mixture-of-experts model's total beside the active count the law sees.
 */
export function repetitionTable(first: string, rows: readonly RepetitionRow[], caption: string): ResultTable {
  const columns = [first, 'N', 'D', 'loss (fresh)', ...REPETITION_COLUMNS];
  return {
    caption,
    columns,
    align: columns.map((_, index) => (index === 0 ? 'left' : 'right')),
    rows: rows.map(({ label, estimate, totalParams }) => [
      label,
      formatParams(totalParams ?? estimate.params, estimate.params),
      formatCount(estimate.tokens),
      formatLoss(estimate.freshLoss),
      ...repetitionCells(estimate),
    ]),
  };
}

/**
 * How repetition was modelled, and, under laws other than the one the decay was fitted with, that
 * R_D* and R_N* are borrowed from it.
 */
export function repetitionNotes(laws: readonly ScalingLaw[]): string[] {
  const { repeatedTokens, excessParams } = MUENNIGHOFF_2023_DECAY;
  const borrowing = laws.filter((law) => law.id !== 'muennighoff2023').map((law) => law.id);
  return [
    `Repeats per Muennighoff et al. 2023: effective data D′ = U + U·R_D*·(1 − e^(−R_D/R_D*)) with R_D = epochs − 1, R_D* = ${formatRatio(repeatedTokens, 4)}; parameters beyond the compute-optimal size for the unique data decay likewise (R_N* = ${formatRatio(excessParams, 4)}). "Lost to repeats" is the loss with repeats minus the same run on fresh data.`,
    ...(borrowing.length > 0
      ? [`R_D* and R_N* were fitted with the muennighoff2023 law; under ${borrowing.join(', ')} they are borrowed.`]
      : []),
  ];
}

/** A run's repetition numbers in plain units, for `data` and the CLI's JSON. */
export function repetitionJson(estimate: RepetitionEstimate): RepetitionData {
  return {
    uniqueTokens: estimate.uniqueTokens,
    epochs: estimate.epochs,
    effectiveTokens: estimate.effectiveTokens,
    effectiveParams: estimate.effectiveParams,
    freshLoss: estimate.freshLoss,
    lossWithRepetition: estimate.loss,
    repetitionLoss: estimate.repetitionLoss,
  };
}
