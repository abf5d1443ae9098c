import type { StatementValues } from './statementValues';
import { atSpan } from './statementValues';

/**
 * A numeric property run through a core check (a rate in range, a whole number), so the check's
 * message points at the value that failed it; undefined when the property is absent.
 */
export function checkedNumber(values: StatementValues, key: string, check: (value: number) => unknown, options: { unit?: 'percent' } = {}): number | undefined {
  const value = values.number(key, options);
  if (value !== undefined) atSpan(values.property(key)!.value.span, () => check(value));
  return value;
}
