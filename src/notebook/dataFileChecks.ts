import { fileTooLargeMessage } from '../language/limits';

/** What a file-system entry is, as far as reading data goes. */
export interface EntryFacts {
  readonly kind: 'file' | 'folder' | 'link' | 'other';
  readonly size: number;
  /** Last modification, in milliseconds since 1970. */
  readonly mtime: number;
}

/**
 * Why a data file may not be read, or undefined when it may. `steps` are the paths from the allowed
 * folder down to the file (`runs`, `runs/ladder.csv`): no step may be a symbolic link, so a link
 * cannot lead outside the workspace (VS Code's file-system API has no real-path call that works on
 * the web and remotes alike); the file must be a regular file no larger than the cap. Free of the VS
 * Code API so it is tested in plain Node (test/notebook/dataFileChecks.test.ts).
 */
export async function dataFileRefusal(
  shownPath: string,
  steps: readonly string[],
  factsOf: (step: string) => Promise<EntryFacts | undefined>,
  maxMegabytes: number,
): Promise<string | undefined> {
  for (const [index, step] of steps.entries()) {
    const facts = await factsOf(step);
    if (!facts) return `no such file ${step}`;
    if (facts.kind === 'link') {
      const rule = 'data files are read only through real files and folders of the workspace, so no link can lead outside it';
      return `"${step}" is a symbolic link: ${rule}`;
    }
    const last = index === steps.length - 1;
    if (!last && facts.kind !== 'folder') return `no such file ${shownPath}: "${step}" is not a folder`;
    if (last && facts.kind !== 'file') {
      const what = facts.kind === 'folder' ? 'a folder' : 'not a regular file (a pipe or device?)';
      return `"${shownPath}" is ${what}: only regular files are read`;
    }
    if (last && facts.size > maxMegabytes * 2 ** 20) return fileTooLargeMessage(shownPath, facts.size, maxMegabytes);
  }
  return undefined;
}
