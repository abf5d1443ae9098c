import {
  RISE_LEVELS,
  VISIBLE_LEVEL,
  describeTrainingTokens,
  formatCount,
  formatSignificant,
  type EmergencePoint,
  type EmergenceSettings,
  type EmergenceTransition,
  type ExactMatchCrossing,
  type ParamsRange,
  type ScalingLaw,
} from '../../core';
import { emergenceChart } from '../../charts';
import { RESULT_PAYLOAD_VERSION, type ResultPayload, type ResultTable } from './resultPayload';
import { formatLoss, formatPercent } from '../../core/numberFormat';

/** What an `emergence` statement asks. */
export interface EmergenceQuestion {
  readonly law: ScalingLaw;
  readonly settings: EmergenceSettings;
  readonly params: ParamsRange;
  readonly threshold: number;
}

/** An emergence question with its numbers, computed by the evaluator: what {@link emergencePayload} shows. */
export interface EmergenceAnswer extends EmergenceQuestion {
  /** Loss, p and exact match at each decade of N. */
  readonly points: readonly EmergencePoint[];
  /** Where exact match reaches each level, and how fast it rises. */
  readonly transition: EmergenceTransition;
}

/**
 * (L − offset) must shrink by ln(1/0.1)/ln(1/0.9) = 21.85× for p^ℓ = e^(−ℓ(L − offset)) to go
 * from 10% to 90%, whatever ℓ and the law.
 */
const RISE_LOSS_FACTOR = Math.log(RISE_LEVELS.from) / Math.log(RISE_LEVELS.to);

function pointsTable(question: EmergenceQuestion, points: readonly EmergencePoint[]): ResultTable {
  const { law, settings } = question;
  return {
    caption: `Along N under ${law.id}: ${describeTrainingTokens(settings.training)}`,
    columns: ['N', 'D', 'loss L', 'p per token', `exact match p^${formatSignificant(settings.answerTokens)}`, 'wrong tokens ℓ(1 − p)'],
    align: ['right', 'right', 'right', 'right', 'right', 'right'],
    rows: points.map((point) => [
      formatCount(point.params),
      formatCount(point.tokens),
      formatLoss(point.loss),
      formatPercent(point.tokenSuccess),
      formatPercent(point.exactMatch),
      formatSignificant(point.wrongTokens),
    ]),
  };
}

/** A crossing as table cells: N, loss and exact match, or why there is none in the range. */
function crossingCells(crossing: ExactMatchCrossing, transition: EmergenceTransition): string[] {
  switch (crossing.where) {
    case 'within':
      return [formatCount(crossing.point.params), formatLoss(crossing.point.loss)];
    case 'below':
      return [`below ${formatCount(transition.smallest.params)}`, '—'];
    case 'beyond':
      return [`beyond ${formatCount(transition.largest.params)}`, '—'];
    case 'never':
      return [`never (at most ${formatPercent(transition.ceiling)})`, '—'];
  }
}

function transitionTable(transition: EmergenceTransition): ResultTable {
  const rows: Array<[string, ExactMatchCrossing]> = [
    [`${formatPercent(VISIBLE_LEVEL)}: leaves the floor of a linear axis`, transition.visible],
    [formatPercent(RISE_LEVELS.from), transition.riseFrom],
    [`${formatPercent(transition.threshold)} (threshold)`, transition.atThreshold],
    [formatPercent(RISE_LEVELS.to), transition.riseTo],
  ];
  return {
    caption: 'Where exact match reaches each level',
    columns: ['exact match', 'at N', 'loss L there'],
    align: ['left', 'right', 'right'],
    rows: rows.map(([level, crossing]) => [level, ...crossingCells(crossing, transition)]),
  };
}

/** The sentences that say how sudden the curve looks, and why, from the crossings. */
function suddennessNotes(question: EmergenceQuestion, transition: EmergenceTransition): string[] {
  const { smallest, largest, visible } = transition;
  const notes: string[] = [];
  if (visible.where === 'within') {
    const flatDecades = Math.log10(visible.point.params / smallest.params);
    const allDecades = Math.log10(largest.params / smallest.params);
    notes.push(
      `Exact match stays under ${formatPercent(VISIBLE_LEVEL)} — flat on a linear axis — for the first ${formatSignificant(flatDecades)} of ${formatSignificant(allDecades)} decades of N, while the per-token loss falls smoothly from ${formatLoss(smallest.loss)} to ${formatLoss(visible.point.loss)} nats: the improvement is there all along, the metric hides it.`,
    );
  }
  if (transition.riseDecades !== undefined)
    notes.push(
      `It rises from ${formatPercent(RISE_LEVELS.from)} to ${formatPercent(RISE_LEVELS.to)} over ${formatSignificant(transition.riseDecades)} decades of N.`,
    );
  notes.push(
    `Any 10%→90% rise of p^ℓ = e^(−ℓ·(L − offset)) needs L − offset to shrink ${formatSignificant(RISE_LOSS_FACTOR)}× (ln 10/ln(10/9)), whatever ℓ and the law; a longer answer only moves the rise to larger N.`,
  );
  if (question.settings.offset === 0 && transition.ceiling < transition.threshold) {
    notes.push(
      `With p = e^(−L) the loss never goes below ${question.law.id}'s E = ${formatLoss(question.law.irreducibleLoss)} nats, so p stays under ${formatPercent(Math.exp(-question.law.irreducibleLoss))} and exact match under ${formatPercent(transition.ceiling)}: nothing emerges. Schaeffer et al.'s stylised loss has no floor; offset=E counts only the reducible loss L − E, which does go to 0.`,
    );
  }
  return notes;
}

/**
 * Schaeffer et al. 2023's mirage for a law: per-token loss, p and exact match along N, where exact
 * match reaches 1%, 10%, the threshold and 90%, how flat it looked before, and the paired chart.
 */
export function emergencePayload(answer: EmergenceAnswer, line: number): ResultPayload<'emergence'> {
  const { law, settings, params, threshold, points, transition } = answer;
  const pDefinition =
    settings.offset === 0
      ? "p = e^(−L), the paper's stylised choice"
      : `p = e^(−(L − ${formatSignificant(settings.offset, 4)})): only the loss above ${formatSignificant(settings.offset, 4)} nats counts`;
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'emergence',
    title: `Emergence from a smooth loss: exact match over ${formatSignificant(settings.answerTokens)} tokens under ${law.id}`,
    line,
    tables: [pointsTable(answer, points), transitionTable(transition)],
    notes: [
      `Per-token success ${pDefinition}; exact match over an ℓ-token answer is p^ℓ (Schaeffer et al. 2023, "Are Emergent Abilities of Large Language Models a Mirage?", Sec. 2).`,
      ...suddennessNotes(answer, transition),
    ],
    chart: emergenceChart({ law, settings, params, threshold }),
    data: {
      law: law.id,
      answerTokens: settings.answerTokens,
      offset: settings.offset,
      training: settings.training,
      params,
      threshold,
      points,
      crossings: {
        visible: transition.visible,
        riseFrom: transition.riseFrom,
        threshold: transition.atThreshold,
        riseTo: transition.riseTo,
      },
      riseDecades: transition.riseDecades ?? null,
      ceiling: transition.ceiling,
    },
  };
}
