import {
  formatCount,
  formatDollars,
  formatRatio,
  formatScientific,
  type InferenceAwareOptimum,
  type ScalingLaw,
  type ServingPlan,
} from '../../core';
import { savingBeyondRoundOff } from './roundOff';
import type { InferenceAwareData, ServingPlanData } from './resultData';
import { RESULT_PAYLOAD_VERSION, type PayloadWith, type ResultTable } from './resultPayload';
import { formatEfficiency, formatLoss } from '../../core/numberFormat';

/** An inference-aware answer with what it was asked for: the law, the budget behind the target loss, and the price. */
export interface ServingAnswer {
  readonly law: ScalingLaw;
  readonly optimum: InferenceAwareOptimum;
  /** The budget whose compute-optimal model set the target loss, when the question was a budget. */
  readonly budget?: { readonly name: string; readonly compute: number };
  /** Dollars per FLOP of the booking that prices the answer, and the booking's name. */
  readonly price?: { readonly costPerFlop: number; readonly source: string };
}

/** Where the payload says the sizing comes from. */
export const SARDANA_2023 =
  'Sardana et al. 2023, "Beyond Chinchilla-Optimal: Accounting for Inference in Language Model Scaling Laws", Sec. 2';

/** The Chinchilla-optimal and the inference-aware model side by side, with the saving. */
export function inferenceAwareTable(answer: ServingAnswer): ResultTable {
  const { optimum, price } = answer;
  const row = (name: string, plan: ServingPlan, saving: string) => [
    name,
    formatCount(plan.params),
    formatCount(plan.trainTokens),
    formatRatio(plan.tokensPerParam),
    formatScientific(plan.trainFlops),
    formatScientific(plan.inferenceFlops),
    formatScientific(plan.totalFlops),
    ...(price ? [formatDollars(plan.totalFlops * price.costPerFlop)] : []),
    saving,
  ];
  return {
    caption: `Reaching loss ${formatLoss(optimum.targetLoss)} and serving ${formatCount(optimum.inferenceTokens)} tokens under ${answer.law.name}`,
    columns: ['model', 'N', 'D', 'D/N', 'train FLOP', 'inference FLOP', 'total FLOP', ...(price ? ['cost'] : []), 'saving'],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', ...(price ? ['right' as const] : []), 'right'],
    rows: [row('Chinchilla-optimal', optimum.chinchilla, '—'), row('inference-aware', optimum, formatEfficiency(savedFraction(optimum)))],
  };
}

/**
 * The numbers of an inference-aware answer in plain units (parameters, tokens, FLOP, dollars): the
 * payload's `data` and the CLI's JSON.
 */
function inferenceAwareData(answer: ServingAnswer): InferenceAwareData {
  const { optimum, price, budget } = answer;
  const plan = (model: ServingPlan): ServingPlanData => ({
    params: model.params,
    tokens: model.trainTokens,
    tokensPerParam: model.tokensPerParam,
    trainFlops: model.trainFlops,
    inferenceFlops: model.inferenceFlops,
    totalFlops: model.totalFlops,
    ...(price ? { cost: model.totalFlops * price.costPerFlop } : {}),
  });
  const savedFlops = savingBeyondRoundOff(optimum.chinchilla.totalFlops, optimum.totalFlops);
  return {
    law: answer.law.id,
    targetLoss: optimum.targetLoss,
    inferenceTokens: optimum.inferenceTokens,
    ...(budget ? { budget } : {}),
    ...(price ? { costPerFlop: price.costPerFlop } : {}),
    inferenceAware: plan(optimum),
    chinchilla: plan(optimum.chinchilla),
    saving: { fraction: savedFraction(optimum), flops: savedFlops, ...(price ? { cost: savedFlops * price.costPerFlop } : {}) },
    extrapolation: optimum.extrapolation,
  };
}

/** The share of total FLOPs saved, zero when the saving is round-off (see savingBeyondRoundOff). */
function savedFraction(optimum: ServingAnswer['optimum']): number {
  return savingBeyondRoundOff(optimum.chinchilla.totalFlops, optimum.totalFlops) === 0 ? 0 : optimum.savingFraction;
}

/**
 * Below this relative difference the inference-aware model prints as the Chinchilla-optimal one
 * (sizes and ratios are shown to 3 significant figures), so the answer says so instead of "1×
 * smaller … 1× more tokens", and a training overrun this small is not worth a warning.
 */
const NEGLIGIBLE = 1e-3;

