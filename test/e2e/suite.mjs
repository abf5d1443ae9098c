// A small check runner for the end-to-end suites: named checks grouped by notebook, a screenshot
// and the browser console saved on every failure, and the closing "N passed, N failed" line.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function slug(text) {
  return String(text)
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

export class Suite {
  constructor({ resultsDir, log = console.log }) {
    this.resultsDir = resultsDir;
    this.log = log;
    this.results = [];
    this.group = '';
    /** Set once a browser exists, so that failures can be photographed. */
    this.page = undefined;
    this.consoleLog = [];
    this.timings = {};
    this.cleanups = [];
    this.startedAt = Date.now();
    mkdirSync(resultsDir, { recursive: true });
  }

  /** Fails the whole suite (screenshot, console log, summary, exit 1) if it runs past `secondsLimit`. */
  startWatchdog(secondsLimit) {
    this.watchdog = setTimeout(async () => {
      this.log(`\nThe suite exceeded ${secondsLimit} s: saving a screenshot and the console log.`);
      await this.saveFailure('suite-timeout').catch(() => {});
      this.results.push({ name: 'suite finishes in time', status: 'failed', ms: Date.now() - this.startedAt, message: 'suite timeout' });
      this.log(this.summary());
      process.exit(1);
    }, secondsLimit * 1000);
  }

  /** Runs `body` and records how long it took under `name` in the timings. */
  async timed(name, body) {
    const started = Date.now();
    try {
      return await body();
    } finally {
      this.timings[name] = Date.now() - started;
    }
  }

  /** Registers work for the end of the suite, whatever happened (run last registered first). */
  defer(cleanup) {
    this.cleanups.push(cleanup);
  }

  /**
   * Runs the suite's body under the watchdog, then the deferred cleanups, then writes the report
   * and exits: 0 when every check passed. An error outside any check fails the suite too.
   */
  async run(body, { report, timeoutSeconds }) {
    this.startWatchdog(timeoutSeconds);
    try {
      await body();
    } catch (error) {
      this.results.push({ name: 'suite', status: 'failed', ms: Date.now() - this.startedAt, message: String(error?.stack ?? error) });
      this.log(`\nThe suite stopped: ${error?.stack ?? error}`);
    } finally {
      for (const cleanup of this.cleanups.reverse())
        await Promise.resolve()
          .then(cleanup)
          .catch(() => {});
    }
    process.exit(this.finish(report));
  }

  /** Stops the watchdog, writes the JSON report and prints the timings and the closing line. */
  finish(reportName) {
    clearTimeout(this.watchdog);
    this.timings.total = Date.now() - this.startedAt;
    this.writeReport(reportName, { timings: this.timings });
    this.log(
      `\nTimings: ${Object.entries(this.timings)
        .map(([key, ms]) => `${key} ${seconds(ms)}`)
        .join(', ')}`,
    );
    this.log(this.summary());
    return this.failed.length || this.results.length === 0 ? 1 : 0;
  }

  /** Removes the artefacts of an earlier run from the results folder, except `keep` entries. */
  clean(keep = []) {
    for (const entry of readdirSync(this.resultsDir)) {
      if (!keep.includes(entry)) rmSync(path.join(this.resultsDir, entry), { recursive: true, force: true });
    }
  }

  file(name) {
    return path.join(this.resultsDir, name);
  }

  async section(name, body) {
    this.group = name;
    this.log(`\n${name}`);
    try {
      await body();
    } finally {
      this.group = '';
    }
  }

  /** Runs one check; a thrown error fails it (with a screenshot and the console log saved). */
  async check(name, body) {
    const started = Date.now();
    const fullName = this.group ? `${this.group} › ${name}` : name;
    try {
      const detail = await body();
      if (detail === Suite.SKIP || (detail && detail.skip)) {
        const reason = detail.reason ? ` — ${detail.reason}` : '';
        this.results.push({ name: fullName, status: 'skipped', ms: Date.now() - started, detail: detail.reason });
        this.log(`  - ${name} (skipped${reason})`);
        return undefined;
      }
      this.results.push({ name: fullName, status: 'passed', ms: Date.now() - started });
      this.log(`  ✓ ${name} (${seconds(Date.now() - started)})${typeof detail === 'string' ? ` — ${detail}` : ''}`);
      return detail;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const artefacts = await this.saveFailure(fullName);
      this.results.push({ name: fullName, status: 'failed', ms: Date.now() - started, message, artefacts });
      this.log(`  ✗ ${name} (${seconds(Date.now() - started)})\n${indent(message, 6)}`);
      if (artefacts.length) this.log(`      saved: ${artefacts.join(', ')}`);
      return undefined;
    }
  }

  async saveFailure(name) {
    const saved = [];
    const base = `failure-${slug(name)}`;
    if (this.page && !this.page.isClosed()) {
      try {
        await this.page.screenshot({ path: this.file(`${base}.png`), timeout: 10_000 });
        saved.push(path.relative(process.cwd(), this.file(`${base}.png`)));
      } catch {
        // the page is gone; the console log still helps
      }
    }
    writeFileSync(this.file(`${base}-console.log`), this.consoleLog.join('\n') + '\n');
    saved.push(path.relative(process.cwd(), this.file(`${base}-console.log`)));
    return saved;
  }

  /** Copies a folder of logs (e.g. the extension host logs) into the results folder. */
  saveFolder(source, name) {
    if (!existsSync(source)) return;
    cpSync(source, this.file(name), { recursive: true });
  }

  get failed() {
    return this.results.filter((result) => result.status === 'failed');
  }

  summary() {
    const count = (status) => this.results.filter((result) => result.status === status).length;
    const lines = ['', `Results (${this.resultsDir}):`];
    for (const result of this.failed) lines.push(`  FAILED ${result.name}: ${result.message.split('\n')[0]}`);
    const skipped = count('skipped');
    lines.push(`${count('passed')} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
    return lines.join('\n');
  }

  writeReport(file, extra = {}) {
    writeFileSync(this.file(file), JSON.stringify({ ...extra, results: this.results }, null, 2) + '\n');
  }
}

Suite.SKIP = { skip: true };

/**
 * Copies the examples folder to a fresh temp folder (also named `examples`), so that nothing a
 * test types can reach the real files.
 */
export function copyExamples(examples, prefix) {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  const workspace = path.join(root, 'examples');
  if (existsSync(examples)) cpSync(examples, workspace, { recursive: true });
  else mkdirSync(workspace);
  return { workspace, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

function indent(text, spaces) {
  const pad = ' '.repeat(spaces);
  return String(text)
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}
