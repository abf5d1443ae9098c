import { ACCELERATORS, MODEL_CATALOG, PRESET_LAWS, LAW_ALIASES, formatCount, formatRatio, formatScientific } from '../core';
import type { Position } from './ast';
import { scopeAt, type EvaluateOptions } from './evaluator/evaluateNotebook';
import type { Scope } from './evaluator/scope';
import { lexLine, type Token } from './lexer';
import { splitLines } from './parser';
import { KEYWORDS, PLOT_KINDS } from './statements';
import { APPROACH_DOCS, FIT_APPROACHES } from './evaluator/approachStatements';

export type CompletionKind = 'keyword' | 'property' | 'law' | 'model' | 'budget' | 'accelerator' | 'plot' | 'approach';

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
  return Object.entries(KEYWORDS).map(([label, spec]) => ({ label, kind: 'keyword', detail: spec.syntax, documentation: `${spec.doc}\n\nExample: ${spec.example}` }));
}

function lawEntries(scope: Scope): CompletionEntry[] {
  const declared = scope.namesOf('law').map((label): CompletionEntry => ({ label, kind: 'law', detail: 'declared law' }));
  const presets = PRESET_LAWS.map((law): CompletionEntry => ({ label: law.id, kind: 'law', detail: law.name, documentation: law.citation }));
  const aliases = Object.entries(LAW_ALIASES).map(([alias, id]): CompletionEntry => ({ label: alias, kind: 'law', detail: `alias of ${id}` }));
  return [...declared, ...presets, ...aliases];
}

function modelEntries(scope: Scope): CompletionEntry[] {
  const declared = scope.all().flatMap((declaration): CompletionEntry[] =>
    declaration.kind === 'model'
      ? [{ label: declaration.name, kind: 'model', detail: `${formatCount(declaration.params)} on ${formatCount(declaration.tokens)} tokens` }]
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
  return scope.all().flatMap((declaration): CompletionEntry[] =>
    declaration.kind === 'budget' ? [{ label: declaration.name, kind: 'budget', detail: `${formatScientific(declaration.compute)} FLOP` }] : [],
  );
}

function valueEntries(key: string, scope: Scope): CompletionEntry[] {
  switch (key) {
    case 'gpu':
      return ACCELERATORS.map((gpu) => ({ label: gpu.id, kind: 'accelerator', detail: `${gpu.name}, ${formatScientific(gpu.peakFlops)} FLOP/s BF16`, documentation: gpu.source }));
    case 'law':
    case 'laws':
      return lawEntries(scope);
    case 'models':
      return modelEntries(scope);
    case 'approach':
      return FIT_APPROACHES.map((label) => ({ label, kind: 'approach', detail: APPROACH_DOCS[label] }));
    default:
      return [];
  }
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
export function completionsAt(cells: readonly string[], cellIndex: number, position: Position, options: Pick<EvaluateOptions, 'defaultLaw' | 'resources'> = {}): CompletionEntry[] {
  const lineText = splitLines(cells[cellIndex] ?? '')[position.line] ?? '';
  const before = lineText.slice(0, position.column);
  if (before.includes('#')) return [];
  const partial = /[A-Za-z0-9_.\-αβ]*$/.exec(before)![0];
  const tokens = lexLine(before.slice(0, before.length - partial.length)).tokens;
  if (tokens.length === 0) return keywordEntries();
  const keyword = tokens[0].text.toLowerCase();
  const spec = KEYWORDS[keyword];
  if (!spec) return [];
  // Names declared on earlier lines are visible; the current line is still being typed.
  const scope = scopeAt(cells, cellIndex, position.line - 1, options);
  const last = tokens[tokens.length - 1];
  const listKey = openListKey(tokens);
  if (last.kind === 'equals' || (last.kind === 'comma' && listKey)) return listKey ? valueEntries(listKey, scope) : [];
  const given = new Set(tokens.filter((_, i) => tokens[i + 1]?.kind === 'equals').map((token) => token.text));
  const properties = Object.entries(spec.properties)
    .filter(([key]) => !given.has(key))
    .map(([key, property]): CompletionEntry => ({
      label: key,
      kind: 'property',
      detail: property.expects,
      documentation: property.doc,
      insertText: `${key}=`,
      ...(valueEntries(key, scope).length > 0 ? { suggestsValues: true } : {}),
    }));
  const positionalAllowed = tokens.length === 1 || last.kind === 'comma';
  if (!positionalAllowed) return properties;
  switch (keyword) {
    case 'law':
      return lawEntries(scope);
    case 'plot':
      return Object.entries(PLOT_KINDS).map(([label, doc]) => ({ label, kind: 'plot', detail: doc }));
    case 'check':
    case 'compare':
      return [...modelEntries(scope), ...properties];
    case 'optimal':
      return [...budgetEntries(scope), ...modelEntries(scope), ...properties];
    case 'coverage':
    case 'tournament':
    case 'emergence':
      // Statements without a name: their properties come first.
      return properties;
    default:
      return [];
  }
}
