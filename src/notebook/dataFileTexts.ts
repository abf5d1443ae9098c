/** Files whose text is kept: a notebook rarely reads more than a few. */
const CAPACITY = 16;

/**
 * Texts of data files already read, each kept with the modification time and size it was read at:
 * the editor's as-you-type diagnostics evaluate on every pause, and should re-read a (possibly
 * 64 MB) CSV only when it changed, not on every keystroke. Free of the VS Code API, tested in Node.
 */
export class DataFileTexts {
  private readonly texts = new Map<string, { readonly mtime: number; readonly size: number; readonly text: string }>();

  /** The text read from `uri`, if the file still has the modification time and size it had then. */
  get(uri: string, mtime: number, size: number): string | undefined {
    const kept = this.texts.get(uri);
    return kept && kept.mtime === mtime && kept.size === size ? kept.text : undefined;
  }

  set(uri: string, mtime: number, size: number, text: string): void {
    this.texts.delete(uri);
    this.texts.set(uri, { mtime, size, text });
    // Forget the least recently read file beyond capacity.
    if (this.texts.size > CAPACITY) this.texts.delete(this.texts.keys().next().value!);
  }
}
