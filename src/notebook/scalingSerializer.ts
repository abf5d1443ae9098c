/**
 * VS Code glue for the `.scaling` file format: maps the cells of {@link parseScalingMarkdown} to
 * notebook cells and back. Web-safe (TextDecoder/TextEncoder, no fs or path).
 */
import * as vscode from 'vscode';
import {
  type CellData,
  type CellLayout,
  fencedCodeBlock,
  parseScalingMarkdown,
  serializeScalingMarkdown,
} from '../markdownFormat/markdownCells';
import { LANGUAGE_ID, NOTEBOOK_TYPE } from './scalingCells';

/** Cell metadata key holding the {@link CellLayout} that lets an unchanged cell be written back byte for byte. */
const LAYOUT_KEY = 'layout';
/** Notebook metadata key: the file started with a UTF-8 byte-order mark. */
const BOM_KEY = 'bom';
const BYTE_ORDER_MARK = '\uFEFF';

function toNotebookCell(cell: CellData): vscode.NotebookCellData {
  const data =
    cell.kind === 'code'
      ? new vscode.NotebookCellData(vscode.NotebookCellKind.Code, cell.source, LANGUAGE_ID)
      : new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, cell.source, 'markdown');
  data.metadata = cell.layout ? { [LAYOUT_KEY]: cell.layout } : {};
  return data;
}

/** The recorded layout, if the metadata still holds one; metadata can be edited or pasted in from elsewhere. */
function recordedLayout(metadata: { [key: string]: unknown } | undefined): CellLayout | undefined {
  const layout = metadata?.[LAYOUT_KEY] as Partial<CellLayout> | undefined;
  const complete =
    typeof layout?.fileEol === 'string' &&
    layout.eol !== undefined &&
    Array.isArray(layout.blankLinesBefore) &&
    Array.isArray(layout.blankLinesAfter);
  return complete ? (layout as CellLayout) : undefined;
}

function fromNotebookCell(cell: vscode.NotebookCellData): CellData {
  const layout = recordedLayout(cell.metadata);
  if (cell.kind === vscode.NotebookCellKind.Markup) return { kind: 'markdown', source: cell.value, layout };
  if (cell.languageId === LANGUAGE_ID) return { kind: 'code', source: cell.value, layout };
  // A cell switched to another language stays that language's fenced block, which reads back as Markdown.
  return { kind: 'markdown', source: fencedCodeBlock(cell.value, cell.languageId) };
}

/** Reads and writes `.scaling` files; cell outputs are never stored. */
export class ScalingNotebookSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    // ignoreBOM keeps a byte-order mark in the text, so it can be noted and written back.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(content);
    const hasBom = text.startsWith(BYTE_ORDER_MARK);
    const notebook = new vscode.NotebookData(parseScalingMarkdown(hasBom ? text.slice(1) : text).map(toNotebookCell));
    notebook.metadata = { [BOM_KEY]: hasBom };
    return notebook;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const text = serializeScalingMarkdown(data.cells.map(fromNotebookCell));
    return new TextEncoder().encode(data.metadata?.[BOM_KEY] === true ? BYTE_ORDER_MARK + text : text);
  }
}

/** The notebook as its `.scaling` file would be written now, unsaved edits included (what exports evaluate). */
export function notebookFileText(notebook: vscode.NotebookDocument): string {
  return serializeScalingMarkdown(
    notebook.getCells().map((cell) => {
      const data = new vscode.NotebookCellData(cell.kind, cell.document.getText(), cell.document.languageId);
      data.metadata = cell.metadata;
      return fromNotebookCell(data);
    }),
  );
}

export function registerScalingSerializer(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new ScalingNotebookSerializer(), { transientOutputs: true }),
  );
}
