#!/usr/bin/env node
// End-to-end test in a real VS Code (code-server 4.100.3 = VS Code 1.100.3, Node extension host)
// driven in Debian's Chromium:
//
//   1. `npm run package` → dist/scaling-notebooks.vsix, installed with --install-extension into a
//      fresh code-server (the packaging is tested, not just the sources);
//   2. for every examples/*.scaling: open it, "Notebook: Run All", wait for every code cell to
//      finish, check what a user sees (expected numbers, rendered charts with marks, no errors),
//      hover a model name, screenshot in a light and a dark theme;
//   3. type an error into a new cell: a diagnostic appears and the other cells still run;
//   4. hover a phrase like "70B parameters trained on 1.4T tokens" in examples/design-doc.md;
//   5. live results (test/e2e/liveKernel.mjs): edit a model's params= and see the check below
//      change without Run; change a data file on disk and see its fit ask to re-run; Run All on a
//      200-cell generated notebook within a bounded time.
//   6. export a notebook as an HTML report and as Markdown with charts, and open the report in
//      Chromium to see its charts (test/e2e/reportExport.mjs).
// What each notebook must show is listed in test/e2e/expectations.mjs.
//
//   node test/e2e/run.mjs [--vsix FILE] [--examples DIR] [--only NAME] [--results DIR]
//                         [--expectations FILE] [--run-timeout SECONDS] [--suite-timeout SECONDS]
//
// --vsix skips `npm run package` and installs the given package instead. The examples folder is
// copied to a temp workspace, so the test never edits the real files. Results, screenshots and, on
// failure, the browser console and extension host logs go to test-results/.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LIGHT_THEME, packageExtension, startCodeServer } from '../../scripts/e2e/codeServer.mjs';
import { REPO_ROOT } from '../../scripts/e2e/installVsCode.mjs';
import * as defaults from './expectations.mjs';
import { cellCharts, cellErrors, describe, findCell, goodChart, outputText, settle, unmet } from './checks.mjs';
import {
  DATA_NOTEBOOK,
  GENERATED_NOTEBOOK,
  LIVE_NOTEBOOK,
  testGeneratedRunAll,
  testLiveDataFile,
  testLiveResults,
  writeKernelNotebooks,
} from './liveKernel.mjs';
import { copyExamples, seconds, slug, Suite } from './suite.mjs';
import { openWorkbench, waitUntil } from './workbench.mjs';
import { testReportExport } from './reportExport.mjs';

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string' },
    examples: { type: 'string', default: path.join(REPO_ROOT, 'examples') },
    expectations: { type: 'string' },
    only: { type: 'string' },
    results: { type: 'string', default: path.join(REPO_ROOT, 'test-results') },
    'suite-timeout': { type: 'string', default: String(10 * 60) },
    'run-all-limit': { type: 'string', default: '120' },
    'run-timeout': { type: 'string', default: '90' },
  },
});

const log = (line) => console.log(line);
const expectations = options.expectations ? await import(path.resolve(options.expectations)) : defaults;
const suite = new Suite({ resultsDir: path.resolve(options.results), log });
suite.clean(['web']); // test/e2e/runWeb.mjs keeps its artefacts in test-results/web/

async function screenshotBothThemes(workbench, page, name) {
  if (!(await workbench.revealFirstChart())) await workbench.scrollToTop();
  const files = [];
  for (const [label, kind] of [
    ['Light Modern', 'light'],
    ['Dark Modern', 'dark'],
  ]) {
    if ((await workbench.themeKind()) !== kind) await workbench.setColorTheme(label, kind);
    // The output webviews follow the theme, and charts may re-render for it.
    await waitUntil(
      `the notebook outputs to follow the ${kind} theme`,
      async () => {
        const outputs = await workbench.webviewOutputs();
        const themed = outputs.every((cell) => !cell.themeKind || cell.themeKind === `vscode-${kind}`);
        const charts = outputs.flatMap((cell) => cell.outputs.flatMap((output) => output.charts));
        return themed && charts.every((chart) => chart.state === 'ready' || chart.state === 'error');
      },
      { timeout: 20_000 },
    );
    const file = suite.file(`${slug(name)}-${kind}.png`);
    await page.mouse.move(5, 5);
    await page.screenshot({ path: file });
    files.push(path.relative(REPO_ROOT, file));
  }
  await workbench.setColorTheme('Light Modern', 'light');
  return files.join(', ');
}

