import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { evaluateWithResources } from '../../../src/language/evaluator/evaluateWithResources';
import { computeFitRequest } from '../../../src/language/evaluator/inThreadFitRunner';
import { readScalingMarkdown } from '../../../src/markdownFormat/markdownCells';
import { readResultPayload } from '../../../src/renderer/payloadValidation';
import { assertValidVegaLite } from '../../charts/vegaLiteKit';

const EXAMPLES = join(__dirname, '../../../examples');

/** Every result of an example notebook, evaluated with its data files and fits provided. */
async function exampleResults(name: string) {
  const path = join(EXAMPLES, name);
  const cells = readScalingMarkdown(readFileSync(path, 'utf8'))
    .filter((entry) => entry.cell.kind === 'code')
    .map((entry) => entry.cell.source);
  const { evaluations } = await evaluateWithResources(
    cells,
    {},
    {
      readFile: async (file) => ({ text: readFileSync(join(dirname(path), file), 'utf8') }),
      runFit: async (request) => computeFitRequest(request),
    },
  );
  assert.ok(
    evaluations.every((evaluation) => evaluation.ok),
    JSON.stringify(evaluations.map((evaluation) => evaluation.diagnostics)),
  );
  return evaluations.flatMap((evaluation) => evaluation.results);
}

describe('language/output: mixture and multilingual payloads', () => {
  for (const [name, kinds] of [
    ['data-mixture.scaling', ['data', 'fit', 'optimal-mixture', 'plot']],
    ['multilingual.scaling', ['languages', 'transfer']],
  ] as const) {
    it(`${name}: every result is a payload the renderer draws, with valid Vega-Lite charts`, async () => {
      const results = await exampleResults(name);
      for (const kind of kinds)
        assert.ok(
          results.some((result) => result.kind === kind),
          kind,
        );
      for (const result of results) {
        const read = readResultPayload(JSON.parse(JSON.stringify(result)));
        assert.equal(read.title, result.title);
        if (result.chart) assertValidVegaLite(result.chart.spec);
      }
    });
  }
});
