import type * as vscode from 'vscode';
import { registerCellEditorHelp } from './editor/cellEditorHelp';
import { registerDesignDocs } from './editor/designDocs';
import { defaultLawSetting } from './editor/settings';
import { FitCache } from './language/evaluator/evaluateWithResources';
import type { FitRunner } from './language/evaluator/resources';
import { registerChartExport } from './notebook/chartExport';
import { LiveResults } from './notebook/liveResults';
import { registerNewNotebookCommand } from './notebook/newNotebookCommand';
import { registerReportExportCommands } from './notebook/reportExportCommands';
import type { ReportLoader } from './notebook/reportLoader';
import { NotebookSessions } from './notebook/notebookSessions';
import { ScalingController } from './notebook/scalingController';
import { registerScalingSerializer } from './notebook/scalingSerializer';

/**
 * Everything the extension registers, shared by the desktop and web entries, which differ only in
 * where fits run. Registration only: nothing heavy runs at activation (no vega in this bundle, no
 * worker started before the first fit).
 */
export function registerScalingNotebooks(context: vscode.ExtensionContext, fitRunner: FitRunner, loadReports: ReportLoader): void {
  const fits = new FitCache();
  const sessions = new NotebookSessions();
  const controller = new ScalingController(defaultLawSetting, fitRunner, fits, sessions);
  registerScalingSerializer(context);
  context.subscriptions.push(sessions, controller, new LiveResults(controller, sessions, fits, defaultLawSetting));
  registerCellEditorHelp(context, fits, sessions);
  registerNewNotebookCommand(context);
  registerChartExport(context);
  registerReportExportCommands(context, { loadReports, defaultLaw: defaultLawSetting, fitRunner, fitCache: fits });
  registerDesignDocs(context);
}
