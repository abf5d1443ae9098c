import { optimalForParams } from '../allocation';
import { requirePositive } from '../quantities';
import { formatCount, withUnit } from '../numberFormat';
import type { ScalingLaw } from '../laws/scalingLaw';

/**
 * How many tokens each model size along a sweep is trained on: the law's compute-optimal D for that
 * N (the default: each model as its developers would train it under the law), a fixed D for every
 * size, or a fixed ratio D/N.
 */
export type TrainingTokensRule =
  | { readonly kind: 'optimal' }
  | { readonly kind: 'fixed'; readonly tokens: number }
  | { readonly kind: 'ratio'; readonly tokensPerParam: number };

/** Checks the token rule once. */
export function requireTrainingTokens(training: TrainingTokensRule): TrainingTokensRule {
  if (training.kind === 'fixed') requirePositive(training.tokens, 'tokens');
  if (training.kind === 'ratio') requirePositive(training.tokensPerParam, 'tokens per parameter');
  return training;
}

/**
 * D for a model of `params` parameters under the rule; `Infinity` parameters give the limit the
 * rule tends to (unbounded D, except for a fixed D).
 *
 * @example trainingTokensFor(law, 1e9, { kind: 'ratio', tokensPerParam: 20 }) // 2e10
 */
export function trainingTokensFor(law: ScalingLaw, params: number, training: TrainingTokensRule): number {
  if (params === Number.POSITIVE_INFINITY) return training.kind === 'fixed' ? training.tokens : Number.POSITIVE_INFINITY;
  switch (training.kind) {
    case 'fixed':
      return training.tokens;
    case 'ratio':
      return training.tokensPerParam * params;
    case 'optimal':
      return optimalForParams(law, params).tokens;
  }
}

/** A short description of the rule for subtitles and notes. */
export function describeTrainingTokens(training: TrainingTokensRule): string {
  switch (training.kind) {
    case 'fixed':
      return `every size trained on D = ${withUnit(formatCount(training.tokens), 'token')}`;
    case 'ratio':
      return `every size trained on D = ${formatCount(training.tokensPerParam)}·N tokens`;
    case 'optimal':
      return "every size trained on the law's compute-optimal D for its N";
  }
}
