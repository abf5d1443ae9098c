import * as vscode from 'vscode';
import { CHECK_MODEL_SIZE, checkModelSize } from './checkModelSizeCommand';
import { registerDesignDocCommands } from './designDocCommands';
import { DesignDocHoverProvider } from './designDocHover';
import { DesignDocInlayHintsProvider } from './designDocInlayHints';

/** Markdown and plain-text files, saved or not: where design docs are written. */
const DESIGN_DOC_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];

/**
 * Registers "Is this undertrained?" for design docs: the hover, the optional inline hints, `Scaling:
 * Check Model Size…` and the commands behind their links. Registration only: nothing is read or
 * computed until a hover, a hint request or a command.
 */
export function registerDesignDocs(context: vscode.ExtensionContext): void {
  const inlayHints = new DesignDocInlayHintsProvider();
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(DESIGN_DOC_SELECTOR, new DesignDocHoverProvider()),
    vscode.languages.registerInlayHintsProvider(DESIGN_DOC_SELECTOR, inlayHints),
    inlayHints,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('scaling.designDocs') || event.affectsConfiguration('scaling.defaultLaw')) inlayHints.refresh();
    }),
    vscode.commands.registerCommand(CHECK_MODEL_SIZE, checkModelSize),
    ...registerDesignDocCommands(),
  );
}
