import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ResourceProvider } from '../language/evaluator/evaluateWithResources';
import { computeFitRequest } from '../language/evaluator/inThreadFitRunner';
import type { FileOutcome } from '../language/evaluator/resources';
import type { CliIo } from './cliIo';

/** Whether `path` lies inside `folder` (no `..` escape, no other drive). */
export function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder === '' || (!fromFolder.startsWith('..') && !isAbsolute(fromFolder));
}

/**
 * Files for `data … from "x.csv"` resolve relative to the notebook and must stay inside the working
 * directory, the CLI's workspace; fits run in this thread.
 */
export function cliResources(io: CliIo, notebookPath: string): ResourceProvider {
  return {
    readFile: async (path): Promise<FileOutcome> => {
      const absolute = resolve(io.cwd, dirname(notebookPath), path);
      if (!isInside(io.cwd, absolute)) {
        return { error: `"${path}" is outside the working directory ${io.cwd}, the CLI's workspace: run the CLI from a folder that holds both the notebook and its data` };
      }
      try {
        return { text: io.readFile(absolute) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    },
    runFit: async (request) => computeFitRequest(request),
  };
}
