import {
  assessModel,
  customLaw,
  formatCount,
  formatDollars,
  formatRatio,
  formatScientific,
  hardwareBudget,
  trainingCompute,
} from '../../core';
import { errorAt } from '../diagnostics';
import { RESULT_PAYLOAD_VERSION, type ColumnAlign, type PayloadFrame, type ResultPayload } from '../output/resultPayload';
import { REPETITION_COLUMNS, repetitionCells, repetitionJson, repetitionNotes } from '../output/repetitionTables';
import { formatLoss } from '../../core/numberFormat';
import { formatAcceleratorCount, formatParams } from '../output/resultTables';
import type { EvaluationContext } from './evaluationContext';
import type { BudgetDeclaration, ModelDeclaration } from './scope';
import { StatementValues, atSpan } from './statementValues';
import { repetitionOf } from './uniqueData';

function declaredName(context: EvaluationContext) {
  const { statement } = context;
  if (!statement.name) {
    throw errorAt(statement.keywordSpan, 'syntax', `"${statement.keyword}" needs a name`, `write: ${statement.keyword} NAME …`);
  }
  return statement.name;
}

/**
 * A declaration's result without its data: one table row, so that consecutive declarations of a
 * cell merge into one table (see mergeDeclarationTables). Its numbers go in a one-element `data` list.
 */
function declarationFrame<K extends 'model' | 'budget'>(
  kind: K,
  title: string,
  line: number,
  content: { columns: string[]; align: ColumnAlign[]; row: string[]; notes: string[] },
): PayloadFrame<K> {
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind,
    title,
    line,
    tables: [{ columns: content.columns, align: content.align, rows: [content.row] }],
    notes: content.notes,
  };
}

/** `law NAME` activates a preset or declared law; `law NAME E=… A=… …` declares and activates one. */
export function evaluateLaw(context: EvaluationContext): ResultPayload<'law'> {
  const { statement, scope } = context;
  const name = declaredName(context);
  const values = new StatementValues(statement);
  if (statement.properties.length === 0) {
    scope.setActiveLaw(scope.lawNamed(name));
  } else {
    const constant = (key: string) => {
      values.require(key, 'a number');
      return values.number(key)!;
    };
    const constants = { E: constant('E'), A: constant('A'), B: constant('B'), alpha: constant('alpha'), beta: constant('beta') };
    const law = atSpan(statement.span, () =>
      customLaw(name.name, constants, `custom constants (cell ${context.cellIndex + 1}, line ${statement.span.line + 1})`),
    );
    scope.declare({ kind: 'law', name: name.name, law, site: { cellIndex: context.cellIndex, span: name.span } }, name.span);
    scope.setActiveLaw(law);
  }
  const law = scope.law;
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'law',
    title: `Active law: ${law.name}`,
    line: statement.span.line + 1,
    tables: [
      {
        columns: ['law', ...Object.keys(law.constants)],
        align: ['left', ...Object.keys(law.constants).map(() => 'right' as const)],
        rows: [[law.id, ...Object.values(law.constants).map((value) => formatRatio(value, 5))]],
      },
    ],
    notes: [law.citation, ...(law.caveat ? [law.caveat] : [])],
    data: { law: law.id, constants: law.constants, citation: law.citation },
  };
}

/** `model NAME params=… tokens=… [active=…]`: declares a model and summarises it under the active law. */
export function evaluateModel(context: EvaluationContext): ResultPayload<'model'> {
  const { statement, scope } = context;
  const name = declaredName(context);
  const values = new StatementValues(statement);
  values.require('params', '70B');
  values.require('tokens', '1.4T');
  const params = values.positive('params', 'params')!;
  const tokens = values.positive('tokens', 'tokens')!;
  const activeParams = values.positive('active', 'active parameters');
  if (activeParams !== undefined && activeParams > params) {
    throw errorAt(
      values.property('active')!.value.span,
      'invalid-value',
      `active parameters (${formatCount(activeParams)}) cannot exceed params (${formatCount(params)})`,
      'active counts the parameters used per token, a subset of params',
    );
  }
  const layers = values.positive('layers', 'layers');
  const contextLength = values.positive('context', 'context length');
  const modelWidth = values.positive('width', 'width');
  const shape = [layers, contextLength, modelWidth];
  if (shape.some((value) => value !== undefined) && shape.some((value) => value === undefined)) {
    throw errorAt(
      statement.span,
      'missing-property',
      "Kaplan's attention FLOPs need layers, context and width together",
      'give all three, or none',
    );
  }
  const architecture = layers && contextLength && modelWidth ? { layers, contextLength, modelWidth } : undefined;
  const uniqueTokens = values.positive('unique', 'unique tokens');
  const model: ModelDeclaration = {
    kind: 'model',
    name: name.name,
    params,
    tokens,
    ...(activeParams !== undefined ? { activeParams } : {}),
    ...(architecture ? { architecture } : {}),
    ...(uniqueTokens !== undefined ? { uniqueTokens } : {}),
    site: { cellIndex: context.cellIndex, span: name.span },
  };
  scope.declare(model, name.span);
  const verdict = assessModel(scope.law, model);
  const repetition = repetitionOf(scope.law, model);
  if (verdict.label !== 'near compute-optimal') {
    context.hints.push({
      code: 'far-from-optimal',
      severity: 'information',
      message: `${name.name} is ${verdict.label} under ${scope.law.id}: ${formatRatio(verdict.tokensPerParam)} tokens/param vs ${formatRatio(verdict.optimal.tokensPerParam)} optimal at this compute`,
      span: name.span,
    });
  }
  const frame = declarationFrame('model', 'Models', statement.span.line + 1, {
    columns: ['model', 'N', 'D', 'D/N', 'C (FLOP)', 'loss', 'verdict', ...(repetition ? REPETITION_COLUMNS : [])],
    align: [
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'left',
      ...(repetition ? REPETITION_COLUMNS.map(() => 'right' as const) : []),
    ],
    row: [
      name.name,
      formatParams(params, verdict.activeParams),
      formatCount(tokens),
      formatRatio(verdict.tokensPerParam),
      formatScientific(verdict.compute),
      formatLoss(verdict.loss),
      verdict.label,
      ...(repetition ? repetitionCells(repetition) : []),
    ],
    notes: repetition ? repetitionNotes([scope.law]) : [],
  });
  return {
    ...frame,
    data: [
      {
        name: name.name,
        params,
        activeParams: verdict.activeParams,
        tokens,
        compute: trainingCompute(verdict.activeParams, tokens, architecture),
        verdict: verdict.label,
        law: scope.law.id,
        ...(repetition ? repetitionJson(repetition) : {}),
      },
    ],
  };
}

