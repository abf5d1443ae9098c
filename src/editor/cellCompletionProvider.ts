import * as vscode from 'vscode';
import type { ScalingLaw } from '../core';
import { completionsAt, type CompletionKind } from '../language/completionItems';
import { cellContext } from './cellContext';
import type { NotebookEvaluations } from './notebookEvaluations';

const KIND: Readonly<Record<CompletionKind, vscode.CompletionItemKind>> = {
  keyword: vscode.CompletionItemKind.Keyword,
  property: vscode.CompletionItemKind.Property,
  law: vscode.CompletionItemKind.Function,
  model: vscode.CompletionItemKind.Class,
  budget: vscode.CompletionItemKind.Variable,
  accelerator: vscode.CompletionItemKind.EnumMember,
  plot: vscode.CompletionItemKind.Enum,
  approach: vscode.CompletionItemKind.EnumMember,
};

/** Completions in `scaling` cells: keywords, properties, law presets, catalog models, GPUs, names above. */
export class CellCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['=', ',', ' '];

  constructor(
    private readonly defaultLaw: () => ScalingLaw,
    private readonly evaluations: NotebookEvaluations,
  ) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const context = cellContext(document);
    const entries = completionsAt(context?.texts ?? [document.getText()], context?.cellIndex ?? 0, { line: position.line, column: position.character }, { defaultLaw: this.defaultLaw(), resources: context && this.evaluations.resources(context.notebook) });
    return entries.map((entry) => {
      const item = new vscode.CompletionItem(entry.label, KIND[entry.kind]);
      if (entry.detail) item.detail = entry.detail;
      if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
      if (entry.insertText) item.insertText = entry.insertText;
      if (entry.suggestsValues) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
      return item;
    });
  }
}