async function testNotebook({ workbench, page, name, state }) {
  const spec = expectations.notebooks?.[name] ?? {};
  const wanted = spec.outputs ?? [];
  const opened = await suite.check('opens in the notebook editor', async () => {
    await workbench.closeAllEditors();
    await workbench.openNotebook(name);
    return true;
  });
  if (!opened) return;

  let cells = await suite.check('Run All: every code cell finishes', async () => {
    const started = Date.now();
    const ran = await workbench.runAllAndWait({ timeout: (spec.runTimeout ?? Number(options['run-timeout'])) * 1000 });
    const code = ran.filter((cell) => cell.kind === 'code');
    if (code.length === 0) throw new Error('the notebook has no code cells');
    return { ran, note: `${code.length} code cells in ${seconds(Date.now() - started)}` };
  });
  if (!cells) {
    // The failure is photographed; stop the run so that it does not hold up the next notebooks.
    await workbench.stopExecution();
    return;
  }
  log(`      ${cells.note}`);
  cells = await settle(workbench, wanted);

  for (const expectation of wanted) {
    await suite.check(describe(expectation), async () => {
      const problem = unmet(expectation, cells);
      if (problem) throw new Error(problem);
    });
  }
  if (wanted.length === 0) {
    await suite.check('code cells show outputs', async () => {
      const silent = cells.filter((cell) => cell.kind === 'code' && cell.outputs.length === 0);
      if (silent.length === cells.filter((cell) => cell.kind === 'code').length) {
        throw new Error('no code cell shows any output after Run All');
      }
      return `${cells.filter((cell) => cell.kind === 'code' && cell.outputs.length).length} cells with outputs (no expectations listed in test/e2e/expectations.mjs yet)`;
    });
  }

  await suite.check('no error outputs where none are expected', async () => {
    const allowed = new Set(wanted.filter((e) => e.error).map((e) => findCell(cells, e)?.index));
    const bad = cells
      .filter((cell) => cell.kind === 'code' && !allowed.has(cell.index))
      .filter((cell) => cell.state === 'error' || cellErrors(cell).length)
      .map(
        (cell) =>
          `cell #${cell.index} ${JSON.stringify((cell.source ?? '').slice(0, 80))}: state ${cell.state}; ${cellErrors(cell).join(' | ').slice(0, 400) || outputText(cell).slice(0, 400)}`,
      );
    if (bad.length) throw new Error(bad.join('\n'));
  });

  await suite.check('every chart renders an SVG with marks', async () => {
    const charts = cells.flatMap((cell) => cellCharts(cell).map((chart) => ({ ...chart, index: cell.index })));
    const minimum = spec.charts ?? wanted.filter((e) => e.chart).length;
    const bad = charts.filter((chart) => !goodChart(chart));
    if (bad.length) throw new Error(bad.map((c) => `cell #${c.index}: state=${c.state} svg=${c.svg} marks=${c.marks}`).join('\n'));
    if (charts.length < minimum) throw new Error(`expected at least ${minimum} charts, saw ${charts.length}`);
    return charts.length ? `${charts.length} charts, ${charts.map((c) => c.marks).join('/')} marks` : 'no charts in this notebook';
  });

  const hover = spec.hover ?? (!state.modelHoverDone ? autoHover(cells) : undefined);
  if (hover) {
    await suite.check(`hovering "${hover.text}" shows ${hover.contains}`, async () => {
      const cell = cells.find((c) => c.kind === 'code' && (c.source ?? '').toLowerCase().includes(hover.text.toLowerCase()));
      if (!cell) throw new Error(`no code cell contains "${hover.text}"`);
      await workbench.revealCell(cell.index);
      const text = await workbench.hoverText({ rowIndex: cell.index, needle: hover.text, expected: hover.contains });
      state.modelHoverDone = true;
      return JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 120));
    });
    await page.mouse.move(5, 5);
  }

  await suite.check('screenshots in light and dark theme', () => screenshotBothThemes(workbench, page, name));
}

