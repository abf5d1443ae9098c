// What the end-to-end suites check on a scanned notebook (see Workbench.scanCells): expectations
// from expectations.mjs, rendered outputs, charts and errors. Shared by run.mjs and runWeb.mjs.

import { waitUntil } from './workbench.mjs';

/** Finds the code cell an expectation is about. */
export function findCell(cells, expectation) {
  const code = cells.filter((cell) => cell.kind === 'code');
  if (typeof expectation.cell === 'number') return code[expectation.cell];
  if (expectation.source !== undefined) return code.find((cell) => matches(cell.source ?? '', expectation.source));
  return undefined;
}

export function matches(text, pattern) {
  return pattern instanceof RegExp ? pattern.test(text) : text.includes(pattern);
}

export function describe(expectation) {
  const where = typeof expectation.cell === 'number' ? `code cell ${expectation.cell}` : `the cell with ${expectation.source}`;
  const what = [
    ...(expectation.contains ?? []).map((item) => `"${item}"`),
    ...(expectation.notContains ?? []).map((item) => `not "${item}"`),
    expectation.chart ? 'a chart' : '',
    expectation.error ? 'an error' : '',
  ].filter(Boolean);
  return `${where} shows ${what.join(', ') || 'an output'}`;
}

export const outputText = (cell) => cell.outputs.map((output) => output.text).join('\n');
export const cellCharts = (cell) => cell.outputs.flatMap((output) => output.charts);
export const cellErrors = (cell) => cell.outputs.flatMap((output) => [...output.builtinErrors, ...output.rendererErrors]);
export const goodChart = (chart) => chart.state === 'ready' && chart.svg && chart.marks > 0;

/** Returns undefined when the expectation holds, otherwise what is wrong. */
export function unmet(expectation, cells) {
  const cell = findCell(cells, expectation);
  if (!cell) return `no such code cell (the notebook has ${cells.filter((c) => c.kind === 'code').length} code cells)`;
  const text = outputText(cell);
  const problems = [];
  for (const item of expectation.contains ?? []) if (!matches(text, item)) problems.push(`missing "${item}"`);
  for (const item of expectation.notContains ?? []) if (matches(text, item)) problems.push(`unexpected "${item}"`);
  if (expectation.chart && !cellCharts(cell).some(goodChart)) problems.push('no rendered chart with marks');
  if (expectation.error && cell.state !== 'error' && cellErrors(cell).length === 0) problems.push('no error shown');
  if (!problems.length) return undefined;
  return `${problems.join('; ')}\ncell #${cell.index} source: ${JSON.stringify(cell.source)}\nstate: ${cell.state}\noutput: ${JSON.stringify(text.slice(0, 600))}`;
}

/** Every output of every code cell shows something, and no chart is still loading. */
export function rendered(cells) {
  return cells
    .filter((cell) => cell.kind === 'code')
    .every(
      (cell) =>
        cell.outputs.every(
          (output) => output.text || output.charts.length || output.builtinErrors.length || output.rendererErrors.length,
        ) && cellCharts(cell).every((chart) => chart.state === 'ready' || chart.state === 'error'),
    );
}

/** Rescans until outputs have rendered and the expectations hold, or the timeout; returns the last scan. */
export async function settle(workbench, wanted, timeout = 30_000) {
  let last;
  await waitUntil(
    'outputs to render',
    async () => {
      last = await workbench.scanCells();
      return rendered(last) && wanted.every((expectation) => !unmet(expectation, last));
    },
    { timeout, interval: 300 },
  ).catch(() => {});
  return last;
}
