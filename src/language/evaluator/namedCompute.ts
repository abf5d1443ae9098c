import { trainingCompute } from '../../core';
import type { NameNode } from '../ast';
import { errorAt } from '../diagnostics';
import type { BudgetDeclaration, Scope } from './scope';
import { atSpan } from './statementValues';

/** The compute a name stands for, and the hardware booking behind it when it is a budget on accelerators. */
export interface NamedCompute {
  readonly compute: number;
  readonly hardware?: BudgetDeclaration['hardware'];
}

/**
 * What `optimal NAME` answers for: a declared budget's compute, or the training compute of a model
 * (declared or from the catalog). A law's name is an error that shows how to use it instead.
 */
export function computeNamed(scope: Scope, node: NameNode): NamedCompute {
  const declared = scope.lookup(node.name);
  if (declared?.kind === 'budget') return { compute: declared.compute, ...(declared.hardware ? { hardware: declared.hardware } : {}) };
  if (declared?.kind === 'law') throw errorAt(node.span, 'invalid-value', `"${node.name}" is a law, not a budget`, 'write: optimal BUDGET law=' + node.name);
  const model = atSpan(node.span, () => scope.model(node));
  return { compute: trainingCompute(model.activeParams ?? model.params, model.tokens, model.architecture) };
}
