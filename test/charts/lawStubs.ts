import type { ScalingLaw } from '../../src/core';

/** A plain-object copy of `law` with some of its functions replaced, as a bad custom fit can behave. */
export function lawVariant(law: ScalingLaw, changes: Partial<Pick<ScalingLaw, 'loss' | 'optimalParams'>>): ScalingLaw {
  return {
    id: `${law.id}-variant`,
    name: `${law.name} (variant)`,
    citation: law.citation,
    constants: law.constants,
    irreducibleLoss: law.irreducibleLoss,
    loss: (params, tokens) => law.loss(params, tokens),
    optimalParams: (compute) => law.optimalParams!(compute),
    ...changes,
  };
}

/** A copy of `law` whose loss is NaN wherever `broken(params, tokens)` holds. */
export function lawWithHoles(law: ScalingLaw, broken: (params: number, tokens: number) => boolean): ScalingLaw {
  return lawVariant(law, { loss: (params, tokens) => (broken(params, tokens) ? Number.NaN : law.loss(params, tokens)) });
}
