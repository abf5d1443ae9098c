import type * as vscode from 'vscode';
import { requireReportModule } from './notebook/reportLoader';
import { nodeFitRunner } from './node/nodeFitRunner';
import { registerScalingNotebooks } from './wiring';

/** Desktop (and code-server) entry: fits run in worker threads from dist/fitWorker.js. */
export function activate(context: vscode.ExtensionContext): void {
  registerScalingNotebooks(
    context,
    nodeFitRunner(context.asAbsolutePath('dist/fitWorker.js')),
    requireReportModule(context.asAbsolutePath('dist/report.js')),
  );
}

export function deactivate(): void {}
