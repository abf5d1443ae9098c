// Starts and stops a throwaway code-server (VS Code 1.100 in the browser, desktop-like Node
// extension host) for the end-to-end tests and `npm start`.
//
// Every piece of state lives in a fresh temp folder: XDG config/data, user data, the extensions
// folder, config.yaml and the user settings. Nothing is written to the user's home.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureCodeServer } from './installVsCode.mjs';

export const LIGHT_THEME = 'Default Light Modern';

/** Settings that keep the workbench quiet and deterministic (shared/e2e-recipe.md). */
export function userSettings(colorTheme, extra = {}) {
  return {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'workbench.colorTheme': colorTheme,
    'window.restoreWindows': 'none',
    // VS Code in a browser saves after a delay by default; desktop VS Code does not. Off, so that
    // neither the tests nor a demo session write to the files they open unless the user saves.
    'files.autoSave': 'off',
    ...extra,
  };
}

/** A TCP port that was free a moment ago on `host`. */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function codeServerEnv(stateDir) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(stateDir, 'xdg-cache'),
    // Keep code-server from finding a session socket or a password from an outer code-server.
    VSCODE_IPC_HOOK_CLI: '',
    PASSWORD: '',
    HASHED_PASSWORD: '',
  };
}

function runToEnd(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Installs a .vsix into `extensionsDir` with code-server's own `--install-extension`: the same
 * path a user takes, so a broken package (missing files, bad manifest) fails here.
 */
export async function installVsix(entry, stateDir, vsix) {
  const args = [
    entry,
    '--user-data-dir',
    path.join(stateDir, 'user-data'),
    '--extensions-dir',
    path.join(stateDir, 'extensions'),
    '--install-extension',
    vsix,
    '--force',
  ];
  const { code, output } = await runToEnd(process.execPath, args, { env: codeServerEnv(stateDir) });
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`Installing ${vsix} into code-server failed (exit code ${code}):\n${output}`);
  }
  return output.trim();
}

async function waitForHealthy(url, child, getLog, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}:\n${getLog()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s:\n${getLog()}`);
}

/**
 * Starts code-server on a free port with a fresh state folder.
 *
 * @param {object} options
 * @param {string} options.workspace   folder to open
 * @param {string[]} [options.vsix]    .vsix files installed with --install-extension first
 * @param {string} [options.colorTheme] initial `workbench.colorTheme`
 * @param {string} [options.host]      bind address (default 127.0.0.1)
 * @param {number} [options.port]      port (default: a free one)
 * @param {object} [options.settings]  extra user settings
 * @param {(line: string) => void} [options.log]
 * @returns {Promise<{url: string, folderUrl: string, port: number, stateDir: string,
 *   installLog: string, serverLog: () => string, stop: () => Promise<void>}>}
 */
export async function startCodeServer({
  workspace,
  vsix = [],
  colorTheme = LIGHT_THEME,
  host = '127.0.0.1',
  port,
  settings = {},
  log = () => {},
}) {
  const entry = await ensureCodeServer({ log });
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'scaling-code-server-'));
  const userDir = path.join(stateDir, 'user-data', 'User');
  mkdirSync(userDir, { recursive: true });
  mkdirSync(path.join(stateDir, 'extensions'), { recursive: true });
  const settingsPath = path.join(userDir, 'settings.json');
  writeFileSync(settingsPath, JSON.stringify(userSettings(colorTheme, settings), null, 2) + '\n');
  const configPath = path.join(stateDir, 'config.yaml');
  writeFileSync(configPath, 'auth: none\ncert: false\n');

  const installLog = [];
  for (const file of vsix) installLog.push(await installVsix(entry, stateDir, file));

  const chosenPort = port ?? (await freePort(host));
  const args = [
    entry,
    '--config',
    configPath,
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${chosenPort}`,
    '--user-data-dir',
    path.join(stateDir, 'user-data'),
    '--extensions-dir',
    path.join(stateDir, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    workspace,
  ];
  // Its own process group, so that stop() ends code-server and the children it forks.
  const child = spawn(process.execPath, args, {
    env: codeServerEnv(stateDir),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let serverLog = '';
  child.stdout.on('data', (chunk) => (serverLog += chunk));
  child.stderr.on('data', (chunk) => (serverLog += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));

  const url = `http://${host}:${chosenPort}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await waitForHealthy(url, child, () => serverLog, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    folderUrl: `${url}/?folder=${encodeURIComponent(workspace)}`,
    port: chosenPort,
    stateDir,
    installLog: installLog.join('\n'),
    serverLog: () => serverLog,
    stop,
  };
}

/**
 * Builds and packages the extension with `npm run package` and returns the .vsix path.
 * The package script writes dist/scaling-notebooks.vsix.
 */
export async function packageExtension({ repoRoot, log = () => {} }) {
  const vsix = path.join(repoRoot, 'dist', 'scaling-notebooks.vsix');
  const started = Date.now();
  log('Building and packaging the extension (npm run package)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { code, output } = await runToEnd(npm, ['run', 'package'], { cwd: repoRoot, env: process.env });
  if (code !== 0) throw new Error(`npm run package failed (exit code ${code}):\n${output.trim().slice(-4000)}`);
  if (!existsSync(vsix)) throw new Error(`npm run package succeeded but did not write ${vsix}:\n${output.trim().slice(-2000)}`);
  log(`Packaged ${path.relative(repoRoot, vsix)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return vsix;
}
