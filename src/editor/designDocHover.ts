import * as vscode from 'vscode';
import { commandLinkTarget, detectedModelMarkdown, mentionAt, type LineSource } from '../designDocs';
import { COPY_AS_MARKDOWN_LABEL, COPY_MENTION_MARKDOWN, OPEN_IN_NOTEBOOK_LABEL, OPEN_MENTION_IN_NOTEBOOK } from './designDocCommands';
import { defaultLawSetting } from './settings';

/** A document's lines as the detector reads them, without copying its text. */
export function documentLines(document: vscode.TextDocument): LineSource {
  return {
    lineCount: document.lineCount,
    lineText: (line) => document.lineAt(line).text,
    lineOffset: (line) => document.offsetAt(new vscode.Position(line, 0)),
  };
}

/** The `scaling.designDocs.enabled` setting for this document's folder. */
export function designDocsEnabled(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('scaling.designDocs', document.uri).get<boolean>('enabled', true);
}

/**
 * "Is this undertrained?" on hover in Markdown and plain-text files: D/N, compute, the verdict under
 * the default law and the compute-optimal model at the same compute, with links to open it in a
 * notebook or copy it. Only the paragraph (or table row) under the mouse is read.
 */
export class DesignDocHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!designDocsEnabled(document)) return undefined;
    try {
      const mention = mentionAt(documentLines(document), position.line, position.character);
      if (!mention) return undefined;
      const markdown = new vscode.MarkdownString(detectedModelMarkdown(mention, defaultLawSetting()));
      markdown.appendMarkdown(
        `\n\n[${OPEN_IN_NOTEBOOK_LABEL}](${commandLinkTarget(OPEN_MENTION_IN_NOTEBOOK, mention)}) · [${COPY_AS_MARKDOWN_LABEL}](${commandLinkTarget(COPY_MENTION_MARKDOWN, mention)})`,
      );
      // Trusted for our two commands only: a document cannot smuggle in a link to any other.
      markdown.isTrusted = { enabledCommands: [OPEN_MENTION_IN_NOTEBOOK, COPY_MENTION_MARKDOWN] };
      return new vscode.Hover(markdown, new vscode.Range(mention.line, mention.column, mention.endLine, mention.endColumn));
    } catch {
      // A hover must never surface an error in the middle of someone's writing.
      return undefined;
    }
  }
}
