import { formatScientific, trainingCompute } from '../../core';
import type { NameNode } from '../ast';
import { errorAt } from '../diagnostics';
import type { BudgetDeclaration, Scope } from './scope';
import { atSpan } from './statementValues';

/** The compute a name stands for, and the hardware booking behind it when it is a budget on accelerators. */
export interface NamedCompute {
  readonly compute: number;
  readonly hardware?: BudgetDeclaration['hardware'];
  /** Which figure a model's compute is: its authors' reported training compute, or 6·N·D. */
  readonly figure?: string;
}

/**
 * What `optimal NAME` answers for: a declared budget's compute, or the training compute of a model
 * (declared or from the catalog). A law's name is an error that shows how to use it instead.
 */
export function computeNamed(scope: Scope, node: NameNode): NamedCompute {
  const declared = scope.lookup(node.name);
  if (declared?.kind === 'budget') return { compute: declared.compute, ...(declared.hardware ? { hardware: declared.hardware } : {}) };
  if (declared?.kind === 'law')
    throw errorAt(node.span, 'invalid-value', `"${node.name}" is a law, not a budget`, 'write: optimal BUDGET law=' + node.name);
  const model = atSpan(node.span, () => scope.model(node));
  const estimate = trainingCompute(model.activeParams ?? model.params, model.tokens, model.architecture);
  if (model.reportedCompute) {
    const { flops, source } = model.reportedCompute;
    const figure =
      `Compute: ${node.name}'s reported training compute, ${formatScientific(flops)} FLOP (${source}); ` +
      `6·N·D would give ${formatScientific(estimate)}.`;
    return { compute: flops, figure };
  }
  const why = model.source
    ? 'the catalog has no reported training compute for it'
    : 'a declared model; catalog models use their reported compute where published';
  return { compute: estimate, figure: `Compute: 6·N·D = ${formatScientific(estimate)} FLOP for ${node.name} (${why}).` };
}