function autoHover(cells) {
  for (const cell of cells) {
    const match = cell.kind === 'code' && expectations.modelNames?.exec(cell.source ?? '');
    if (match) return { text: match[0], contains: expectations.modelHoverContains };
  }
  return undefined;
}

async function testDiagnostic({ workbench, page, name }) {
  const probe = expectations.diagnostic;
  await suite.check('opens in the notebook editor', async () => {
    await workbench.closeAllEditors();
    await workbench.openNotebook(name);
  });
  const typed = await suite.check(`typing "${probe.text}" into a new cell shows a diagnostic`, async () => {
    await workbench.scrollToTop();
    await workbench.runCommand('Notebook: Focus First Cell');
    await workbench.runCommand('Notebook: Insert Code Cell Above');
    const editor = page.locator('.notebookOverlay .monaco-list-row[data-index="0"] .cell-editor-container .view-lines');
    await editor.first().click();
    await page.keyboard.type(probe.text);
    const seen = await waitUntil(
      'a squiggle in the new cell or an error in the Problems count',
      async () => {
        const info = await workbench.visibleRows();
        const row = info?.rows.find((candidate) => candidate.index === 0);
        if (!row?.source?.includes(probe.text)) return undefined;
        const problems = await workbench.problemCount();
        return row.squiggles > 0 || problems > 0 ? { squiggles: row.squiggles, problems } : undefined;
      },
      { timeout: 20_000 },
    );
    return `${seen.squiggles} squiggles, ${seen.problems} problems in the status bar`;
  });
  if (!typed) return;
  await suite.check('Run All: the other cells still run', async () => {
    const cells = await workbench.runAllAndWait({ timeout: Number(options['run-timeout']) * 1000 });
    const others = cells.filter((cell) => cell.kind === 'code' && cell.index !== 0);
    const failed = others.filter((cell) => cell.state !== 'success');
    if (failed.length) throw new Error(failed.map((cell) => `cell #${cell.index} ended in state ${cell.state}`).join('\n'));
    const broken = cells.find((cell) => cell.index === 0);
    return `${others.length} other cells succeeded; the broken cell ended in state ${broken?.state}${cellErrors(broken ?? { outputs: [] }).length ? ' with an error output' : ''}`;
  });
  await workbench.closeAllEditors().catch(() => {});
}

async function testMarkdownHover({ workbench, workspace }) {
  const spec = expectations.markdownHover;
  const file = path.join(workspace, spec.file);
  if (!existsSync(file)) {
    await suite.check(`${spec.file} exists`, async () => ({ skip: true, reason: `examples/${spec.file} is not there yet` }));
    return;
  }
  await suite.check(`hovering "${spec.text}" shows a verdict`, async () => {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    const line = lines.findIndex((text) => text.includes(spec.text));
    if (line < 0) throw new Error(`${spec.file} does not contain "${spec.text}"`);
    await workbench.closeAllEditors();
    await workbench.openFile(spec.file);
    await waitUntil(`${spec.file} to open in a text editor`, () =>
      workbench.page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').first().isVisible(),
    );
    await workbench.goToLine(line + 1);
    const text = await workbench.hoverText({ needle: spec.text, expected: spec.contains });
    return JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 160));
  });
}

/**
 * The packaged CLI (dist/cli.js in the installed extension) drawing a report: its report writer
 * loads the extension's dist/report.js, so this fails if the .vsix left out a file the CLI needs.
 */
