import * as vscode from 'vscode';

/** The report module (src/report/index.ts) as built into dist/report.js. */
export type ReportModule = typeof import('../report');

/** Loads the report module the first time it is asked for, then keeps it. */
export type ReportLoader = () => Promise<ReportModule>;

function once(load: () => Promise<ReportModule>): ReportLoader {
  let loading: Promise<ReportModule> | undefined;
  return () => {
    loading ??= load();
    loading.catch(() => (loading = undefined));
    return loading;
  };
}

declare const require: (path: string) => unknown;

/** Desktop extension host: `require` the bundle (Node resolves it, stack traces keep its file name). */
export function requireReportModule(bundlePath: string): ReportLoader {
  return once(async () => require(bundlePath) as ReportModule);
}

async function fetchText(uri: vscode.Uri): Promise<string> {
  const response = await fetch(uri.toString(true));
  if (!response.ok) throw new Error(`cannot load ${uri.toString(true)}: HTTP ${response.status}`);
  return response.text();
}

/**
 * Web extension host: no `require` or `import()` of extension files there, so the bundle's text is
 * read (`workspace.fs` for remote and local extension folders, `fetch` for http(s) ones, as VS Code
 * itself loads a web extension's main file) and evaluated as a CommonJS module.
 */
export function fetchReportModule(bundle: vscode.Uri): ReportLoader {
  return once(async () => {
    const source =
      bundle.scheme === 'http' || bundle.scheme === 'https'
        ? await fetchText(bundle)
        : new TextDecoder().decode(await vscode.workspace.fs.readFile(bundle));
    const module = { exports: {} as ReportModule };
    new Function('module', 'exports', `${source}\n//# sourceURL=${bundle.toString(true)}`)(module, module.exports);
    return module.exports;
  });
}
