import { formatCount, withRunsValidity } from '../../core';
import { unusableLawReason } from '../../core/fit/fitDiagnostics';
import {
  FitDataError,
  lawFromFit,
  looksLikeTrainingCurves,
  parseRunsCsv,
  type BootstrapRequestOptions,
  type FitPoint,
} from '../../core/fit';
import type { ValueNode } from '../ast';
import { errorAt } from '../diagnostics';
import { fitPayload } from '../output/fitPayload';
import type { ResultPayload } from '../output/resultPayload';
import { formatLoss, formatShares } from '../../core/numberFormat';
import { evaluateAllocationFit, fitApproach, withAllApproaches } from './approachStatements';
import { bootstrapConfidence } from './checkedValues';
import { evaluateCurvesData } from './curveData';
import { declareDataSet, namedColumns } from './dataDeclaration';
import { assessFit } from './fitAssessment';
import type { EvaluationContext } from './evaluationContext';
import { evaluateMixtureFit } from './mixtureStatements';
import { PendingResourceError, providedFit, type ChinchillaFitRequest } from './resources';
import { StatementValues, atSpan } from './statementValues';

/** The `data` statement's file path: `from "runs.csv"`. */
function filePath(context: EvaluationContext): { path: string; span: ValueNode['span'] } | undefined {
  const [from, path, ...rest] = context.statement.positionals;
  if (!from) return undefined;
  if (from.type !== 'name' || from.name !== 'from' || path?.type !== 'string' || rest.length > 0) {
    throw errorAt(from.span, 'syntax', 'expected: data NAME from "file.csv"', 'or give the table as indented lines under "data NAME"');
  }
  return { path: path.value, span: path.span };
}

/** `data NAME from "runs.csv"` or `data NAME` with an indented table: declares training runs. */
export function evaluateData(context: EvaluationContext): ResultPayload {
  const { statement, resources, pending } = context;
  const name = statement.name;
  if (!name) throw errorAt(statement.keywordSpan, 'syntax', '"data" needs a name', 'write: data NAME from "runs.csv"');
  const values = new StatementValues(statement);
  const columns = namedColumns(values, ['params', 'tokens', 'compute', 'loss'] as const, 'n_params');
  const file = filePath(context);
  let text: string;
  let origin: string;
  if (file) {
    const outcome = resources.files?.get(file.path);
    if (!outcome) {
      pending.files.push(file.path);
      throw new PendingResourceError(`file ${file.path}`);
    }
    if ('error' in outcome)
      throw errorAt(
        file.span,
        'data-error',
        `cannot read "${file.path}": ${outcome.error}`,
        'paths are relative to the notebook and must stay inside the workspace',
      );
    text = outcome.text;
    origin = `"${file.path}"`;
  } else if (statement.block) {
    text = statement.block.lines.map((line) => line.trim()).join('\n');
    origin = `the table on lines ${statement.block.firstLine + 1}–${statement.block.firstLine + statement.block.lines.length}`;
  } else {
    throw errorAt(
      statement.span,
      'syntax',
      `"data ${name.name}" needs runs`,
      'write: data NAME from "runs.csv", or an indented table (header, then rows) under it',
    );
  }
  if (looksLikeTrainingCurves(text)) return evaluateCurvesData(context, name, text, origin, file?.span ?? statement.span);
  const domains = values.names('domains')?.map((node) => node.name);
  const runs = atSpan(file?.span ?? statement.span, () => {
    try {
      return parseRunsCsv(text, {
        columns,
        ...(domains ? { domains } : {}),
        ...(file ? {} : { firstLine: statement.block!.firstLine + 1 }),
      });
    } catch (error) {
      // A bad row of an inline table is underlined where it stands in the cell.
      if (!file && error instanceof FitDataError && error.line !== undefined) {
        const line = error.line - 1;
        const lineText = context.statement.block!.lines[line - statement.block!.firstLine] ?? '';
        // The span says where; the table's own "line N" would count differently from the file's.
        const message = error.message.replace(/^line \d+(?:, |: | )?/, '');
        throw errorAt(
          { line, start: lineText.length - lineText.trimStart().length, end: lineText.trimEnd().length },
          'invalid-value',
          `this table row: ${message}`,
        );
      }
      throw error;
    }
  });
  return declareDataSet(
    context,
    name,
    { points: runs.points, summary: runs.summary, domains: runs.domains },
    {
      title: `${name.name}: ${runs.points.length} runs from ${origin}`,
      rows: runs.points,
      table: (shown) => ({
        columns: ['run', 'N', 'D', ...runs.domains, 'loss'],
        align: ['left', 'right', 'right', ...runs.domains.map(() => 'right' as const), 'right'],
        rows: shown.map((point, index) => [
          point.source ?? String(index + 1),
          formatCount(point.params),
          formatCount(point.tokens),
          ...formatShares(point.weights ?? []),
          formatLoss(point.loss),
        ]),
      }),
      ignoredColumns: runs.ignoredColumns,
      data: { name: name.name, points: runs.points, columns: runs.columns, tokensFromCompute: runs.tokensFromCompute },
    },
  );
}

