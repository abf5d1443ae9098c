import * as vscode from 'vscode';
import { inThreadFitRunner } from './language/evaluator/inThreadFitRunner';
import { fetchReportModule } from './notebook/reportLoader';
import { registerScalingNotebooks } from './wiring';

/**
 * Web entry (VS Code for the Web, the web-worker extension host): no Node APIs. The extension host
 * already runs in a web worker, so fits run in it rather than in a nested worker.
 */
export function activate(context: vscode.ExtensionContext): void {
  registerScalingNotebooks(context, inThreadFitRunner, fetchReportModule(vscode.Uri.joinPath(context.extensionUri, 'dist', 'report.js')));
}

export function deactivate(): void {}
