import { dirname, join, relative, resolve, sep } from 'node:path';
import { renderReport, type ReportDocument, type ReportFormat, type ReportThemeName } from '../report';
import { CLI_VERSION } from './cliVersion';
import type { CliIo } from './cliIo';

export interface ReportTarget {
  readonly format: ReportFormat;
  readonly theme: ReportThemeName;
  /** The report's file; stdout when absent. */
  readonly out?: string;
  /** Markdown only: the folder the charts' SVG files go to. */
  readonly charts?: string;
}

/**
 * Writes an evaluated notebook as an HTML or Markdown report, to `out` or stdout. Markdown links its
 * charts relative to where it is read from: the `out` file's folder, else the working directory.
 */
export async function writeReport(io: CliIo, document: ReportDocument, target: ReportTarget): Promise<void> {
  const readFrom = target.out ? dirname(resolve(io.cwd, target.out)) : io.cwd;
  const chartsFolderLink =
    target.charts === undefined ? undefined : relative(readFrom, resolve(io.cwd, target.charts)).split(sep).join('/');
  const report = await renderReport(document, {
    format: target.format,
    theme: target.theme,
    chartsFolderLink,
    generator: `scaling-notebook ${CLI_VERSION}`,
    onProgress: io.progress && ((done, total) => io.progress?.(done, total, `${document.file}: drawing charts`)),
  });
  for (const chart of report.charts) io.writeFile(join(target.charts!, chart.fileName), chart.svg);
  if (target.out) io.writeFile(target.out, report.text);
  else io.out(report.text);
}
