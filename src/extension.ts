import type * as vscode from 'vscode';
import { registerCellEditorHelp } from './editor/cellEditorHelp';
import { registerDesignDocs } from './editor/designDocs';
import { defaultLawSetting } from './editor/settings';
import { registerChartExport } from './notebook/chartExport';
import { registerNewNotebookCommand } from './notebook/newNotebookCommand';
import { ScalingController } from './notebook/scalingController';
import { registerScalingSerializer } from './notebook/scalingSerializer';

/** Wiring only: every piece registers itself. Nothing heavy runs here (no vega in this bundle). */
export function activate(context: vscode.ExtensionContext): void {
  registerScalingSerializer(context);
  context.subscriptions.push(new ScalingController(defaultLawSetting));
  registerCellEditorHelp(context);
  registerNewNotebookCommand(context);
  registerChartExport(context);
  registerDesignDocs(context);
}

export function deactivate(): void {}
