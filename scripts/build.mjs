// One build for every bundle: the Node extension host, the web-worker extension host, the notebook
// renderer (ESM, runs in the output webview) and the CLI. `--production` minifies; `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { readFileSync, statSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * The CLI's report writer is its own file, dist/cliReport.js, required only by `run --format html`
 * or `markdown`: compiling vega, vega-lite and markdown-it would add a noticeable delay to every command's start.
 */
const reportWriterApart = {
  name: 'report-writer-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/reportFiles$/ }, () => ({ path: './cliReport.js', external: true }));
  },
};

/**
 * The CLI's report writer draws with the extension's own report bundle, dist/report.js (vega,
 * vega-lite, markdown-it: CommonJS that needs neither Node nor a DOM), instead of a second copy of it:
 * the .vsix ships vega once for the hosts and once for the webview. Without a DOM, vega-canvas finds no
 * canvas and Vega estimates text widths, the same in the CLI as in the extension host.
 */
const reportModuleShared = {
  name: 'report-module-shared',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/report$/ }, () => ({ path: './report.js', external: true }));
  },
};

// `scaling-notebook --version` (and a report's footer) tells which build is on the path.
const version = JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version);

/** @type {esbuild.BuildOptions[]} */
const bundles = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/extension.web.ts'],
    outfile: 'dist/extension.web.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
  },
  // The worker thread that runs fits for the desktop extension host (see src/node/fitWorkerPool.ts).
  {
    ...common,
    entryPoints: ['src/node/fitWorkerPool.ts'],
    outfile: 'dist/fitWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  { ...common, entryPoints: ['src/renderer/index.ts'], outfile: 'dist/renderer.js', platform: 'browser', format: 'esm', target: 'es2022' },
  // Report rendering (vega, vega-lite, markdown-it), loaded by both extension hosts only when an
  // export command runs (src/notebook/reportLoader.ts): CommonJS that needs neither Node nor a DOM.
  { ...common, entryPoints: ['src/report/index.ts'], outfile: 'dist/report.js', platform: 'browser', format: 'cjs', target: 'es2022' },
  {
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [reportWriterApart],
    define: { __SCALING_VERSION__: version },
  },
  {
    ...common,
    entryPoints: ['src/cli/reportFiles.ts'],
    outfile: 'dist/cliReport.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [reportModuleShared],
    define: { __SCALING_VERSION__: version },
  },
];

function kilobytes(file) {
  return `${(statSync(file).size / 1024).toFixed(1)} KB`;
}

if (watch) {
  for (const options of bundles) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('watching src/ …');
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
  for (const options of bundles) console.log(`${options.outfile.padEnd(24)} ${kilobytes(options.outfile)}`);
}
