/** What the design-doc detector reports: a model's size and training tokens found in text. */

/** How a mention was written: a sentence, a catalog name, a table row, `N=…, D=…`, or `280B/300B`. */
export type MentionSource = 'prose' | 'catalog' | 'table' | 'assignment' | 'slash';

/** A model size and token count, wherever it came from (a document, a selection, an input box). */
export interface DetectedModel {
  /** Total parameters. */
  readonly params: number;
  /** Parameters active per token, when the text names them (mixture-of-experts). */
  readonly activeParams?: number;
  readonly tokens: number;
  /** The text as written, e.g. "70B parameters trained on 1.4T tokens". */
  readonly matchedText: string;
  readonly source: MentionSource;
  /** The model's name when the text gives one: a catalog name or a table's model column. */
  readonly name?: string;
}

/** A {@link DetectedModel} with where it sits in a document. */
export interface ModelMention extends DetectedModel {
  /** Offsets of the first character and one past the last, in the whole document. */
  readonly start: number;
  readonly end: number;
  /** 0-based line and UTF-16 column of `start`, as VS Code counts them. */
  readonly line: number;
  readonly column: number;
  /** 0-based line and column of `end` (a sentence may wrap onto the next line). */
  readonly endLine: number;
  readonly endColumn: number;
}

/** A detection inside one block of text (offsets into that block), before it is placed in the document. */
export interface BlockMention extends Omit<DetectedModel, 'matchedText'> {
  readonly start: number;
  readonly end: number;
}
