import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { fileTooLargeMessage } from '../language/limits';

/** What a path is when it is not a plain file, for the refusal. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a plain file';
}

/**
 * Reads a regular file as UTF-8, at most `maxMegabytes` of it, without its byte-order mark. Opened
 * non-blocking and checked on the open descriptor, so a named pipe cannot hang the CLI and a device
 * (a link to /dev/zero) cannot exhaust memory; a file that grows while read is cut at the cap.
 */
export function readRegularTextFile(path: string, shownPath: string, maxMegabytes: number): string {
  const descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new Error(`"${shownPath}" is ${kindOf(stats)}: only regular files are read`);
    const maxBytes = maxMegabytes * 2 ** 20;
    if (stats.size > maxBytes) throw new Error(fileTooLargeMessage(shownPath, stats.size, maxMegabytes));
    const buffer = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(descriptor, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break; // the file shrank while being read
      filled += read;
    }
    return buffer
      .subarray(0, filled)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    closeSync(descriptor);
  }
}
