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
  data: vscode.CompletionItemKind.Variable,
  accelerator: vscode.CompletionItemKind.EnumMember,
  form: vscode.CompletionItemKind.Enum,
  value: vscode.CompletionItemKind.Value,
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
    const law = this.defaultLaw();
    const options = context ? this.evaluations.scopeOptions(context.notebook, context.texts, context.cellIndex, law) : { defaultLaw: law };
    const where = { line: position.line, column: position.character };
    const entries = completionsAt(context?.texts ?? [document.getText()], context?.cellIndex ?? 0, where, options);
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
