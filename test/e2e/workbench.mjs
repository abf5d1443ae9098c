// Drives a real VS Code workbench (code-server or the VS Code web build) in Debian's Chromium
// through playwright-core, the way a user would: Quick Open, the command palette, the notebook
// editor, hovers. Everything waits for a visible state with a bounded timeout; nothing sleeps.
//
// DOM facts this relies on (VS Code 1.100 and 1.137):
//  - the notebook editor is `.notebookOverlay` (also `.notebook-editor`), its cells are virtualised
//    `.cell-list-container .monaco-list-row` rows with data-index / aria-setsize, code cells carry
//    `.code-cell-row`, the execution state is a codicon `notebook-state-{success,error,pending,
//    executing}` in the cell status bar, and the order is `.execution-count-label` ("[3]");
//  - outputs and rendered Markdown live in a webview: an iframe (purpose=notebookRenderer) with an
//    inner `#active-frame` iframe whose `.cell_container` elements sit at the same height as their
//    cell row; renderers may draw inside open shadow roots.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../scripts/e2e/installVsCode.mjs';

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A failed wait: carries the name of the state that never came. */
export class WaitTimeout extends Error {}

/**
 * Launches Chromium with a fresh persistent profile whose cookie preferences let the webview
 * iframes register their service worker (without it the notebook webview never loads).
 */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'scaling-chromium-'));
  mkdirSync(path.join(profileDir, 'Default'), { recursive: true });
  writeFileSync(
    path.join(profileDir, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport,
    args: BROWSER_ARGS,
    // Chromium keeps caches and crash reports under XDG folders: keep them out of the home folder.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(profileDir, 'xdg-config'),
      XDG_CACHE_HOME: path.join(profileDir, 'xdg-cache'),
    },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleLog = [];
  const stamp = () => new Date().toISOString().slice(11, 23);
  page.on('console', (message) => {
    const where = message.location()?.url ?? '';
    consoleLog.push(`${stamp()} [${message.type()}] ${message.text()}${where ? `  (${where})` : ''}`);
  });
  page.on('pageerror', (error) => consoleLog.push(`${stamp()} [pageerror] ${error.stack ?? error}`));
  page.on('crash', () => consoleLog.push(`${stamp()} [crash] the page crashed`));
  return {
    context,
    page,
    consoleLog,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * Launches Chromium, attaches it to `suite` (failure screenshots, console log) and loads the
 * workbench at `url` as a check. Returns the browser, and the Workbench once it has loaded.
 */
export async function openWorkbench(suite, url, { timeout = 60_000, log } = {}) {
  const browser = await launchBrowser();
  suite.page = browser.page;
  suite.consoleLog = browser.consoleLog;
  const workbench = new Workbench(browser.page, { log });
  const loaded = await suite.check('the workbench loads', async () => {
    await browser.page.goto(url);
    await workbench.waitReady({ timeout });
    return true;
  });
  return { browser, workbench: loaded ? workbench : undefined };
}

/** Polls `probe` until it returns a truthy value; throws WaitTimeout naming `what` otherwise. */
export async function waitUntil(what, probe, { timeout = 30_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? ` (last error: ${String(lastError.message ?? lastError).split('\n')[0]})` : '';
      throw new WaitTimeout(`Timed out after ${timeout / 1000} s waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

// ---------------------------------------------------------------------------------------------
// Functions evaluated inside the page or a webview frame. They must be self-contained.

/** Reads the rendered rows of the visible notebook editor (main frame). */
function readNotebookRows() {
  const editors = [...document.querySelectorAll('.notebookOverlay')].filter((element) => {
    const style = getComputedStyle(element);
    return element.getClientRects().length > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  });
  const editor = editors[editors.length - 1];
  const list = editor?.querySelector('.cell-list-container');
  if (!editor || !list) return null;
  const listRect = list.getBoundingClientRect();
  const rows = [...list.querySelectorAll('.monaco-list-row[data-index]')].map((row) => {
    const rect = row.getBoundingClientRect();
    const code = row.classList.contains('code-cell-row');
    const lines = [...row.querySelectorAll('.cell-editor-container .view-lines .view-line')]
      .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text);
    const icon = row.querySelector('.cell-statusbar-container [class*="codicon-notebook-state-"]');
    const state = icon ? /codicon-notebook-state-(\w+)/.exec(icon.className)?.[1] : undefined;
    return {
      index: Number(row.dataset.index),
      total: Number(row.getAttribute('aria-setsize')) || undefined,
      kind: code ? 'code' : 'markup',
      top: rect.top,
      bottom: rect.bottom,
      source: code ? lines.join('\n') : undefined,
      state,
      order: row.querySelector('.execution-count-label')?.textContent?.trim() ?? '',
      squiggles: row.querySelectorAll('.squiggly-error').length,
    };
  });
  rows.sort((a, b) => a.index - b.index);
  return { listTop: listRect.top, listBottom: listRect.bottom, listLeft: listRect.left, listWidth: listRect.width, rows };
}

/** Reads the outputs shown in one notebook webview frame, piercing open shadow roots. */
function readWebviewOutputs() {
  const text = (node) => {
    let out = '';
    const walk = (current) => {
      if (current.nodeType === Node.TEXT_NODE) {
        out += current.textContent;
        return;
      }
      if (current.nodeType !== Node.ELEMENT_NODE && current.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
      if (current.nodeType === Node.ELEMENT_NODE && /^(STYLE|SCRIPT|TEMPLATE)$/.test(current.tagName)) return;
      if (current.shadowRoot) walk(current.shadowRoot);
      for (const child of current.childNodes) walk(child);
      if (current.nodeType !== Node.ELEMENT_NODE) return;
      if (/^(DIV|P|LI|TR|H\d|PRE|BR|TABLE|CAPTION)$/.test(current.tagName)) out += '\n';
      else if (/^(TD|TH)$/.test(current.tagName)) out += ' ';
    };
    walk(node);
    return out
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/\n\s*\n+/g, '\n')
      .trim();
  };
  const deepAll = (root, selector) => {
    const found = [];
    const walk = (node) => {
      if (node.querySelectorAll) found.push(...node.querySelectorAll(selector));
      const elements = node.querySelectorAll ? node.querySelectorAll('*') : [];
      for (const element of elements) if (element.shadowRoot) walk(element.shadowRoot);
      if (node.shadowRoot) walk(node.shadowRoot);
    };
    walk(root);
    return [...new Set(found)];
  };
  const charts = (root) =>
    deepAll(root, '[data-scaling-chart]').map((chart) => {
      const svg = deepAll(chart, 'svg')[0];
      const marks = svg ? deepAll(svg, '[class~="role-mark"] > *').length : 0;
      return { state: chart.getAttribute('data-scaling-chart'), svg: Boolean(svg), marks, top: chart.getBoundingClientRect().top };
    });
  const body = document.body;
  return {
    themeKind: body?.dataset.vscodeThemeKind,
    cells: [...document.querySelectorAll('.cell_container')].map((cell) => ({
      top: cell.getBoundingClientRect().top,
      outputs: [...cell.querySelectorAll('.output')].map((output) => ({
        text: text(output),
        charts: charts(output),
        rendererErrors: deepAll(output, '[data-scaling-error]').map((element) => text(element) || 'error'),
        // VS Code's built-in renderer shows NotebookCellOutputItem.error as an .error block.
        builtinErrors: (output.matches('.error, .traceback') ? [output] : deepAll(output, '.error, .traceback'))
          .map((element) => text(element))
          .filter(Boolean),
      })),
    })),
  };
}

/** Finds `needle` in the text of `root`'s lines and returns the middle of its first character. */
function locateText([rootSelector, rowIndex, needle]) {
  const scope = document.querySelector(rowIndex === null ? rootSelector : `${rootSelector} .monaco-list-row[data-index="${rowIndex}"]`);
  if (!scope) return null;
  const lines = scope.querySelectorAll('.view-lines .view-line');
  for (const line of lines) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let full = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, start: full.length });
      full += node.textContent.replace(/\u00a0/g, ' ');
    }
    const at = full.toLowerCase().indexOf(needle.toLowerCase());
    if (at < 0) continue;
    const target = at + Math.floor(needle.length / 2);
    const hit = [...nodes].reverse().find((entry) => entry.start <= target);
    const range = document.createRange();
    range.setStart(hit.node, target - hit.start);
    range.setEnd(hit.node, target - hit.start + 1);
    const rect = range.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/** Scrolls the visible notebook's list by `deltaY` px (see Workbench.scrollNotebook). */
function scrollCellList(deltaY) {
  const editors = [...document.querySelectorAll('.notebookOverlay')].filter((element) => element.getClientRects().length > 0);
  const scrollable = editors[editors.length - 1]?.querySelector('.cell-list-container .monaco-scrollable-element');
  const rows = scrollable?.querySelector('.monaco-list-rows');
  if (!scrollable || !rows) return 0;
  // The list positions its rows container at -scrollTop.
  const position = () => -parseFloat(rows.style.top || '0');
  const start = position();
  const target = Math.max(0, start + deltaY);
  // Chrome reports a synthetic wheel's wheelDeltaY as its deltaY, with the sign VS Code reads as
  // "down" for negative values; VS Code scrolls 50 px per 120 units. Measured and corrected below.
  let factor = -120 / 50;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const remaining = target - position();
    if (Math.abs(remaining) < 1) break;
    const before = position();
    scrollable.dispatchEvent(new WheelEvent('wheel', { deltaY: remaining * factor, deltaMode: 0, bubbles: true, cancelable: true }));
    const moved = position() - before;
    if (moved === 0) break;
    factor *= remaining / moved;
  }
  return position() - start;
}

// ---------------------------------------------------------------------------------------------

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { log = () => {} } = {}) {
    this.page = page;
    this.log = log;
  }

  async waitReady({ timeout = 60_000 } = {}) {
    await this.page.waitForSelector('.monaco-workbench', { timeout }).catch(() => {
      throw new WaitTimeout(`Timed out after ${timeout / 1000} s waiting for the VS Code workbench (.monaco-workbench)`);
    });
    await waitUntil(
      'the Explorer to list the workspace files',
      () => this.page.locator('.explorer-folders-view .monaco-list-row').count(),
      { timeout },
    );
  }

  async themeKind() {
    return this.page.evaluate(() => {
      const classes = document.querySelector('.monaco-workbench')?.classList;
      if (!classes) return undefined;
      if (classes.contains('vs-dark')) return 'dark';
      if (classes.contains('hc-black') || classes.contains('hc-light')) return 'high-contrast';
      return classes.contains('vs') ? 'light' : undefined;
    });
  }

  /**
   * Switches the colour theme the way a user does ("Preferences: Color Theme", pick a theme by
   * its label, e.g. "Dark Modern") and waits for the workbench to repaint.
   */
  async setColorTheme(label, kind) {
    // The command opens a second quick pick in the same widget: the theme list.
    await this.runCommand('Preferences: Color Theme', { closes: false });
    await this.pick('F1', label, label);
    await waitUntil(`the workbench to switch to ${label}`, async () => (await this.themeKind()) === kind, { timeout: 20_000 });
  }

  /** Opens a quick pick (F1 / Ctrl+P), types `value`, waits for a row labelled `label`, picks it. */
  async pick(opener, value, label, { timeout = 20_000, description, closes = true } = {}) {
    const page = this.page;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    if (!(await input.isVisible())) await page.keyboard.press(opener);
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(value);
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    const row = await waitUntil(
      `"${label}" in the quick pick after typing "${value}"`,
      async () => {
        const count = await rows.count();
        for (let i = 0; i < count; i += 1) {
          const candidate = rows.nth(i);
          const name = (
            await candidate
              .locator('.label-name')
              .first()
              .textContent()
              .catch(() => '')
          )?.trim();
          if (name !== label) continue;
          if (description) {
            const desc = await candidate
              .locator('.label-description')
              .first()
              .textContent()
              .catch(() => '');
            if (!desc?.includes(description)) continue;
          }
          return candidate;
        }
        return undefined;
      },
      { timeout },
    );
    await row.click();
    if (closes) await input.waitFor({ state: 'hidden', timeout });
  }

  /** Runs a command from the command palette by its exact title, e.g. "Notebook: Run All". */
  async runCommand(title, options) {
    await this.pick('F1', `>${title}`, title, options);
  }

  /** Runs a command if the palette offers it (disabled commands are not listed); says whether it did. */
  async tryCommand(title, { timeout = 3000 } = {}) {
    try {
      await this.pick('F1', `>${title}`, title, { timeout });
      return true;
    } catch (error) {
      if (!(error instanceof WaitTimeout)) throw error;
      await this.page.keyboard.press('Escape');
      return false;
    }
  }

  /** Opens a workspace file through Quick Open. `relativePath` is relative to the workspace. */
  async quickOpen(relativePath, options) {
    const base = path.posix.basename(relativePath);
    const dir = path.posix.dirname(relativePath);
    await this.pick('Control+P', relativePath, base, { ...options, description: dir === '.' ? undefined : dir });
  }

  /** Closes every editor, answering "Don't Save" for edited ones (the tests never save). */
  async closeAllEditors() {
    // The command can be lost while a cold web workbench is still opening editors of its own (seen
    // on the web build): if tabs remain, ask again, up to three times, before failing.
    const closed = async () => {
      const dontSave = this.page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
      if (
        await dontSave
          .first()
          .isVisible()
          .catch(() => false)
      )
        await dontSave.first().click();
      return (await this.page.locator('.editor-group-container .tab').count()) === 0;
    };
    for (let attempt = 1; ; attempt++) {
      await this.runCommand('View: Close All Editors');
      try {
        await waitUntil('all editors to close', closed, { timeout: 10_000 });
        return;
      } catch (error) {
        if (!(error instanceof WaitTimeout) || attempt === 3) throw error;
      }
    }
  }

  /**
   * Opens a workspace file: a top-level file by clicking its Explorer row (works in every host,
   * including the web build without a file-search provider), anything else through Quick Open.
   */
  async openFile(relativePath) {
    if (!relativePath.includes('/')) {
      const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${relativePath}"]`);
      if (await row.count()) {
        await row.first().click();
        return;
      }
    }
    await this.quickOpen(relativePath);
  }

  /**
   * Opens a notebook and waits for its cell list. On a cold start the notebook type may not be
   * registered yet and the file opens as plain text: close it and open it again. VS Code 1.137
   * may ask whether to trust the notebook's authors: answer "Open Notebook".
   */
  async openNotebook(relativePath, { timeout = 60_000 } = {}) {
    const page = this.page;
    const deadline = Date.now() + timeout;
    for (let attempt = 1; ; attempt += 1) {
      await this.openFile(relativePath);
      const outcome = await waitUntil(
        `${relativePath} to open as a notebook`,
        async () => {
          const trust = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Open Notebook' });
          if (
            await trust
              .first()
              .isVisible()
              .catch(() => false)
          ) {
            await trust.first().click();
            return undefined;
          }
          const rows = await page.evaluate(readNotebookRows);
          if (rows && rows.rows.length > 0) return 'notebook';
          const text = page.locator('.editor-instance .monaco-editor .view-lines');
          if (
            await text
              .first()
              .isVisible()
              .catch(() => false)
          )
            return 'text';
          return undefined;
        },
        { timeout: Math.max(1000, deadline - Date.now()) },
      );
      if (outcome === 'notebook') return;
      if (Date.now() > deadline || attempt >= 4) {
        throw new WaitTimeout(`${relativePath} kept opening as plain text: is the notebook type registered?`);
      }
      this.log(`  ${relativePath} opened as plain text (cold start); closing and reopening`);
      await this.closeAllEditors();
    }
  }

  /** Rows of the visible notebook currently in the DOM (virtualised: not all cells). */
  async visibleRows() {
    return this.page.evaluate(readNotebookRows);
  }

  /** Frames holding notebook outputs (the inner frame of a notebookRenderer webview). */
  notebookFrames() {
    return this.page.frames().filter((frame) => {
      const parent = frame.parentFrame();
      return parent && parent !== this.page.mainFrame() && /purpose=notebookRenderer/.test(parent.url());
    });
  }

  /** Outputs of all notebook webviews, with `top` in page coordinates. */
  async webviewOutputs() {
    const all = [];
    for (const frame of this.notebookFrames()) {
      try {
        const element = await frame.frameElement();
        const box = await element.boundingBox();
        if (!box) continue;
        const data = await frame.evaluate(readWebviewOutputs);
        for (const cell of data.cells) {
          const outputs = cell.outputs.map((output) => ({
            ...output,
            charts: output.charts.map((chart) => ({ ...chart, top: chart.top + box.y })),
          }));
          all.push({ ...cell, outputs, top: cell.top + box.y, themeKind: data.themeKind });
        }
      } catch {
        // a frame that is navigating or gone
      }
    }
    return all;
  }

  /**
   * Scrolls the visible notebook's cell list by `deltaY` pixels and returns how far it moved.
   * Playwright's mouse.wheel arrives as one 50 px notch whatever its delta, so the wheel event is
   * dispatched on the list directly, with its size corrected from the measured scroll position.
   */
  async scrollNotebook(deltaY) {
    const moved = await this.page.evaluate(scrollCellList, deltaY);
    // Let the list render the rows for the new position.
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return moved;
  }

  async scrollToTop() {
    await this.scrollNotebook(-1e7);
  }

  /**
   * Walks the notebook from top to bottom and returns every cell: kind, source, execution state
   * and the outputs a user sees below it. `visit(cell, rows)` may return true to stop there,
   * with that cell on screen.
   */
  async scanCells(visit) {
    await this.scrollToTop();
    const cells = new Map();
    let previousSignature = '';
    for (let step = 0; step < 400; step += 1) {
      const info = await this.visibleRows();
      if (!info) throw new Error('no notebook editor is visible');
      const outputs = await this.webviewOutputs();
      for (const row of info.rows) {
        const cellOutputs = outputs.filter((cell) => Math.abs(cell.top - row.top) < 3).flatMap((cell) => cell.outputs);
        const onScreen = row.top >= info.listTop - 1 && row.top < info.listBottom - 20;
        const cell = { ...row, outputs: cellOutputs };
        const known = cells.get(row.index);
        if (!known || onScreen || cellOutputs.length >= known.outputs.length) cells.set(row.index, cell);
        if (onScreen && visit && (await visit(cell, info))) return [...cells.values()].sort((a, b) => a.index - b.index);
      }
      const last = info.rows[info.rows.length - 1];
      const total = last?.total ?? info.rows.length;
      if (last && last.index >= total - 1 && last.bottom <= info.listBottom + 1) break;
      const signature = info.rows.map((row) => `${row.index}:${Math.round(row.top)}`).join(',');
      if (signature === previousSignature) break;
      previousSignature = signature;
      await this.scrollNotebook(Math.max(100, (info.listBottom - info.listTop) * 0.7));
    }
    return [...cells.values()].sort((a, b) => a.index - b.index);
  }

  /** Scrolls until the cell `index` is at the top of the list. */
  async revealCell(index) {
    await this.scrollToTop();
    for (let i = 0; i < 100; i += 1) {
      const info = await this.visibleRows();
      const row = info.rows.find((candidate) => candidate.index === index);
      if (row && Math.abs(row.top - info.listTop) < 30) return row;
      const delta = row ? row.top - info.listTop - 10 : (info.listBottom - info.listTop) * 0.7;
      if (Math.abs(await this.scrollNotebook(delta)) < 1) return row;
    }
    return undefined;
  }

  /** Stops a running notebook with the toolbar's "Stop Execution" (or "Interrupt") if it shows. */
  async stopExecution() {
    const stop = this.page.locator(
      '.notebookOverlay .notebook-toolbar-container .action-label:is([aria-label^="Stop Execution"], [aria-label^="Interrupt"])',
    );
    if (
      await stop
        .first()
        .isVisible()
        .catch(() => false)
    )
      await stop.first().click();
  }

  /** Scrolls the first rendered chart near the top of the notebook; says whether there was one. */
  async revealFirstChart() {
    let chartTop;
    await this.scanCells(async (cell) => {
      const charts = cell.outputs.flatMap((output) => output.charts);
      if (charts.length) chartTop = Math.min(...charts.map((chart) => chart.top));
      return charts.length > 0;
    });
    if (chartTop === undefined) return false;
    const info = await this.visibleRows();
    await this.scrollNotebook(chartTop - info.listTop - 60);
    return true;
  }

  /**
   * Runs every cell ("Notebook: Run All", after clearing earlier outputs so that old states do
   * not count) and waits until each code cell shows success or error. Returns the scanned cells.
   */
  async runAllAndWait({ timeout = 120_000 } = {}) {
    const page = this.page;
    // Offered only while some cell has outputs (the toolbar shows it disabled otherwise).
    const disabled = page.locator('.notebookOverlay .notebook-toolbar-container .action-item.disabled [aria-label^="Clear All Outputs"]');
    if (!(await disabled.count()) && (await this.tryCommand('Notebook: Clear All Outputs'))) {
      await waitUntil(
        'the cleared cells to lose their execution state',
        async () => {
          const info = await this.visibleRows();
          return info && info.rows.every((row) => row.kind !== 'code' || !row.state);
        },
        { timeout: 15_000 },
      );
    }
    await this.runCommand('Notebook: Run All');
    const deadline = Date.now() + timeout;
    // Fast path on what is on screen, then a full scan (cells below the fold are virtualised).
    for (;;) {
      await waitUntil(
        'the visible code cells to finish running',
        async () => {
          const info = await this.visibleRows();
          return info && info.rows.every((row) => row.kind !== 'code' || row.state === 'success' || row.state === 'error');
        },
        { timeout: Math.max(1000, deadline - Date.now()) },
      );
      const cells = await this.scanCells();
      const unfinished = cells.filter((cell) => cell.kind === 'code' && cell.state !== 'success' && cell.state !== 'error');
      if (unfinished.length === 0) return cells;
      if (Date.now() > deadline) {
        const list = unfinished.map((cell) => `#${cell.index} (${cell.state ?? 'never ran'})`).join(', ');
        throw new WaitTimeout(`Timed out after ${timeout / 1000} s waiting for Run All: code cells ${list} did not finish`);
      }
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 250)));
    }
  }

  /**
   * Hovers the first occurrence of `needle` (in a notebook cell if `rowIndex` is a number, in the
   * active text editor otherwise) and returns the hover's text once it contains `expected`.
   */
  async hoverText({ rowIndex = null, needle, expected, timeout = 20_000 }) {
    const page = this.page;
    const hover = page.locator('.monaco-hover:visible');
    return waitUntil(
      `a hover over "${needle}" showing ${expected}`,
      async () => {
        const root = rowIndex === null ? '.editor-group-container.active .editor-instance' : '.notebookOverlay';
        const point = await page.evaluate(locateText, [root, rowIndex, needle]);
        if (!point) return undefined;
        // Move away and back so that the editor starts a new hover.
        await page.mouse.move(point.x, point.y + 200);
        await page.mouse.move(point.x, point.y, { steps: 3 });
        const seen = await waitUntil(
          'hover',
          async () => {
            const count = await hover.count();
            for (let i = 0; i < count; i += 1) {
              const content =
                (await hover
                  .nth(i)
                  .innerText()
                  .catch(() => '')) ?? '';
              if (content.trim()) return content;
            }
            return undefined;
          },
          { timeout: 4000 },
        ).catch(() => undefined);
        if (seen && (expected instanceof RegExp ? expected.test(seen) : seen.includes(expected))) return seen;
        return undefined;
      },
      { timeout, interval: 200 },
    );
  }

  /** Number of errors in the status bar's Problems item. */
  async problemCount() {
    const label = await this.page
      .locator('[id="status.problems"]')
      .first()
      .getAttribute('aria-label')
      .catch(() => null);
    if (!label || /no problems/i.test(label)) return 0;
    const match = /(\d+)\s*error/i.exec(label) ?? /errors?:\s*(\d+)/i.exec(label);
    return match ? Number(match[1]) : 0;
  }

  /** Scrolls a text editor to a 1-based line with "Go to Line". */
  async goToLine(line) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await this.page.keyboard.press('Control+G');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  }
}
