/** Short constructors for typed properties and their constraints, and the properties several statements share. */
import type { Constraint, PropertySpec, ValueType } from '../statementForm';

const typed =
  (type: ValueType) =>
  (doc: string, expects: string): PropertySpec => ({ doc, expects, type });

export const count = typed({ kind: 'count' });
export const plainNumber = typed({ kind: 'number' });
export const fraction = typed({ kind: 'fraction' });
export const price = typed({ kind: 'price' });
export const column = typed({ kind: 'column' });
export const freeNames = typed({ kind: 'names' });
export const rangeOrNumbers = typed({ kind: 'range-or-numbers' });

export const whole = (doc: string, expects: string, min: number, max?: number): PropertySpec => ({
  doc,
  expects,
  type: max === undefined ? { kind: 'whole', min } : { kind: 'whole', min, max },
});

export const range = (doc: string, expects: string, fallback?: readonly [number, number], wholeNumbers = false): PropertySpec => ({
  doc,
  expects,
  type: { kind: 'range', ...(fallback ? { default: fallback } : {}), ...(wholeNumbers ? { whole: true } : {}) },
});

export const numbers = (doc: string, expects: string, length?: number): PropertySpec => ({
  doc,
  expects,
  type: length === undefined ? { kind: 'numbers' } : { kind: 'numbers', length },
});

export const reference = (to: 'model' | 'law' | 'data' | 'accelerator', many: boolean, doc: string, expects: string): PropertySpec => ({
  doc,
  expects,
  type: { kind: 'reference', to, many },
});

export const oneOf = (values: readonly string[], doc: string, expects: string): PropertySpec => ({
  doc,
  expects,
  type: { kind: 'enum', values },
});

/** At most one of `keys` may be given: each answers the question another way (`why` says how). */
export const atMostOne = (keys: readonly string[], why: string): Constraint => ({ kind: 'at-most-one', keys, why });

/** All of `keys` or none: `example` shows them given together. */
export const together = (keys: readonly string[], example: string): Constraint => ({ kind: 'together', keys, example });

/** The Chinchilla-form constants L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, Eq. 2). */
export const LAW_CONSTANTS: Readonly<Record<string, PropertySpec>> = {
  E: plainNumber('irreducible loss (nats/token)', 'a number like 1.69'),
  A: plainNumber('parameter term coefficient in A/N^α', 'a number like 406.4'),
  B: plainNumber('data term coefficient in B/D^β', 'a number like 410.7'),
  alpha: plainNumber('parameter exponent α', 'a number like 0.34'),
  beta: plainNumber('data exponent β', 'a number like 0.28'),
};

export const LAW_PROPERTY = reference('law', false, 'answer under this law instead of the active one', 'a law name like epoch');

export const lawsProperty = (doc: string) => reference('law', true, doc, 'law names like epoch, chinchilla');

export const MODELS_PROPERTY = reference('model', true, 'models to mark on the chart', 'model names like gopher, chinchilla');

/** Points per curve of a chart: at least 2 to draw a line, at most 5,000 to keep the webview quick. */
export const POINTS_PROPERTY = whole('points per curve', 'a whole number like 60', 2, 5000);