function installedCliReport(stateDir, notebook) {
  const extensions = path.join(stateDir, 'extensions');
  const folder = readdirSync(extensions).find((name) => name.includes('scaling-notebooks'));
  if (!folder) throw new Error(`no scaling-notebooks folder in ${extensions}`);
  const html = execFileSync(process.execPath, [path.join(extensions, folder, 'dist', 'cli.js'), 'run', notebook, '--format', 'html'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const charts = (html.match(/<svg/g) ?? []).length;
  if (charts === 0) throw new Error(`no <svg> in the report (${html.length} characters)`);
  return `${charts} charts in ${Math.round(html.length / 1024)} KB of HTML`;
}

async function main() {
  let vsix = options.vsix && path.resolve(options.vsix);
  if (!vsix) {
    vsix = await suite.timed('package', () =>
      suite.check('npm run package builds dist/scaling-notebooks.vsix', () => packageExtension({ repoRoot: REPO_ROOT, log })),
    );
    if (!vsix) return;
  }

  const examples = path.resolve(options.examples);
  const notebooks = existsSync(examples)
    ? readdirSync(examples)
        .filter((file) => file.endsWith('.scaling'))
        .filter((file) => !options.only || file.includes(options.only))
        .sort()
    : [];
  const haveNotebooks = await suite.check(`examples contain notebooks`, async () => {
    if (notebooks.length === 0) throw new Error(`no *.scaling files in ${examples}`);
    return notebooks.join(', ');
  });
  const { workspace, dispose } = copyExamples(examples, 'scaling-e2e-');
  suite.defer(dispose);
  writeKernelNotebooks(workspace);

  const server = await suite.timed('server', () =>
    suite.check('code-server installs the .vsix and starts', () =>
      startCodeServer({ workspace, vsix: [vsix], colorTheme: LIGHT_THEME, log }),
    ),
  );
  if (!server) return;
  await suite.check("the installed extension's CLI writes an HTML report with its charts", () =>
    installedCliReport(server.stateDir, path.join(workspace, 'plan-a-training-run.scaling')),
  );
  suite.defer(async () => {
    writeFileSync(suite.file('e2e-code-server.log'), server.serverLog());
    if (suite.failed.length) suite.saveFolder(path.join(server.stateDir, 'user-data', 'logs'), 'e2e-vscode-logs');
    await server.stop();
  });
  const { browser, workbench } = await suite.timed('workbench', () => openWorkbench(suite, server.folderUrl, { log }));
  suite.defer(async () => {
    writeFileSync(suite.file('e2e-console.log'), browser.consoleLog.join('\n') + '\n');
    await browser.close();
  });
  if (!workbench) return;
  const { page } = browser;

  const state = {};
  if (haveNotebooks) {
    for (const name of notebooks) {
      await suite.timed(name, () => suite.section(name, () => testNotebook({ workbench, page, name, state })));
    }
    const probeNotebook = expectations.diagnostic?.notebook ?? notebooks[0];
    await suite.timed('diagnostic', () =>
      suite.section(`${probeNotebook} (an error typed into a cell)`, () => testDiagnostic({ workbench, page, name: probeNotebook })),
    );
  }
  await suite.timed('markdown', () =>
    suite.section(`Markdown (${expectations.markdownHover.file})`, () => testMarkdownHover({ workbench, workspace })),
  );
  await suite.timed('live', () => suite.section(`Live results (${LIVE_NOTEBOOK})`, () => testLiveResults({ suite, workbench, page })));
  await suite.timed('live data', () =>
    suite.section(`A data file changed on disk (${DATA_NOTEBOOK})`, () => testLiveDataFile({ suite, workbench, page, workspace })),
  );
  await suite.timed('generated', () =>
    suite.section(`Run All (${GENERATED_NOTEBOOK})`, () =>
      testGeneratedRunAll({ suite, workbench, limitSeconds: Number(options['run-all-limit']) }),
    ),
  );

  const reportNotebook = notebooks.find((name) => name === 'plan-a-training-run.scaling') ?? notebooks[0];
  if (reportNotebook) {
    await suite.timed('report', () =>
      suite.section(`${reportNotebook} (report export)`, () =>
        testReportExport({ suite, workbench, context: browser.context, workspace, notebook: reportNotebook }),
      ),
    );
  }

  await suite.check("no file was saved behind the user's back (the tests never save)", async () => {
    const changed = notebooks.filter(
      (name) => readFileSync(path.join(workspace, name), 'utf8') !== readFileSync(path.join(examples, name), 'utf8'),
    );
    if (changed.length) throw new Error(`changed on disk: ${changed.join(', ')}`);
  });
}

await suite.run(main, { report: 'e2e-report.json', timeoutSeconds: Number(options['suite-timeout']) });
