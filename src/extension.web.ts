import type * as vscode from 'vscode';
import { inThreadFitRunner } from './language/evaluator/inThreadFitRunner';
import { registerScalingNotebooks } from './wiring';

/**
 * Web entry (VS Code for the Web, the web-worker extension host): no Node APIs. The extension host
 * already runs in a web worker, so fits run in it rather than in a nested worker.
 */
export function activate(context: vscode.ExtensionContext): void {
  registerScalingNotebooks(context, inThreadFitRunner);
}

export function deactivate(): void {}
