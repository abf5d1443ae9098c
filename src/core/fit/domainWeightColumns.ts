import { FitDataError } from './fitPoints';

/**
 * Reading the domain weights of a data-mixture study (Shukor et al. 2025): one column per domain
 * holding the share of the run's tokens drawn from it.
 */

/** Header prefixes that mark a domain weight: `w_web`, `weight_code`, and `h_books` after the paper's h. */
const WEIGHT_PREFIXES = ['w_', 'weight_', 'h_'] as const;

/** Prefixes recognised without `domains=`; `h_` is left out, as it also starts unrelated names (h_dim). */
const DETECTED_PREFIXES = ['w_', 'weight_'] as const;

/**
 * Fractions rounded to two decimals miss 1 by up to 0.005 per domain (0.33 + 0.33 + 0.33 = 0.99);
 * within this slack the row is rescaled to sum to 1 exactly.
 */
const WEIGHT_SUM_SLACK = 0.02;

/** A domain and the column its weight comes from. */
export interface DomainColumn {
  readonly domain: string;
  readonly index: number;
}

/**
 * The weight column of each domain: for named `domains`, the header equal to the domain or to a
 * prefix plus it (`web`, `w_web`, `weight_web`, `h_web`); without, every header starting with `w_`
 * or `weight_`, the domain being the rest. `normalize` compares headers as the runs reader does.
 * Empty when there are none; a study needs at least two domains.
 *
 * @example domainWeightColumns(['params', 'tokens', 'w_web', 'w_code', 'loss'], undefined, (h) => h) // [{ domain: 'web', index: 2 }, { domain: 'code', index: 3 }]
 */
export function domainWeightColumns(
  headers: readonly string[],
  domains: readonly string[] | undefined,
  normalize: (header: string) => string,
): DomainColumn[] {
  const normalized = headers.map(normalize);
  const columns = domains
    ? domains.map((domain) => {
        const names = [domain, ...WEIGHT_PREFIXES.map((prefix) => prefix + domain)].map(normalize);
        const matches = normalized.flatMap((header, index) => (names.includes(header) ? [index] : []));
        if (matches.length === 0)
          throw new FitDataError(
            `no weight column for domain "${domain}": expected a header such as ${names
              .slice(0, 2)
              .map((name) => `"${name}"`)
              .join(' or ')}; the headers are ${headers.map((h) => `"${h}"`).join(', ')}`,
          );
        if (matches.length > 1)
          throw new FitDataError(
            `ambiguous weight column for domain "${domain}": ${matches.map((index) => `"${headers[index]}"`).join(' and ')}`,
          );
        return { domain, index: matches[0] };
      })
    : normalized.flatMap((header, index) => {
        const prefix = DETECTED_PREFIXES.find((candidate) => header.startsWith(candidate) && header.length > candidate.length);
        return prefix ? [{ domain: headers[index].trim().slice(prefix.length), index }] : [];
      });
  if (columns.length === 1)
    throw new FitDataError(`only one domain weight column ("${headers[columns[0].index]}"): a data mixture needs at least two domains`);
  return columns;
}

/**
 * One run's domain weights, rescaled to sum to exactly 1. Throws naming the line and column for a
 * weight that is not a number ≥ 0, and for weights that do not sum to 1 (percentages, a forgotten domain).
 *
 * @example readDomainWeights(['0.5', '0.3', '0.2'], [{ domain: 'web', index: 0 }, { domain: 'code', index: 1 }, { domain: 'books', index: 2 }], ['w_web', 'w_code', 'w_books'], 2) // [0.5, 0.3, 0.2]
 */
export function readDomainWeights(
  row: readonly string[],
  columns: readonly DomainColumn[],
  headers: readonly string[],
  line: number,
): number[] {
  const weights = columns.map(({ index }) => {
    const text = (row[index] ?? '').trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < 0)
      throw new FitDataError(`line ${line}, column "${headers[index]}": a domain weight must be a number ≥ 0, got "${text}"`, line);
    return value;
  });
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (Math.abs(sum - 1) > WEIGHT_SUM_SLACK) {
    const hint = Math.abs(sum - 100) <= 100 * WEIGHT_SUM_SLACK ? ': write them as fractions, not percentages' : '';
    throw new FitDataError(
      `line ${line}: the domain weights sum to ${Number(sum.toPrecision(6))} (${columns.map(({ index }) => headers[index]).join(' + ')}); they must sum to 1${hint}`,
      line,
    );
  }
  return weights.map((weight) => weight / sum);
}
