import { FractionRangeError, type FractionWriting } from '../../core';
import { BOOTSTRAP_CONFIDENCE_RANGE } from '../../core/fit';
import type { ValueNode } from '../ast';
import type { StatementValues } from './statementValues';
import { atSpan } from './statementValues';

/** How a fraction was written: `40%` is a percentage; a bare number (or an expression) is plain. */
function fractionWriting(node: ValueNode): FractionWriting {
  if (node.type === 'negate') return fractionWriting(node.operand);
  return node.type === 'number' && node.unit === 'percent' ? 'percent' : 'plain';
}

/**
 * A numeric property run through a core check (a rate in range, a whole number), so the check's
 * message points at the value that failed it; undefined when the property is absent. A fraction
 * out of range is reported the way it was written: `p=12` as "got 12 (as a fraction that is
 * 1200%); write 12% or 0.12", `p=150%` as "got 150%".
 */
export function checkedNumber(
  values: StatementValues,
  key: string,
  check: (value: number) => unknown,
  options: { unit?: 'percent' } = {},
): number | undefined {
  const value = values.number(key, options);
  if (value === undefined) return value;
  const node = values.property(key)!.value;
  atSpan(node.span, () => {
    try {
      check(value);
    } catch (error) {
      if (error instanceof FractionRangeError) throw error.writtenAs(fractionWriting(node));
      throw error;
    }
  });
  return value;
}

/** The `confidence=` of a bootstrap (95% when absent), a fraction strictly between 0 and 1. */
export function bootstrapConfidence(values: StatementValues): number | undefined {
  return checkedNumber(
    values,
    'confidence',
    (value) => {
      if (!(value > 0 && value < 1)) throw new FractionRangeError('confidence', value, BOOTSTRAP_CONFIDENCE_RANGE);
    },
    { unit: 'percent' },
  );
}
