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