/** `budget NAME compute=…` or `budget NAME gpus=… gpu=… days=… mfu=… [price=…]`. */
export function evaluateBudget(context: EvaluationContext): ResultPayload<'budget'> {
  const { statement, scope } = context;
  const name = declaredName(context);
  const values = new StatementValues(statement);
  const site = { cellIndex: context.cellIndex, span: name.span };
  let budget: BudgetDeclaration;
  if (values.has('compute')) {
    const extra = ['gpus', 'gpu', 'days', 'hours', 'mfu', 'price', 'peak'].find((key) => values.has(key));
    if (extra)
      throw errorAt(
        values.property(extra)!.keySpan,
        'invalid-value',
        `give either compute=… or a hardware booking, not both`,
        `remove ${extra}=…`,
      );
    budget = { kind: 'budget', name: name.name, compute: values.positive('compute', 'compute')!, site };
  } else {
    if (!values.has('gpus'))
      throw errorAt(
        statement.keywordSpan,
        'missing-property',
        '"budget" needs compute=… or gpus=… gpu=… days=… mfu=…',
        'add compute=1e24, or gpus=1024 gpu=H100 days=30 mfu=40%',
      );
    const gpuNode = values.require('gpu', 'H100');
    const [gpuName] = atSpan(gpuNode.value.span, () => values.names('gpu')!);
    const accelerators = values.positive('gpus', 'gpus')!;
    if (!values.has('days') && !values.has('hours'))
      throw errorAt(statement.keywordSpan, 'missing-property', '"budget" needs days=… or hours=…', 'add days=30');
    if (values.has('days') && values.has('hours'))
      throw errorAt(values.property('hours')!.keySpan, 'invalid-value', 'give days=… or hours=…, not both');
    const hours = values.positive('hours', 'hours') ?? values.positive('days', 'days')! * 24;
    values.require('mfu', '40%');
    const mfu = values.number('mfu', { unit: 'percent' })!;
    if (!(mfu > 0 && mfu <= 1))
      throw errorAt(
        values.property('mfu')!.value.span,
        'invalid-value',
        `mfu must be between 0% and 100%, got ${formatRatio(mfu * 100)}%`,
        'typical large-scale training reaches 30–50%',
      );
    const pricePerHour = values.number('price', { unit: 'dollars' });
    if (pricePerHour !== undefined && pricePerHour < 0)
      throw errorAt(values.property('price')!.value.span, 'invalid-value', 'price must not be negative');
    const hardware = atSpan(gpuNode.value.span, () =>
      hardwareBudget({
        accelerators,
        accelerator: gpuName.name,
        hours,
        mfu,
        pricePerHour,
        peakFlops: values.positive('peak', 'peak FLOP/s'),
      }),
    );
    budget = { kind: 'budget', name: name.name, compute: hardware.compute, hardware: { ...hardware, accelerators, hours, mfu }, site };
  }
  scope.declare(budget, name.span);
  const hardware = budget.hardware;
  const frame = declarationFrame('budget', 'Budgets', statement.span.line + 1, {
    columns: ['budget', 'C (FLOP)', 'hardware', 'GPU-hours', 'cost'],
    align: ['left', 'right', 'left', 'right', 'right'],
    row: [
      name.name,
      formatScientific(budget.compute),
      hardware
        ? `${formatAcceleratorCount(hardware.accelerators)} × ${hardware.accelerator.id}, ${formatRatio(hardware.hours / 24)} ${hardware.hours === 24 ? 'day' : 'days'} at ${formatRatio(hardware.mfu * 100)}% MFU`
        : '—',
      hardware ? formatCount(hardware.acceleratorHours) : '—',
      hardware?.cost !== undefined ? formatDollars(hardware.cost) : '—',
    ],
    notes: [],
  });
  return {
    ...frame,
    data: [
      {
        name: name.name,
        compute: budget.compute,
        ...(hardware ? { acceleratorHours: hardware.acceleratorHours, cost: hardware.cost, accelerator: hardware.accelerator.id } : {}),
      },
    ],
  };
}