/** The trade in one sentence: what serving buys, or why it buys nothing worth showing. */
function tradeSentence(answer: ServingAnswer, savedFlops: number, savedCost: string): string {
  const { optimum } = answer;
  const served = formatCount(optimum.inferenceTokens);
  if (savedFlops === 0) {
    return (
      `Serving ${served} tokens is too little to favour a smaller model: ` +
      'the Chinchilla-optimal model is already the cheapest way to reach this loss, so nothing is saved.'
    );
  }
  if (optimum.savingFraction < NEGLIGIBLE) {
    const share = optimum.chinchilla.inferenceFlops / optimum.chinchilla.totalFlops;
    return (
      `Serving ${served} tokens is ${formatEfficiency(share)} of the Chinchilla-optimal model's lifetime FLOPs, too little to ` +
      `matter: the inference-aware model is the Chinchilla-optimal one to within ${formatEfficiency(NEGLIGIBLE)} ` +
      `(${formatScientific(savedFlops)} FLOP saved${savedCost}).`
    );
  }
  return `Serving ${served} tokens, a ${formatRatio(optimum.chinchilla.params / optimum.params)}× smaller model trained on ${formatRatio(optimum.trainTokens / optimum.chinchilla.trainTokens)}× more tokens (${formatRatio(optimum.tokensPerParam)} instead of ${formatRatio(optimum.chinchilla.tokensPerParam)} tokens/parameter) reaches the same loss for ${formatEfficiency(optimum.savingFraction)} fewer total FLOPs: ${formatScientific(savedFlops)} FLOP saved${savedCost}.`;
}

/**
 * What the answer means, in sentences: the objective, the trade and its saving, how far the model
 * lies beyond the law's runs, the target's origin, the price.
 */
function inferenceAwareNotes(answer: ServingAnswer): string[] {
  const { optimum, budget, price, law } = answer;
  const savedFlops = savingBeyondRoundOff(optimum.chinchilla.totalFlops, optimum.totalFlops);
  const savedCost = price ? ` (${formatDollars(savedFlops * price.costPerFlop)})` : '';
  const notes = [
    `Least training + inference FLOPs 6·N·D_train + 2·N·D_inference subject to L(N, D_train) = ${formatLoss(optimum.targetLoss)} (${SARDANA_2023}).`,
    tradeSentence(answer, savedFlops, savedCost),
    ...optimum.extrapolation,
  ];
  const reducible = optimum.targetLoss - law.irreducibleLoss;
  const errorOfE = law.standardErrors?.E;
  if (errorOfE !== undefined && reducible < 2 * errorOfE) {
    notes.push(
      `The target is only ${formatLoss(reducible)} above E = ${formatLoss(law.irreducibleLoss)}, within 2 standard errors of E ` +
        `(±${formatLoss(errorOfE)}, ${law.id}'s bootstrap): under constants inside the law's own uncertainty this loss may be ` +
        'out of reach, so the sizes above are barely determined.',
    );
  }
  if (budget) {
    notes.push(
      `The target loss is what the compute-optimal model of ${budget.name} (${formatScientific(budget.compute)} FLOP) reaches under ${law.id}; the inference-aware model reaches the same loss with more training and less serving.`,
    );
    // Sardana et al. fix the loss, not the training compute: the trade can need more than the budget holds.
    const overrun = optimum.trainFlops / budget.compute;
    if (overrun > 1 + NEGLIGIBLE) {
      notes.push(
        `Training it takes ${formatScientific(optimum.trainFlops)} FLOP, ${formatRatio(overrun)}× ${budget.name}: more than it ` +
          `holds (on the same hardware, ${formatRatio(overrun)}× as long). Within ${budget.name}, the Chinchilla-optimal model is the ` +
          'one that reaches this loss.',
      );
    }
  }
  if (price) {
    notes.push(
      `Dollars at ${price.source}'s ${formatScientific(price.costPerFlop)} $/FLOP (price ÷ (peak × MFU × 3600)), serving assumed at the training price and MFU.`,
    );
  }
  if (law.caveat) notes.push(law.caveat);
  return notes;
}

/** The result of `optimal … serve=…`: both models, the saving, and why. */
export function inferenceAwarePayload(answer: ServingAnswer, line: number): PayloadWith<'optimal', InferenceAwareData> {
  const { optimum } = answer;
  const question = answer.budget ? answer.budget.name : `loss ${optimum.targetLoss}`;
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'optimal',
    title: `Inference-aware model for ${question} serving ${formatCount(optimum.inferenceTokens)} tokens under ${answer.law.id}`,
    line,
    tables: [inferenceAwareTable(answer)],
    notes: inferenceAwareNotes(answer),
    data: inferenceAwareData(answer),
  };
}
