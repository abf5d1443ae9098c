#!/usr/bin/env node
// `npm start`: the one-command demo. Builds and packages the extension, installs code-server
// (VS Code 1.100 in the browser) into .cache/vscode-hosts/ if needed, installs the .vsix into a
// fresh temp profile, opens examples/ and prints the address. Ctrl+C stops it and removes the
// temp profile; nothing is written to your home folder.
//
//   npm start [-- --port 8080] [--host 0.0.0.0] [--no-package | --vsix FILE] [--folder DIR]

import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageExtension, startCodeServer } from './e2e/codeServer.mjs';
import { REPO_ROOT } from './e2e/installVsCode.mjs';

// A stable address for demos; a free port is chosen when it is taken.
const DEFAULT_PORT = 8080;

function portIsFree(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT },
    host: { type: 'string', default: '127.0.0.1' },
    folder: { type: 'string', default: path.join(REPO_ROOT, 'examples') },
    'no-package': { type: 'boolean', default: false },
    vsix: { type: 'string' },
    theme: { type: 'string', default: 'Default Dark Modern' },
  },
});

async function main() {
  const vsix = path.resolve(options.vsix ?? path.join(REPO_ROOT, 'dist', 'scaling-notebooks.vsix'));
  if ((options['no-package'] || options.vsix) && existsSync(vsix)) console.log(`Using ${path.relative(process.cwd(), vsix)}`);
  else await packageExtension({ repoRoot: REPO_ROOT, log: console.log });

  const folder = path.resolve(existsSync(options.folder) ? options.folder : REPO_ROOT);
  const server = await startCodeServer({
    workspace: folder,
    vsix: [vsix],
    host: options.host,
    port: options.port ? Number(options.port) : (await portIsFree(DEFAULT_PORT, options.host)) ? DEFAULT_PORT : undefined,
    colorTheme: options.theme,
    log: console.log,
  });

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping code-server and removing ${server.stateDir}`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => stop('Ctrl+C'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  console.log(`
Scaling Notebooks is running in VS Code (code-server) with ${path.relative(process.cwd(), folder) || folder} open:

    ${server.folderUrl}

Open that address in a browser, then open a .scaling notebook from the Explorer and press "Run All".
Profile, settings and extensions live in ${server.stateDir} (removed on exit).
Press Ctrl+C to stop.`);

  // Keep running while code-server does; report if it dies on its own.
  const alive = setInterval(async () => {
    const healthy = await fetch(`${server.url}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (!healthy && !stopping) {
      clearInterval(alive);
      console.error(`code-server stopped answering on ${server.url}:\n${server.serverLog().slice(-3000)}`);
      await server.stop();
      process.exit(1);
    }
  }, 5000);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
