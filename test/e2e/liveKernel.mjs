// End-to-end checks of the incremental, live kernel, shared by run.mjs (code-server) and
// runWeb.mjs (VS Code for the Web): results that follow an edit without pressing Run, a data file
// changed on disk, and Run All on a long generated notebook in a bounded time.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cellErrors, outputText } from './checks.mjs';
import { seconds } from './suite.mjs';
import { waitUntil } from './workbench.mjs';

export const LIVE_NOTEBOOK = 'live-results.scaling';
export const DATA_NOTEBOOK = 'live-data.scaling';
export const GENERATED_NOTEBOOK = 'generated-200.scaling';
const GENERATED_CELLS = 200;

const fence = (code) => `\`\`\`scaling\n${code}\n\`\`\``;

/**
 * Cell i of the generated notebook: a model every third cell, a check of it, an optimal (the
 * kernel benchmark's notebook, bench/kernel.bench.ts). The last check is of m198: 1B parameters on
 * 218B tokens, 218 tokens/param, ten times the Chinchilla optimum of about 20: overtrained.
 */
function generatedCell(index) {
  const model = index - (index % 3);
  if (index % 3 === 0) return `model m${model} params=${1 + (model % 9)}B tokens=${20 + model}B`;
  return index % 3 === 1 ? `check m${model}` : `optimal compute=${1 + (model % 9)}e22`;
}

/** Writes the notebooks these checks open into the (temporary) workspace: code cells only, so row i is code cell i. */
export function writeKernelNotebooks(workspace) {
  // 1T tokens on 1B parameters is 1,000 tokens/param: overtrained; on 300B, 3.3: undertrained.
  writeFileSync(path.join(workspace, LIVE_NOTEBOOK), `${fence('model probe params=1B tokens=1T')}\n\n${fence('check probe')}\n`);
  writeFileSync(path.join(workspace, DATA_NOTEBOOK), `${fence('data runs from "live-runs.csv"')}\n\n${fence('fit runs')}\n`);
  writeFileSync(path.join(workspace, 'live-runs.csv'), readFileSync(path.join(workspace, 'runs', 'ladder.csv'), 'utf8'));
  const cells = Array.from({ length: GENERATED_CELLS }, (_, index) => fence(generatedCell(index)));
  writeFileSync(path.join(workspace, GENERATED_NOTEBOOK), `${cells.join('\n\n')}\n`);
}

/** True when the active editor tab shows unsaved changes. */
async function activeTabDirty(page) {
  return (await page.locator('.editor-group-container.active .tab.active.dirty').count()) > 0;
}

/** The output text of cell `index`. */
async function cellOutput(workbench, index) {
  const cells = await workbench.scanCells();
  const cell = cells.find((candidate) => candidate.index === index);
  return cell ? outputText(cell) + cellErrors(cell).join('\n') : '';
}

/** Edit a model's params= in a cell that has run: the check below follows without pressing Run. */
export async function testLiveResults({ suite, workbench, page }) {
  await suite.check('opens in the notebook editor', async () => {
    await workbench.closeAllEditors();
    await workbench.openNotebook(LIVE_NOTEBOOK);
  });
  const ran = await suite.check('Run All: the check shows "probe: overtrained"', async () => {
    await workbench.runAllAndWait({ timeout: 60_000 });
    const text = await waitUntil(
      'the check output',
      async () => {
        const output = await cellOutput(workbench, 1);
        return output.includes('probe: overtrained') ? output : undefined;
      },
      { timeout: 20_000 },
    );
    return JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 100));
  });
  if (!ran) return;
  await suite.check('Run All leaves the notebook unmodified (outputs are not part of the file)', async () => {
    if (await activeTabDirty(page)) throw new Error('the notebook tab shows unsaved changes after Run All');
  });
  await suite.check('editing params= in the model cell updates the check below without Run', async () => {
    await workbench.scrollToTop();
    const editor = page.locator('.notebookOverlay .monaco-list-row[data-index="0"] .cell-editor-container .view-lines');
    await editor.first().click();
    await page.keyboard.press('Control+A');
    const started = Date.now();
    await page.keyboard.type('model probe params=300B tokens=1T');
    await page.keyboard.press('Escape');
    const text = await waitUntil(
      'the check cell to show "probe: undertrained"',
      async () => {
        const output = await cellOutput(workbench, 1);
        return output.includes('probe: undertrained') ? output : undefined;
      },
      { timeout: 20_000, interval: 250 },
    );
    return `${seconds(Date.now() - started)} after typing began: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 80))}`;
  });
  await workbench.closeAllEditors().catch(() => {});
}

/**
 * A data file changed on disk: the cells that read it follow without Run, the fit is not started
 * (a note asks to re-run), and the notebook stays unmodified. Needs file events from the host.
 */
