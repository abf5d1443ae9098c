import {
  PRESET_LAWS,
  assessModel,
  bandEdgeEfficiencies,
  computeOptimalAllocation,
  optimalForLoss,
  optimalForParams,
  type Allocation,
  type ScalingLaw,
} from '../../core';
import type { NameNode } from '../ast';
import { errorAt } from '../diagnostics';
import { allocationPayload } from '../output/allocationPayload';
import { comparePayload } from '../output/comparePayload';
import type { ResultPayload } from '../output/resultPayload';
import { hardwareTable } from '../output/resultTables';
import { verdictPayload } from '../output/verdictPayload';
import { withRepetition, withRepetitionByLaw } from '../output/repetitionPayloads';
import type { EvaluationContext } from './evaluationContext';
import { allocationNamed, evaluateAllocationOptimal } from './allocationQueries';
import { computeNamed } from './namedCompute';
import type { Scope } from './scope';
import { evaluateServingOptimal } from './servingQueries';
import { evaluateUniqueDataOptimal, repetitionRows, repetitionRowsByLaw } from './uniqueData';
import { StatementValues, atSpan } from './statementValues';

/** The law named by `law=` on this line, or the active law. */
export function lawFor(values: StatementValues, scope: Scope): ScalingLaw {
  const names = values.names('law');
  if (!names) return scope.law;
  if (names.length !== 1)
    throw errorAt(values.property('law')!.value.span, 'invalid-value', 'law= takes one law', 'use compare … laws=a,b to see several');
  return scope.lawNamed(names[0]);
}

/** The statement's name followed by its positionals, all of which must be names. */
function modelNames(context: EvaluationContext): NameNode[] {
  const { statement } = context;
  const nodes = [...(statement.name ? [statement.name] : []), ...statement.positionals];
  if (nodes.length === 0)
    throw errorAt(
      statement.keywordSpan,
      'syntax',
      `"${statement.keyword}" needs at least one model`,
      `write: ${statement.keyword} chinchilla, gopher`,
    );
  return nodes.map((node) => {
    if (node.type !== 'name')
      throw errorAt(
        node.span,
        'invalid-value',
        `expected a model name`,
        'models are declared with "model NAME …" or come from the catalog (e.g. llama-3-8b)',
      );
    return node;
  });
}

/** Every preset plus the active law when it is the user's own, the active one first. */
function lawsToCompare(scope: Scope): ScalingLaw[] {
  return [scope.law, ...PRESET_LAWS.filter((law) => law.id !== scope.law.id)];
}

/** `optimal BUDGET|MODEL`, `optimal compute=C`, `optimal loss=L`, `optimal params=N`. */
export function evaluateOptimal(context: EvaluationContext): ResultPayload {
  const { statement, scope, form } = context;
  const values = new StatementValues(statement, form);
  const fittedAllocation = allocationNamed(values, scope);
  if (fittedAllocation) return evaluateAllocationOptimal(context, values, fittedAllocation);
  const law = lawFor(values, scope);
  const line = statement.span.line + 1;
  const modes = ['compute', 'loss', 'params'].filter((key) => values.has(key));
  if (modes.length + (statement.name ? 1 : 0) !== 1) {
    throw errorAt(
      statement.keywordSpan,
      'syntax',
      '"optimal" needs exactly one of: a budget or model name, compute=…, loss=… or params=…',
      'e.g. optimal cluster, or optimal compute=1e24',
    );
  }
  if (statement.positionals.length > 0)
    throw errorAt(statement.positionals[0].span, 'syntax', '"optimal" takes one budget or model', 'write one optimal line per budget');
  if (values.has('serve')) return evaluateServingOptimal(context, values, law);
  if (values.has('unique')) return evaluateUniqueDataOptimal(context, values, law);
  const others = lawsToCompare(scope).filter((other) => other.id !== law.id);
  const solveAll = (solve: (law: ScalingLaw) => Allocation) => {
    const notes: string[] = [];
    const solved = others.flatMap((other) => {
      try {
        return [{ law: other, allocation: solve(other) }];
      } catch (error) {
        notes.push(`${other.id}: ${(error as Error).message}`);
        return [];
      }
    });
    return { solved, notes };
  };
  if (values.has('loss')) {
    const target = values.positive('loss', 'target loss')!;
    const allocation = atSpan(values.property('loss')!.value.span, () => optimalForLoss(law, target));
    const { solved, notes } = solveAll((other) => optimalForLoss(other, target));
    return withNotes(
      allocationPayload(
        `loss ${target}`,
        { law, allocation },
        solved,
        line,
        undefined,
        `Other laws, each at the compute it needs for loss ${target}`,
      ),
      notes,
    );
  }
  if (values.has('params')) {
    const params = values.positive('params', 'params')!;
    const allocation = atSpan(values.property('params')!.value.span, () => optimalForParams(law, params));
    const { solved, notes } = solveAll((other) => optimalForParams(other, params));
    const { span } = values.property('params')!.value;
    const size = statement.lineText.slice(span.start, span.end);
    return withNotes(
      allocationPayload(
        `a ${size} model`,
        { law, allocation },
        solved,
        line,
        undefined,
        `Other laws, each at the compute for which ${size} is optimal`,
      ),
      notes,
    );
  }
  let compute: number;
  let label: string;
  let hardware: Parameters<typeof allocationPayload>[4];
  let figure: string[] = [];
  if (statement.name) {
    const named = computeNamed(scope, statement.name);
    compute = named.compute;
    figure = named.figure ? [named.figure] : [];
    if (named.hardware)
      hardware = {
        table: hardwareTable(named.hardware, named.hardware.accelerators, named.hardware.hours, named.hardware.mfu),
        budget: named.hardware,
      };
    label = statement.name.name;
  } else {
    compute = values.positive('compute', 'compute')!;
    label = 'this budget';
  }
  const allocation = computeOptimalAllocation(law, compute);
  const { solved } = solveAll((other) => computeOptimalAllocation(other, compute));
  return withNotes(allocationPayload(label, { law, allocation }, solved, line, hardware), figure);
}

function withNotes(payload: ResultPayload, notes: readonly string[]): ResultPayload {
  return notes.length === 0 ? payload : { ...payload, notes: [...payload.notes, ...notes] };
}

/** `check MODEL[, MODEL…] [law=NAME]`. */
export function evaluateCheck(context: EvaluationContext): ResultPayload {
  const { statement, scope } = context;
  const values = new StatementValues(statement);
  const law = lawFor(values, scope);
  const models = modelNames(context).map((node) => ({ node, model: scope.model(node) }));
  const entries = models.map(({ node, model }) => ({ name: node.name, verdict: atSpan(node.span, () => assessModel(law, model)) }));
  const bandEdges = bandEdgeEfficiencies(law, entries[0].verdict.compute);
  return withRepetition(verdictPayload(entries, law, bandEdges, statement.span.line + 1), law, repetitionRows(law, models));
}

/** `compare MODEL, MODEL[, …] [laws=a,b]`. */
export function evaluateCompare(context: EvaluationContext): ResultPayload {
  const { statement, scope } = context;
  const values = new StatementValues(statement);
  const laws = values.names('laws')?.map((node) => scope.lawNamed(node)) ?? lawsToCompare(scope);
  const named = modelNames(context).map((node) => ({ node, model: scope.model(node) }));
  const models = named.map(({ node, model }) => ({
    name: node.name,
    verdicts: laws.map((law) => atSpan(node.span, () => assessModel(law, model))),
  }));
  return withRepetitionByLaw(comparePayload(models, laws, statement.span.line + 1), laws, repetitionRowsByLaw(laws, named));
}
