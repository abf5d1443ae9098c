import * as vscode from 'vscode';
import { assessDetectedModel, mentionsInLines, verdictHint } from '../designDocs';
import { designDocsEnabled, documentLines } from './designDocHover';
import { defaultLawSetting } from './settings';

/** The `scaling.designDocs.inlineHints` setting (off by default: hints change how prose reads). */
function inlineHintsEnabled(document: vscode.TextDocument): boolean {
  return (
    designDocsEnabled(document) && vscode.workspace.getConfiguration('scaling.designDocs', document.uri).get<boolean>('inlineHints', false)
  );
}

/** "≈20 tokens/param · near compute-optimal" after each detected model, in the visible lines only. */
export class DesignDocInlayHintsProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;

  /** Asks the editor to redraw the hints, e.g. after the settings changed. */
  refresh(): void {
    this.changed.fire();
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): vscode.InlayHint[] {
    if (!inlineHintsEnabled(document)) return [];
    try {
      const law = defaultLawSetting();
      const hints: vscode.InlayHint[] = [];
      for (const mention of mentionsInLines(documentLines(document), range.start.line, range.end.line)) {
        if (token.isCancellationRequested) break;
        const end = new vscode.Position(mention.endLine, mention.endColumn);
        if (!range.contains(end)) continue;
        const hint = new vscode.InlayHint(end, verdictHint(assessDetectedModel(mention, law), law));
        hint.paddingLeft = true;
        hints.push(hint);
      }
      return hints;
    } catch {
      // Hints are decoration: a failure shows none rather than an error.
      return [];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