/** The fit (and bootstrap) a `fit` line asks for, from its properties. */
function fitRequest(
  values: StatementValues,
  points: readonly FitPoint[],
  predicted: ReadonlyArray<{ params: number; tokens: number }>,
): ChinchillaFitRequest {
  const fixed = Object.fromEntries(
    (['E', 'A', 'B', 'alpha', 'beta'] as const).flatMap((key) => (values.has(key) ? [[key, values.number(key)!]] : [])),
  );
  const delta = values.positive('delta', 'delta');
  const fitOptions = { ...(delta !== undefined ? { delta } : {}), ...(Object.keys(fixed).length > 0 ? { fixed } : {}) };
  const samples = values.number('bootstrap') ?? 0;
  if (samples === 0) return { kind: 'fit', points, options: fitOptions };
  const seed = values.number('seed') ?? 1;
  const confidence = bootstrapConfidence(values);
  const options: BootstrapRequestOptions = {
    samples,
    seed,
    ...(confidence !== undefined ? { confidence } : {}),
    fit: fitOptions,
    plannedRuns: predicted.map(({ params, tokens }) => ({ params, tokens })),
  };
  return { kind: 'bootstrap', points, options };
}

/** `fit DATA …`: fits the Chinchilla form to a data set; the fit becomes the active law. */
export function evaluateFit(context: EvaluationContext): ResultPayload {
  const { statement, scope, resources, pending } = context;
  const name = statement.name;
  if (!name) throw errorAt(statement.keywordSpan, 'syntax', '"fit" needs a data set', 'write: fit NAME, after data NAME from "runs.csv"');
  const data = scope.lookup(name.name);
  if (data?.kind !== 'data') {
    throw data
      ? errorAt(name.span, 'invalid-value', `"${name.name}" is a ${data.kind}, not a data set`)
      : scope.unknown(name, 'data set', scope.namesOf('data'));
  }
  const values = new StatementValues(statement);
  if (values.has('mixture')) return evaluateMixtureFit(context, data, values);
  const approach = fitApproach(values);
  if (approach === 'isoflop' || approach === 'envelope') return evaluateAllocationFit(context, data, values, approach);
  const predicted = (values.names('predict') ?? []).map((node) => ({ ...scope.model(node), name: node.name }));
  const request = fitRequest(
    values,
    data.points,
    predicted.map((model) => ({ params: model.activeParams ?? model.params, tokens: model.tokens })),
  );
  const outcome = providedFit(resources, request);
  if (!outcome) {
    pending.fits.push(request);
    scope.setFit(data.name, 'pending');
    throw new PendingResourceError(`the fit of ${data.name}`);
  }
  if ('error' in outcome) throw errorAt(name.span, 'data-error', `cannot fit ${data.name}: ${outcome.error}`);
  const { fit, bootstrap } = outcome;
  const problem = unusableLawReason(fit);
  if (problem) {
    // Show what was fitted and why it fails, instead of only the law's validation error; the law
    // stays out of scope so later uses say why (see Scope.lawNamed).
    scope.setUnusableFit(data.name, problem);
    const payload = fitPayload(data.name, outcome, undefined, statement.span.line + 1);
    return { ...payload, notes: [...payload.notes, `"${data.name}" is not a usable law (${problem}), so the active law is unchanged.`] };
  }
  const law = atSpan(name.span, () => withRunsValidity(lawFromFit(fit, data.name), data.points));
  scope.setFit(data.name, {
    law,
    predictions: predicted.map((model, index) => {
      const interval = bootstrap?.plannedRuns[index]?.loss;
      return {
        name: model.name,
        params: model.activeParams ?? model.params,
        tokens: model.tokens,
        ...(interval ? { loss: { low: interval.low, high: interval.high } } : {}),
      };
    }),
  });
  scope.setActiveLaw(law);
  const payload = fitPayload(
    data.name,
    { fit, ...(bootstrap ? { bootstrap } : {}) },
    assessFit(law, data.points, scope.fitOf(data.name)!.predictions),
    statement.span.line + 1,
  );
  const parametric = {
    ...payload,
    notes: [...payload.notes, `"${data.name}" is now the active law; use it by name (law ${data.name}, check … law=${data.name}).`],
  };
  return approach === 'all' ? withAllApproaches(context, data, values, parametric, outcome) : parametric;
}
