/**
 * What the fuzz tests write cells with, derived from the statement registry (src/language/statements/index.ts):
 * a keyword, form word, property or enum value added there is fuzzed without editing a list, and
 * fuzz.test.ts checks that no list drops one.
 */
import fc from 'fast-check';
import { keywordProperties, keywords } from '../../src/language/registry';
import type { ValueType } from '../../src/language/statementForm';
import { STATEMENT_FORMS } from '../../src/language/statements';

const PROPERTY_TYPES: readonly ValueType[] = STATEMENT_FORMS.flatMap((form) => Object.values(form.properties).map((spec) => spec.type));

/** Every keyword, in the order completions offer them. */
export const KEYWORDS: readonly string[] = keywords();

/** The words that name a form after its keyword: frontier, isoflop, … of plot; mixture of optimal. */
export const FORM_WORDS: readonly string[] = [...new Set(STATEMENT_FORMS.flatMap((form) => (form.form ? [form.form] : [])))];

/** The property keys the forms of `keywordList` take (all keywords by default), each once. */
export function propertyKeysOf(keywordList: readonly string[] = KEYWORDS): string[] {
  return [...new Set(keywordList.flatMap((keyword) => Object.keys(keywordProperties(keyword))))];
}

/** The words of every one-of-a-set property: approach=isoflop, mixture=joint. */
export const ENUM_WORDS: readonly string[] = [...new Set(PROPERTY_TYPES.flatMap((type) => (type.kind === 'enum' ? type.values : [])))];

export const keyword = fc.constantFrom(...KEYWORDS);
export const propertyKey = fc.constantFrom(...propertyKeysOf());

/** Values of a type as a user might write them, right (4 in 5) and wrong. */
export function valueOf(type: ValueType): fc.Arbitrary<string> {
  const wrong = fc.constantFrom('-1', '0', '1e999', 'x', '"s"', '50%', '1..0');
  return fc.oneof({ arbitrary: rightValueOf(type), weight: 4 }, { arbitrary: wrong, weight: 1 });
}

function rightValueOf(type: ValueType): fc.Arbitrary<string> {
  switch (type.kind) {
    case 'count':
      return fc.constantFrom('70B', '1.4T', '20*params', '1e9');
    case 'number':
      return fc.constantFrom('0.5', '1.69', '-0.04', '20');
    case 'fraction':
      return fc.constantFrom('40%', '0.3', '0.7', '99%');
    case 'whole':
      return fc.integer({ min: 0, max: 60 }).map(String);
    case 'range':
      return fc.constantFrom('1e18..1e26', '1..100', '1e8..1e14');
    case 'numbers':
      return fc.constantFrom('3,1', '0.3,3', '1e19,1e21');
    case 'range-or-numbers':
      return fc.constantFrom('1e18..1e26', '1e19,1e21');
    case 'reference':
      return fc.constantFrom('epoch', 'gopher', 'H100', 'ladder', 'chinchilla,kaplan');
    case 'enum':
      return fc.constantFrom(...type.values, 'other');
    case 'price':
      return fc.constantFrom('$2.50/h', '$1');
    case 'column':
      return fc.constantFrom('n_params', 'loss');
    case 'names':
      return fc.constantFrom('web,code', 'books');
  }
}

/** A value of a type some property has, each type as likely as the others. */
export const anyValue = fc.oneof(...new Map(PROPERTY_TYPES.map((type) => [JSON.stringify(type), valueOf(type)])).values());

/** A line of one form: its keyword, a word or two, and some of its properties with values of their types. */
export const formLine = fc.constantFrom(...STATEMENT_FORMS).chain((form) => {
  const keys = Object.keys(form.properties);
  const properties =
    keys.length === 0
      ? fc.constant([])
      : fc
          .uniqueArray(fc.constantFrom(...keys), { maxLength: 4 })
          .chain((chosen) => fc.tuple(...chosen.map((key) => valueOf(form.properties[key].type).map((value) => `${key}=${value}`))));
  const head = fc.constantFrom(form.example.split(/\s+\S+=/)[0], form.keyword, `${form.keyword} gopher`);
  return fc.tuple(head, properties).map(([words, items]) => [words, ...items].join(' '));
});
