import type { FileOutcome, FitOutcome, Lookup, ProvidedResources } from './resources';

/**
 * The files and fits one cell's evaluation looked up, and what it found (undefined while pending).
 * The cell's results stand while the same lookups find the same: a file with the same text, the
 * same fit.
 */
export class ResourceReads {
  private readonly files = new Map<string, FileOutcome | undefined>();
  private readonly fits = new Map<string, FitOutcome | undefined>();

  /** `resources` as the cell sees them: every lookup is remembered. */
  observe(resources: ProvidedResources): ProvidedResources {
    return { files: remembering(resources.files, this.files), fits: remembering(resources.fits, this.fits) };
  }

  /** True when `resources` answer every lookup the cell made as before. */
  agree(resources: ProvidedResources): boolean {
    // Most cells read nothing; a kernel's Run All asks this of every cell above each cell it runs.
    if (this.files.size === 0 && this.fits.size === 0) return true;
    for (const [path, outcome] of this.files) if (!sameFile(resources.files?.get(path), outcome)) return false;
    for (const [key, outcome] of this.fits) if (resources.fits?.get(key) !== outcome) return false;
    return true;
  }
}

function remembering<Value>(source: Lookup<Value> | undefined, found: Map<string, Value | undefined>): Lookup<Value> {
  return {
    get(key) {
      const value = source?.get(key);
      if (!found.has(key)) found.set(key, value);
      return value;
    },
  };
}

/** A file read again (after a change on disk, or in a new Run) is the same when its text is. */
function sameFile(a: FileOutcome | undefined, b: FileOutcome | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return 'text' in a ? 'text' in b && a.text === b.text : 'error' in b && a.error === b.error;
}
