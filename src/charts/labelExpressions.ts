/**
 * Vega expressions that format numbers the way the text output does (core's formatCount and
 * formatScientific), for axis labels (`datum.value`) and tooltips (`datum.<field>`). The renderer
 * evaluates them with vega's CSP-safe interpreter (`ast: true`), so they use only vega expression
 * functions (`format`, `replace`, `abs`) and no JavaScript.
 */

/** Count suffixes, largest first, as formatCount prints them (B = 1e9, T = 1e12). */
const COUNT_SCALES: ReadonlyArray<readonly [scale: number, suffix: string]> = [
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/**
 * A value switches to the next suffix once it rounds to 1 of it at three significant digits, so
 * 999.96B prints as 1T rather than 1e+3B.
 */
const ROUNDS_UP_FROM = 0.9995;

/**
 * Scientific notation without the plus sign: 5.76e23, 1e21; plain from 1 to 999, as formatScientific.
 *
 * @example scientificExpr('datum.value') // "abs(datum.value) >= 0.9995 && … ? format(datum.value, '.3~g') : replace(…)"
 */
export function scientificExpr(ref: string): string {
  const plain = `abs(${ref}) >= ${ROUNDS_UP_FROM} && abs(${ref}) < ${1000 * ROUNDS_UP_FROM}`;
  return `${plain} ? format(${ref}, '.3~g') : replace(format(${ref}, '.2~e'), 'e+', 'e')`;
}

/**
 * A count with a suffix: 7e10 → 70B, 1.4e12 → 1.4T; scientific from 1e18, plain below 1,000.
 *
 * @example countExpr('datum.params')
 */
export function countExpr(ref: string): string {
  let expression = `format(${ref}, '.3~g')`;
  for (const [scale, suffix] of [...COUNT_SCALES].reverse()) {
    expression = `abs(${ref}) >= ${scale * ROUNDS_UP_FROM} ? format(${ref} / ${scale}, '.3~g') + '${suffix}' : ${expression}`;
  }
  return `abs(${ref}) >= ${1e18 * ROUNDS_UP_FROM} ? ${scientificExpr(ref)} : ${expression}`;
}

/**
 * A loss to four significant digits: 2.03125 → 2.031.
 *
 * @example lossExpr('datum.loss') // "format(datum.loss, '.4~g')"
 */
export function lossExpr(ref: string): string {
  return `format(${ref}, '.4~g')`;
}

/**
 * A fraction as a percentage to three significant digits, as the text output prints it: 0.5 → 50%,
 * 3.3e-14 → 3.3e-12%.
 *
 * @example percentExpr('datum.coverage') // "format(datum.coverage * 100, '.3~g') + '%'"
 */
export function percentExpr(ref: string): string {
  return `format(${ref} * 100, '.3~g') + '%'`;
}
