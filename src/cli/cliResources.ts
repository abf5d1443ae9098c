import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { bootstrapChinchilla, fitChinchilla } from '../core/fit';
import type { ResourceProvider } from '../language/evaluator/evaluateWithResources';
import type { FileOutcome, FitOutcome, FitRequest } from '../language/evaluator/resources';
import type { CliIo } from './cliIo';

/** Whether `path` lies inside `folder` (no `..` escape, no other drive). */
export function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder === '' || (!fromFolder.startsWith('..') && !isAbsolute(fromFolder));
}

/** Runs a fit request in this thread: the CLI has nothing else to do meanwhile. */
export function runFitRequest(request: FitRequest): FitOutcome {
  try {
    if (request.kind === 'fit') return { fit: fitChinchilla(request.points, request.options) };
    const bootstrap = bootstrapChinchilla(request.points, request.options);
    return { fit: bootstrap.fit, bootstrap };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * Files for `data … from "x.csv"` resolve relative to the notebook and must stay inside the working
 * directory, the CLI's workspace; fits run in this thread.
 */
export function cliResources(io: CliIo, notebookPath: string): ResourceProvider {
  return {
    readFile: async (path): Promise<FileOutcome> => {
      const absolute = resolve(io.cwd, dirname(notebookPath), path);
      if (!isInside(io.cwd, absolute)) return { error: `"${path}" is outside the working directory ${io.cwd}` };
      try {
        return { text: io.readFile(absolute) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    },
    runFit: async (request) => runFitRequest(request),
  };
}
