import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ResourceProvider } from '../language/evaluator/evaluateWithResources';
import { computeFitRequest } from '../language/evaluator/inThreadFitRunner';
import type { FileOutcome } from '../language/evaluator/resources';
import type { CliIo } from './cliIo';

/** Whether `path` lies inside `folder` (no `..` escape, no other drive); `..data.csv` is a name like any other. */
export function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder === '' || (fromFolder !== '..' && !fromFolder.startsWith(`..${sep}`) && !isAbsolute(fromFolder));
}

/**
 * The real path of a data file, or why it may not be read: it must exist and, with every symbolic
 * link resolved (its own and its folders'), lie inside the real working directory.
 */
function realDataPath(io: CliIo, path: string, absolute: string): { real: string } | { error: string } {
  if (!isInside(io.cwd, absolute)) {
    const advice = 'run the CLI from a folder that holds both the notebook and its data';
    return { error: `"${path}" is outside the working directory ${io.cwd}, the CLI's workspace: ${advice}` };
  }
  let real: string;
  try {
    real = io.realPath(absolute);
  } catch {
    return { error: `no such file ${absolute}` };
  }
  if (!isInside(io.realPath(io.cwd), real)) {
    const problem = `"${path}" is a symbolic link (or inside a linked folder) that leads outside the working directory ${io.cwd}`;
    return { error: `${problem}: data files must really lie inside it` };
  }
  return { real };
}

/**
 * Files for `data … from "x.csv"` of a notebook resolve relative to it and must stay inside the
 * working directory, the CLI's workspace. Without a notebook the file was named on the command line
 * by the person running it (`mixture FILE.csv`) and is read as given. Fits run in this thread.
 */
export function cliResources(io: CliIo, notebookPath?: string): Required<ResourceProvider> {
  return {
    readFile: async (path): Promise<FileOutcome> => {
      const located = notebookPath === undefined ? { real: path } : realDataPath(io, path, resolve(io.cwd, dirname(notebookPath), path));
      if ('error' in located) return located;
      try {
        return { text: io.readFile(located.real) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    },
    runFit: async (request) => computeFitRequest(request, io.progress),
  };
}
