import * as assert from 'node:assert/strict';
import { evaluateNotebook, type CellEvaluation } from '../../src/language/evaluator/evaluateNotebook';
import type { DiagnosticCode } from '../../src/language/diagnostics';
import type { ResultDataByKind } from '../../src/language/output/resultData';
import type { ResultKind, ResultPayload } from '../../src/language/output/resultPayload';

/** Evaluates cells (one string each) and returns the last cell's evaluation. */
export function evaluateLast(...cells: string[]): CellEvaluation {
  const evaluations = evaluateNotebook(cells);
  return evaluations[evaluations.length - 1];
}

/** One line of input → the diagnostic codes it must produce (errors, warnings and hints), in order. */
export function assertDiagnostics(input: string | string[], ...codes: DiagnosticCode[]): CellEvaluation {
  const evaluation = evaluateLast(...(Array.isArray(input) ? input : [input]));
  assert.deepEqual(
    evaluation.diagnostics.map((diagnostic) => diagnostic.code),
    codes,
    `diagnostics for ${JSON.stringify(input)}: ${evaluation.diagnostics.map((diagnostic) => diagnostic.message).join(' | ')}`,
  );
  return evaluation;
}

/** The `data` of the only result of the last cell. */
export function onlyResultData(...cells: string[]): any {
  const evaluation = evaluateLast(...cells);
  assert.equal(
    evaluation.results.length,
    1,
    `results: ${evaluation.results.map((result) => result.kind).join(', ')}; diagnostics: ${evaluation.diagnostics.map((d) => d.message).join(' | ')}`,
  );
  return evaluation.results[0].data;
}

/** A result's data as its kind types it; fails the test when the result is of another kind. */
export function dataOf<K extends ResultKind>(result: ResultPayload, kind: K): ResultDataByKind[K] {
  assert.equal(result.kind, kind, `a ${kind} result`);
  return (result as ResultPayload<K>).data;
}
