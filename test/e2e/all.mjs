#!/usr/bin/env node
// Both end-to-end routes, one closing line: run.mjs (code-server, packaged .vsix) and then
// runWeb.mjs (VS Code web build, browser entry) on the dist/ that run.mjs's `npm run package` built.
// Arguments are passed to run.mjs (e.g. --only NAME).

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const results = path.resolve(here, '..', '..', 'test-results');

function runNode(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(here, script), ...args], { stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

function counts(report) {
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0, failedNames: ['no report'] };
  const { results: list } = JSON.parse(readFileSync(report, 'utf8'));
  const count = (status) => list.filter((result) => result.status === status).length;
  const failedNames = list.filter((result) => result.status === 'failed').map((result) => result.name);
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), failedNames };
}

const desktopCode = await runNode('run.mjs', process.argv.slice(2));
const desktop = counts(path.join(results, 'e2e-report.json'));
// Not on a stale dist/ when this run's `npm run package` failed.
const packageFailed = desktop.failedNames.some((name) => name.startsWith('npm run package'));
const packaged = !packageFailed && existsSync(path.resolve(here, '..', '..', 'dist', 'extension.web.js'));
const webCode = packaged ? await runNode('runWeb.mjs', ['--no-build']) : 1;
const web = packaged ? counts(path.join(results, 'web', 'report.json')) : { passed: 0, failed: 1, skipped: 0 };

const passed = desktop.passed + web.passed;
const failed = desktop.failed + web.failed;
const skipped = desktop.skipped + web.skipped;
console.log(`\ncode-server: ${desktop.passed} passed, ${desktop.failed} failed; VS Code web: ${web.passed} passed, ${web.failed} failed`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(desktopCode || webCode || failed ? 1 : 0);
