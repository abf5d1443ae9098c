// End-to-end checks of the report export (issue 17): the two export commands on a notebook write
// their files through the save dialog, and the exported HTML report, opened in Chromium as a reader
// would open it, shows its charts. In code-server the files land on disk and are read back there; in
// VS Code for the Web the workspace is @vscode/test-web's in-memory copy of the folder, so the files
// are looked for in the Explorer (the workspace file system the extension wrote to), and their
// contents are checked by the desktop route.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { slug } from './suite.mjs';
import { waitUntil } from './workbench.mjs';

/**
 * Runs an export command and accepts the save dialog's proposed file. code-server shows VS Code's
 * simple file dialog (a quick input holding the path), prefilled with NAME.EXT beside the notebook.
 */
async function exportThroughDialog(workbench, title, extension) {
  const { page } = workbench;
  await workbench.runCommand(title, { closes: false });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const proposed = await waitUntil(
    `the save dialog to propose a ${extension} file`,
    async () => {
      const value = await input.inputValue().catch(() => '');
      return value.endsWith(extension) ? value : undefined;
    },
    { timeout: 20_000 },
  );
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
  return proposed;
}

/** Waits for a file the extension writes, and returns its text. */
async function written(file, timeout = 90_000) {
  await waitUntil(`${path.basename(file)} to be written`, () => existsSync(file) && statSync(file).size > 0, { timeout });
  return readFileSync(file, 'utf8');
}

/** What a reader sees of each chart in a page: its size on screen and how many of its marks have a size. */
function readReportCharts() {
  return [...document.querySelectorAll('.chart svg')].map((svg) => {
    const box = svg.getBoundingClientRect();
    const marks = [...svg.querySelectorAll('.mark-line path, .mark-symbol path, .mark-rect path, .mark-area path')];
    const visible = marks.filter((mark) => {
      const markBox = mark.getBoundingClientRect();
      return markBox.width > 0 || markBox.height > 0;
    });
    return { width: Math.round(box.width), height: Math.round(box.height), marks: visible.length, display: getComputedStyle(svg).display };
  });
}

/** Waits until the Explorer lists `name` at the top of the workspace: what a web workspace shows of a written file. */
async function listedInExplorer(page, name, timeout = 90_000) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await waitUntil(`${name} to appear in the Explorer`, () => row.isVisible().catch(() => false), { timeout });
}

export async function testReportExport({ suite, workbench, context, workspace, notebook, onDisk = true }) {
  const stem = notebook.replace(/\.scaling$/, '');
  const htmlFile = path.join(workspace, `${stem}.html`);
  const markdownFile = path.join(workspace, `${stem}.md`);
  const opened = await suite.check(`${notebook} opens in the notebook editor`, async () => {
    await workbench.closeAllEditors();
    await workbench.openNotebook(notebook);
    return 'opened';
  });
  if (!opened) return;

  if (!onDisk) {
    await suite.check('"Scaling: Export as HTML Report…" writes NAME.html into the web workspace', async () => {
      await exportThroughDialog(workbench, 'Scaling: Export as HTML Report…', '.html');
      await listedInExplorer(workbench.page, `${stem}.html`);
      return `${stem}.html listed in the Explorer`;
    });
    await suite.check('"Scaling: Export as Markdown with Charts…" writes NAME.md and NAME-charts/ into the web workspace', async () => {
      await exportThroughDialog(workbench, 'Scaling: Export as Markdown with Charts…', '.md');
      await listedInExplorer(workbench.page, `${stem}.md`);
      await listedInExplorer(workbench.page, `${stem}-charts`, 10_000);
      return `${stem}.md and ${stem}-charts listed in the Explorer`;
    });
    await workbench.closeAllEditors().catch(() => {});
    return;
  }

  const html = await suite.check('"Scaling: Export as HTML Report…" writes NAME.html through the save dialog', async () => {
    await exportThroughDialog(workbench, 'Scaling: Export as HTML Report…', '.html');
    const text = await written(htmlFile);
    if (/<script/i.test(text)) throw new Error('the report holds a <script>');
    const svgs = text.split('<svg').length - 1;
    if (svgs === 0) throw new Error('the report holds no inline SVG');
    return `${(text.length / 1024).toFixed(0)} KB, ${svgs} inline SVG charts`;
  });

  if (html) {
    await suite.check('the exported report, opened in Chromium, shows every chart with its marks', async () => {
      const page = await context.newPage();
      const problems = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(String(error)));
      try {
        await page.goto(pathToFileURL(htmlFile).href);
        const charts = await page.evaluate(readReportCharts);
        const bad = charts.filter((chart) => chart.width < 200 || chart.height < 150 || chart.marks === 0 || chart.display === 'none');
        if (charts.length === 0) throw new Error('no chart in the page');
        if (bad.length) throw new Error(`charts not visible: ${JSON.stringify(bad)}`);
        const scripts = await page.evaluate(() => document.scripts.length);
        if (scripts) throw new Error(`${scripts} scripts in the page`);
        if (problems.length) throw new Error(`console errors: ${problems.join(' | ')}`);
        await page.screenshot({ path: suite.file(`report-${slug(stem)}.png`), fullPage: true });
        return `${charts.length} charts, ${charts.map((chart) => `${chart.width}×${chart.height} px with ${chart.marks} marks`).join('; ')}`;
      } finally {
        await page.close();
      }
    });
  }

  await suite.check('"Scaling: Export as Markdown with Charts…" writes NAME.md and its SVG files in NAME-charts/', async () => {
    await exportThroughDialog(workbench, 'Scaling: Export as Markdown with Charts…', '.md');
    const text = await written(markdownFile);
    const links = [...text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
    if (links.length === 0) throw new Error('no chart image in the Markdown');
    const wrong = links.filter((link) => !link.startsWith(`${stem}-charts/`));
    if (wrong.length) throw new Error(`links outside ${stem}-charts/: ${wrong.join(', ')}`);
    await waitUntil('every linked SVG file to be written', () => links.every((link) => existsSync(path.join(workspace, link))), {
      timeout: 10_000,
    });
    const files = readdirSync(path.join(workspace, `${stem}-charts`));
    const notSvg = files.filter((file) => !readFileSync(path.join(workspace, `${stem}-charts`, file), 'utf8').startsWith('<svg'));
    if (notSvg.length) throw new Error(`not SVG: ${notSvg.join(', ')}`);
    return `${links.length} chart links, ${files.length} SVG files`;
  });
  await workbench.closeAllEditors().catch(() => {});
}