export async function testLiveDataFile({ suite, workbench, page, workspace }) {
  await suite.check('opens in the notebook editor', async () => {
    await workbench.closeAllEditors();
    await workbench.openNotebook(DATA_NOTEBOOK);
  });
  const ran = await suite.check('Run All reads the file and fits it', async () => {
    await workbench.runAllAndWait({ timeout: 90_000 });
    const fit = await cellOutput(workbench, 1);
    if (/Re-run this cell/.test(fit) || !fit.trim()) throw new Error(`the fit cell shows ${JSON.stringify(fit.slice(0, 200))}`);
    return JSON.stringify(fit.replace(/\s+/g, ' ').slice(0, 80));
  });
  if (!ran) return;
  await suite.check('changing the file on disk asks the fit cell to re-run, without marking the notebook modified', async () => {
    const file = path.join(workspace, 'live-runs.csv');
    const rows = readFileSync(file, 'utf8').trimEnd().split('\n');
    // Drop the last run: the data set changes, so its fit must be computed again.
    writeFileSync(file, `${rows.slice(0, -1).join('\n')}\n`);
    const text = await waitUntil(
      'the fit cell to show the re-run note',
      async () => {
        const output = await cellOutput(workbench, 1);
        return output.includes('Re-run this cell to refit') ? output : undefined;
      },
      { timeout: 30_000, interval: 500 },
    );
    if (await activeTabDirty(page)) throw new Error('the notebook tab shows unsaved changes after a live re-run');
    return JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 100));
  });
  await workbench.closeAllEditors().catch(() => {});
}

/** The output text of the generated notebook's last cell as drawn now, the notebook scrolled to its end. */
async function lastCellText(workbench) {
  await workbench.scrollNotebook(1e7);
  const info = await workbench.visibleRows();
  const row = info?.rows.find((candidate) => candidate.index === GENERATED_CELLS - 1);
  if (!row) return '';
  const outputs = (await workbench.webviewOutputs()).filter((cell) => Math.abs(cell.top - row.top) < 3).flatMap((cell) => cell.outputs);
  return outputText({ ...row, outputs });
}

/**
 * Run All on the generated notebook: the last cell (cells run in order) finishes within
 * `limitSeconds`, timed from the command to its success mark; then every cell is scanned (not
 * timed: scrolling through 200 cells of outputs takes longer than running them) for its state and
 * the last check's verdict.
 */
export async function testGeneratedRunAll({ suite, workbench, limitSeconds }) {
  await suite.check('opens in the notebook editor', async () => {
    await workbench.closeAllEditors();
    await workbench.openNotebook(GENERATED_NOTEBOOK);
  });
  const ran = await suite.check(`Run All of ${GENERATED_CELLS} cells finishes within ${limitSeconds} s`, async () => {
    await workbench.runCommand('Notebook: Run All');
    const started = Date.now();
    await waitUntil(
      `cell ${GENERATED_CELLS} to finish`,
      async () => {
        const info = await workbench.visibleRows();
        const last = info?.rows.find((row) => row.index === GENERATED_CELLS - 1);
        if (!last) await workbench.scrollNotebook(1e7);
        return last?.state === 'success' || last?.state === 'error';
      },
      { timeout: limitSeconds * 1000, interval: 250 },
    );
    return `the last cell finished ${seconds(Date.now() - started)} after Run All`;
  });
  if (!ran) return;
  await suite.check(`all ${GENERATED_CELLS} cells succeeded and the last check shows "m198: overtrained"`, async () => {
    const started = Date.now();
    const code = (await workbench.scanCells()).filter((cell) => cell.kind === 'code');
    if (code.length !== GENERATED_CELLS) throw new Error(`scanned ${code.length} code cells, expected ${GENERATED_CELLS}`);
    const failed = code.filter((cell) => cell.state !== 'success');
    if (failed.length) throw new Error(`cells ${failed.map((cell) => `#${cell.index} (${cell.state})`).join(', ')} did not succeed`);
    const last = code.find((cell) => cell.index === GENERATED_CELLS - 1);
    let text = outputText(last);
    // The scan may pass the last row before its output's webview has drawn it: read it again where it stands.
    if (!text.includes('m198: overtrained')) {
      await waitUntil(
        "the last cell's output to render",
        async () => (text = await lastCellText(workbench)).includes('m198: overtrained'),
        {
          timeout: 15_000,
          interval: 500,
        },
      ).catch(() => {});
    }
    if (!text.includes('m198: overtrained')) throw new Error(`the last check shows ${JSON.stringify(text.slice(0, 200))}`);
    return `scanned in ${seconds(Date.now() - started)}`;
  });
  await workbench.closeAllEditors().catch(() => {});
}
