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

/** @type {esbuild.BuildOptions[]} */
const bundles = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
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
  { ...common, entryPoints: ['src/node/fitWorkerPool.ts'], outfile: 'dist/fitWorker.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, entryPoints: ['src/renderer/index.ts'], outfile: 'dist/renderer.js', platform: 'browser', format: 'esm', target: 'es2022' },
  {
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    // `scaling-notebook --version` tells which build is on the path.
    define: { __SCALING_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
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
