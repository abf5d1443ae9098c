import { ACCELERATORS, MODEL_CATALOG, PRESET_LAWS, LAW_ALIASES, formatCount, formatRatio, formatScientific } from '../core';
import type { Position } from './ast';
import { scopeAt, type ScopeOptions } from './evaluator/evaluateNotebook';
import type { Scope } from './evaluator/scope';
import { lexLine, type Token } from './lexer';
import { parseCell, splitLines } from './parser';
import { defaultForm, formFor, formsOf, isKeyword, keywordHelp, keywords } from './registry';
import type { PropertySpec, StatementForm } from './statementForm';

export type CompletionKind = 'keyword' | 'property' | 'law' | 'model' | 'budget' | 'data' | 'accelerator' | 'form' | 'value';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** Text to insert when it differs from the label (`params=`). */
  readonly insertText?: string;
  /** True for a property whose values can be completed: ask again right after inserting it. */
  readonly suggestsValues?: boolean;
}

function keywordEntries(): CompletionEntry[] {
  return keywords().map((label) => {
    const help = keywordHelp(label);
    return { label, kind: 'keyword', detail: help.syntax, documentation: `${help.doc}\n\nExample: ${help.example}` };
  });
}

function lawEntries(scope: Scope): CompletionEntry[] {
  const declared = scope.namesOf('law').map((label): CompletionEntry => ({ label, kind: 'law', detail: 'declared law' }));
  const presets = PRESET_LAWS.map((law): CompletionEntry => ({
    label: law.id,
    kind: 'law',
    detail: law.name,
    documentation: law.citation,
  }));
  const aliases = Object.entries(LAW_ALIASES).map(([alias, id]): CompletionEntry => ({
    label: alias,
    kind: 'law',
    detail: `alias of ${id}`,
  }));
  return [...declared, ...presets, ...aliases];
}

function modelEntries(scope: Scope): CompletionEntry[] {
  const declared = scope.all().flatMap((declaration): CompletionEntry[] =>
    declaration.kind === 'model'
      ? [
          {
            label: declaration.name,
            kind: 'model',
            detail: `${formatCount(declaration.params)} on ${formatCount(declaration.tokens)} tokens`,
          },
        ]
      : [],
  );
  const catalog = MODEL_CATALOG.map((model): CompletionEntry => ({
    label: model.id,
    kind: 'model',
    detail: `${model.name}: ${formatCount(model.params)}${model.activeParams ? ` (${formatCount(model.activeParams)} active)` : ''} on ${formatCount(model.tokens)} tokens, ${formatRatio(model.tokens / (model.activeParams ?? model.params))} tokens/param`,
    documentation: model.source,
  }));
  return [...declared, ...catalog];
}

function budgetEntries(scope: Scope): CompletionEntry[] {
  return scope
    .all()
    .flatMap((declaration): CompletionEntry[] =>
      declaration.kind === 'budget'
        ? [{ label: declaration.name, kind: 'budget', detail: `${formatScientific(declaration.compute)} FLOP` }]
        : [],
    );
}

function dataEntries(scope: Scope): CompletionEntry[] {
  return scope.namesOf('data').map((label): CompletionEntry => ({ label, kind: 'data', detail: 'data set' }));
}

/** The values a property's type admits: names of its references, words of its enum. */
function valueEntries(spec: PropertySpec | undefined, scope: Scope): CompletionEntry[] {
  const type = spec?.type;
  if (type?.kind === 'enum') return type.values.map((label): CompletionEntry => ({ label, kind: 'value', detail: spec!.doc }));
  if (type?.kind !== 'reference') return [];
  switch (type.to) {
    case 'accelerator':
      return ACCELERATORS.map((gpu) => ({
        label: gpu.id,
        kind: 'accelerator',
        detail: `${gpu.name}, ${formatScientific(gpu.peakFlops)} FLOP/s BF16`,
        documentation: gpu.source,
      }));
    case 'law':
      return lawEntries(scope);
    case 'model':
      return modelEntries(scope);
    case 'data':
      return dataEntries(scope);
  }
}

