import { formatFileSize } from '../core';

/**
 * Caps on what one line of a cell may ask for. Cells come from cloned repositories, so a few bytes
 * must never buy unbounded work: each cap sits far above anything a scaling-law notebook needs and
 * far below what exhausts the stack or memory (see docs/security.md). Errors name the cap.
 */

/**
 * Deepest expression a value may hold, counting parentheses, minus signs and the terms of a sum or
 * product. The parser and evaluator recurse once per level; about 1,200 levels exhausted V8's stack.
 */
export const MAX_EXPRESSION_DEPTH = 100;

/** Most items a comma list may hold (`compute=1e19,1e20,…`, `laws=…`, `importance=…`). */
export const MAX_LIST_ITEMS = 100;

/** Most lines of one series a chart may draw (laws of a comparison, budgets of an isoFLOP plot). */
export const MAX_CHART_SERIES = 20;

/**
 * Largest data or notebook file read, in megabytes, unless the `scaling.data.maxFileMegabytes`
 * setting or the CLI's `--max-file-megabytes` says otherwise. A ladder of thousands of runs is well
 * under 1 MB; 64 MB leaves room for wide mixture tables while a link to /dev/zero or a huge log
 * fails fast with a message instead of exhausting memory.
 */
export const DEFAULT_MAX_FILE_MEGABYTES = 64;

/**
 * The file size cap's message: which file, its size, the limit and how to raise it. Size and limit are
 * written with as many digits as it takes to tell them apart (a 1.2 KB file over a 0.001 MB limit is
 * not "0.0 MB, above the 0.001 MB limit"), and the limit in the file's unit when that reads differently.
 */
export function fileTooLargeMessage(path: string, bytes: number, maxMegabytes: number): string {
  const raise = 'raise it with the scaling.data.maxFileMegabytes setting or --max-file-megabytes';
  const limitBytes = maxMegabytes * 2 ** 20;
  let digits = 3;
  while (digits < 12 && formatFileSize(bytes, digits) === formatFileSize(limitBytes, digits)) digits++;
  const limit = formatFileSize(limitBytes, digits);
  const limitAsSize = limit === `${maxMegabytes} MB` ? '' : ` (${limit})`;
  return `"${path}" is ${formatFileSize(bytes, digits)}, above the ${maxMegabytes} MB limit${limitAsSize} for files read (${raise})`;
}

/**
 * Most bootstrap resamples a fit may ask for, in a cell (`bootstrap=`) and the CLI (`--bootstrap`):
 * percentile intervals are stable to a few tenths of a percent by 10,000 (Efron & Tibshirani 1993,
 * ch. 19), and each resample is a full fit, so more only buys hours of work.
 */
export const MAX_BOOTSTRAP_SAMPLES = 100_000;

/**
 * Magnitudes a number in a cell may have (zero aside). 1e40 is ten orders of magnitude past any
 * training run planned today (frontier runs are near 1e26 FLOP; Sevilla et al. 2022), and small
 * enough that products such as 6·N·D of two such numbers stay finite in doubles (max ≈ 1.8e308);
 * 1e-30 is far below any constant or fraction the language takes (Huber δ = 1e-3, Hoffmann et
 * al. 2022) and far above denormals (below 2.2e-308), whose reciprocals overflow.
 */
export const MAX_MAGNITUDE = 1e40;
export const MIN_MAGNITUDE = 1e-30;