/** What may stand right after the keyword, by what each of its forms takes there. */
function nameEntries(form: StatementForm, scope: Scope, properties: CompletionEntry[]): CompletionEntry[] {
  switch (form.name) {
    case 'law':
      return lawEntries(scope);
    case 'form':
      return [{ label: form.form!, kind: 'form', detail: form.doc, documentation: `${form.syntax}\n\nExample: ${form.example}` }];
    case 'models':
      return [...modelEntries(scope), ...properties];
    case 'budget-or-model':
      return [...budgetEntries(scope), ...modelEntries(scope), ...properties];
    case 'data':
      return dataEntries(scope);
    case 'language':
      // The target is any language name; the example shows what goes there.
      return [{ label: form.example.split(' ')[1], kind: 'value', detail: 'the target language: any name', documentation: form.syntax }];
    case 'none':
      return properties;
    case 'declares':
      return [];
  }
}

/** Properties that turn a line into another form of its keyword (`mixture=` makes `fit` a mixture fit). */
function formSelectors(keyword: string): Record<string, PropertySpec> {
  return Object.fromEntries(
    formsOf(keyword).flatMap((form) => (form.form && form.properties[form.form] ? [[form.form, form.properties[form.form]]] : [])),
  );
}

/** The form of the line typed so far, or the keyword's default form while it cannot be told yet. */
function formOfLine(keyword: string, lineSoFar: string, scope: Scope): StatementForm | undefined {
  const [statement] = parseCell(lineSoFar).statements;
  return (statement && formFor(statement, (name) => scope.lookup(name) !== undefined)) ?? defaultForm(keyword);
}

/** The key of the `key=a, b,` list the cursor is in, if any. */
function openListKey(tokens: readonly Token[]): string | undefined {
  let i = tokens.length - 1;
  while (i >= 1 && (tokens[i].kind === 'comma' || tokens[i].kind === 'name')) i--;
  return tokens[i]?.kind === 'equals' ? tokens[i - 1]?.text : undefined;
}

/**
 * Completions at a position of code cell `cellIndex`: keywords at the start of a line, a keyword's
 * properties after it, and after `key=` the values that fit (accelerators, laws, models); names
 * declared in the cells above are offered with the catalog.
 */
export function completionsAt(
  cells: readonly string[],
  cellIndex: number,
  position: Position,
  options: ScopeOptions = {},
): CompletionEntry[] {
  const lineText = splitLines(cells[cellIndex] ?? '')[position.line] ?? '';
  const before = lineText.slice(0, position.column);
  if (before.includes('#')) return [];
  const partial = /[A-Za-z0-9_.\-αβ]*$/.exec(before)![0];
  const tokens = lexLine(before.slice(0, before.length - partial.length)).tokens;
  if (tokens.length === 0) return keywordEntries();
  const keyword = tokens[0].text.toLowerCase();
  if (!isKeyword(keyword)) return [];
  // Names declared on earlier lines are visible; the current line is still being typed.
  const scope = scopeAt(cells, cellIndex, position.line - 1, options);
  const form = formOfLine(keyword, before.slice(0, before.length - partial.length), scope);
  const last = tokens[tokens.length - 1];
  const listKey = openListKey(tokens);
  if (last.kind === 'equals' || (last.kind === 'comma' && listKey)) return listKey ? valueEntries(form?.properties[listKey], scope) : [];
  const given = new Set(tokens.filter((_, i) => tokens[i + 1]?.kind === 'equals').map((token) => token.text));
  const properties = Object.entries({ ...(form?.properties ?? {}), ...(form && !form.matches ? formSelectors(keyword) : {}) })
    .filter(([key]) => !given.has(key))
    .map(([key, property]): CompletionEntry => ({
      label: key,
      kind: 'property',
      detail: property.expects,
      documentation: property.doc,
      insertText: `${key}=`,
      ...(valueEntries(property, scope).length > 0 ? { suggestsValues: true } : {}),
    }));
  if (tokens.length === 1) return unique(formsOf(keyword).flatMap((candidate) => nameEntries(candidate, scope, properties)));
  if (last.kind !== 'comma') return properties;
  // After a comma: more of the models or data sets the statement lists.
  if (form?.name === 'models') return [...modelEntries(scope), ...properties];
  return form?.positionals && form.name === 'form' ? dataEntries(scope) : [];
}

/** Entries by label, the first of each (a form's properties are offered once even when it has several name roles). */
function unique(entries: CompletionEntry[]): CompletionEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.label) && seen.add(entry.label));
}
