import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { presetLawNames } from '../../src/core';
import { formsOf, keywords } from '../../src/language/registry';

type CaptureNames = Record<string, { name?: string }>;

interface Rule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  name?: string;
  contentName?: string;
  captures?: CaptureNames;
  beginCaptures?: CaptureNames;
  endCaptures?: CaptureNames;
  patterns?: Rule[];
}

interface Grammar {
  scopeName: string;
  injectionSelector?: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const REPOSITORY_ROOT = join(__dirname, '../..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(REPOSITORY_ROOT, path), 'utf8')) as T;

const grammar = readJson<Grammar>('syntaxes/scaling.tmLanguage.json');
const injection = readJson<Grammar>('syntaxes/scaling.markdown-injection.tmLanguage.json');
const languageConfiguration = readJson<{
  comments: { lineComment: string };
  brackets: string[][];
  autoClosingPairs: { open: string; close: string }[];
  wordPattern: string;
}>('language-configuration.json');

function allRules(of: Grammar): Rule[] {
  const rules: Rule[] = [];
  const visit = (rule: Rule) => {
    rules.push(rule);
    rule.patterns?.forEach(visit);
  };
  [...of.patterns, ...Object.values(of.repository)].forEach(visit);
  return rules;
}

const regexSources = (rule: Rule) => [rule.match, rule.begin, rule.end, rule.while].filter((source) => source !== undefined);

/**
 * The Markdown injection needs Oniguruma's \G, as VS Code's own fenced-block rules do: it lets the
 * embedded content begin right after the opening fence and continue inside block quotes and lists.
 * At the start of a line it means the same as ^.
 */
const asJsRegex = (source: string, flags = '') => new RegExp(source.replaceAll('(^|\\G)', '(^)'), flags);

/** Resolves includes to the rules that match text. */
function matchingRules(rules: readonly Rule[]): Rule[] {
  return rules.flatMap((rule) => {
    if (rule.include?.startsWith('#')) return matchingRules([grammar.repository[rule.include.slice(1)]]);
    if (rule.match === undefined && rule.begin === undefined) return matchingRules(rule.patterns ?? []);
    return [rule];
  });
}

function execAt(source: string, line: string, position: number): RegExpExecArray | null {
  const regex = new RegExp(source, 'dg');
  regex.lastIndex = position;
  return regex.exec(line);
}

function paint(scopes: string[][], from: number, to: number, name: string | undefined): void {
  if (name) for (let i = from; i < to; i++) scopes[i].push(name);
}

function paintCaptures(scopes: string[][], match: RegExpExecArray, names: CaptureNames | undefined): void {
  for (const [group, { name }] of Object.entries(names ?? {})) {
    const span = match.indices?.[Number(group)];
    if (span) paint(scopes, span[0], span[1], name);
  }
}

/**
 * A TextMate tokenizer for one line, enough for this grammar: at each position the earliest match
 * wins, the first rule on a tie, and an enclosing rule's end before its own patterns.
 * Returns the end match that stopped it, if any.
 */
function scan(
  rules: readonly Rule[],
  line: string,
  start: number,
  end: string | undefined,
  scopes: string[][],
): RegExpExecArray | undefined {
  const candidates = matchingRules(rules);
  let position = start;
  while (position <= line.length) {
    const endMatch = end === undefined ? null : execAt(end, line, position);
    let best: { rule: Rule; match: RegExpExecArray } | undefined;
    for (const rule of candidates) {
      const match = execAt(rule.match ?? rule.begin!, line, position);
      if (match && (!best || match.index < best.match.index)) best = { rule, match };
    }
    if (endMatch && (!best || endMatch.index <= best.match.index)) return endMatch;
    if (!best) return undefined;
    const { rule, match } = best;
    const matchEnd = match.index + match[0].length;
    if (rule.match !== undefined) {
      paint(scopes, match.index, matchEnd, rule.name);
      paintCaptures(scopes, match, rule.captures);
      position = matchEnd > position ? matchEnd : position + 1;
      continue;
    }
    paintCaptures(scopes, match, rule.beginCaptures ?? rule.captures);
    const closing = scan(rule.patterns ?? [], line, matchEnd, rule.end, scopes);
    const ruleEnd = closing ? closing.index + closing[0].length : line.length;
    if (closing) paintCaptures(scopes, closing, rule.endCaptures ?? rule.captures);
    paint(scopes, match.index, ruleEnd, rule.name);
    position = ruleEnd > position ? ruleEnd : position + 1;
  }
  return undefined;
}

function tokenize(line: string): string[][] {
  const scopes = Array.from({ length: line.length }, (): string[] => []);
  scan(grammar.patterns, line, 0, undefined, scopes);
  return scopes;
}

/** The scopes of each character of `fragment`, at its first occurrence in `line`. */
function fragmentScopes(line: string, fragment: string): string[][] {
  const at = line.indexOf(fragment);
  assert.ok(at >= 0, `"${fragment}" is not in "${line}"`);
  return tokenize(line).slice(at, at + fragment.length);
}

const hasScope = (scopes: string[], scope: string) => scopes.some((name) => name.startsWith(scope));

describe('syntaxes: grammar files', () => {
  it('are JSON with the expected scope names, and the injection embeds source.scaling into Markdown', () => {
    assert.equal(grammar.scopeName, 'source.scaling');
    assert.equal(injection.scopeName, 'markdown.scaling.codeblock');
    assert.match(injection.injectionSelector ?? '', /^L:text\.html\.markdown\b/);
    const embedded = allRules(injection).find((rule) => rule.contentName === 'meta.embedded.block.scaling');
    assert.deepEqual(embedded?.patterns, [{ include: 'source.scaling' }]);
  });

  it('include only rules that exist', () => {
    for (const rule of allRules(grammar).filter((candidate) => candidate.include)) {
      assert.ok(rule.include === '$self' || grammar.repository[rule.include!.slice(1)], rule.include);
    }
  });

  it('compile as JavaScript regexes; the main grammar uses no Oniguruma-only \\G', () => {
    for (const source of allRules(grammar).flatMap(regexSources)) {
      assert.doesNotMatch(source, /\\G/);
      assert.doesNotThrow(() => new RegExp(source), source);
    }
    for (const source of allRules(injection).flatMap(regexSources)) assert.doesNotThrow(() => asJsRegex(source), source);
  });
});

/** The words of a `(a|b|c)` alternation in a grammar regex (after `^\\s*(` or inside `(?:`). */
function alternation(source: string, after: string): string[] {
  const start = source.indexOf(after);
  assert.ok(start >= 0, `no ${after} in ${source}`);
  const body = source.slice(start + after.length, source.indexOf(')', start + after.length));
  return body.split('|').sort();
}

const sorted = (words: Iterable<string>) => [...words].sort();

describe('syntaxes/scaling.tmLanguage.json follows the registry and the presets', () => {
  const [declarationRule, commandRule] = grammar.repository['statement-keyword'].patterns!;
  // Keywords that introduce a name of their own are coloured as declarations, the rest as commands.
  const declares = keywords().filter((keyword) => formsOf(keyword).some((form) => form.name === 'declares' || form.name === 'law'));

  it('colours exactly the declaration keywords as declarations', () => {
    assert.deepEqual(alternation(declarationRule.match!, '^\\s*('), sorted(declares));
  });

  it('colours exactly the other keywords as commands (no keyword missing, none that does not exist)', () => {
    assert.deepEqual(alternation(commandRule.match!, '^\\s*('), sorted(keywords().filter((keyword) => !declares.includes(keyword))));
  });

  it('marks exactly the preset law names and aliases, after law and in law=/laws=', () => {
    assert.deepEqual(alternation(grammar.repository['law-statement'].match!, '\\s+(?:('), sorted(presetLawNames()));
    const presetRule = grammar.repository['law-property'].patterns!.find((rule) => rule.name === 'support.constant.law.scaling')!;
    assert.deepEqual(alternation(presetRule.match!, '(?:'), sorted(presetLawNames()));
  });
});

const BUDGET_LINE = 'budget cluster gpus=2048 gpu=H100 days=60 mfu=40% price=$2.50/h';

/** [line, fragment, scope]: every character of the fragment carries the scope, or a scope below it. */
const SCOPED: readonly [string, string, string][] = [
  ['model chinchilla params=70B tokens=1.4T', 'model', 'storage.type.declaration'],
  ['model chinchilla params=70B tokens=1.4T', 'chinchilla', 'entity.name.type'],
  ['  budget gopher-run compute=5.76e23', 'gopher-run', 'entity.name.type'],
  ['optimal gopher-run', 'optimal', 'keyword.other.command'],
  ['coverage beta=0.3,3 target=90%', 'coverage', 'keyword.other.command'],
  ['emergence answer=20 offset=E', 'emergence', 'keyword.other.command'],
  ['returns compute=1e20..1e26', 'returns', 'keyword.other.command'],
  ['law muennighoff2023', 'muennighoff2023', 'support.constant.law'],
  ['plot frontier compute=1e18..1e26', 'frontier', 'support.type.plot-kind'],
  ['data runs from "runs.csv"', 'from', 'keyword.other.from'],
  ['data runs from "runs.csv"', '"runs.csv"', 'string.quoted.double'],
  ['law epoch', 'epoch', 'support.constant.law'],
  ['law hoffmann2022-precise', 'hoffmann2022-precise', 'support.constant.law'],
  ['law mine E=1.69 A=406.4 B=410.7 alpha=0.34 beta=0.28', 'mine', 'entity.name.type.law'],
  ['law epoch-2', 'epoch-2', 'entity.name.type.law'],
  ['compare a, b laws=epoch,kaplan2020 # x', 'kaplan2020', 'support.constant.law'],
  ['check gopher law=chinchilla', 'chinchilla', 'support.constant.law'],
  ['fit sweep approach=isoflop bootstrap=1000', 'isoflop', 'support.constant.approach'],
  ['fit curves approach=envelope', 'approach', 'variable.parameter.property'],
  ['plot allocation sweep', 'allocation', 'support.type.plot-kind'],
  [BUDGET_LINE, 'gpus', 'variable.parameter.property'],
  [BUDGET_LINE, '=', 'keyword.operator.assignment'],
  [BUDGET_LINE, '2048', 'constant.numeric'],
  [BUDGET_LINE, '40%', 'constant.numeric.percentage'],
  [BUDGET_LINE, '$2.50/h', 'constant.numeric.currency'],
  ['model m params=70B tokens=1.4T', '1.4T', 'constant.numeric'],
  ['model m params=70B tokens=1.4T', 'T', 'keyword.other.unit.suffix'],
  ['budget b compute=5.76e23', '5.76e23', 'constant.numeric'],
  ['plot frontier compute=1e18..1e26', '1e18', 'constant.numeric'],
  ['plot frontier compute=1e18..1e26', '..', 'keyword.operator.range'],
  ['plot frontier compute=1e18..1e26', '1e26', 'constant.numeric'],
  ['plot isoflop compute=1e19,1e20', ',', 'punctuation.separator.comma'],
  ['model next params=20B tokens=20*params', '*', 'keyword.operator.arithmetic'],
  ['check llama-3.1-405b, chinchilla', 'llama-3.1-405b', 'variable.other'],
  ['# a whole-line comment', '# a whole-line comment', 'comment.line.number-sign'],
  ['law epoch   # Besiroglu et al. 2024', '# Besiroglu et al. 2024', 'comment.line'],
];

/** [line, fragment, scope]: no character of the fragment carries the scope. */
const NOT_SCOPED: readonly [string, string, string][] = [
  ['modelx a', 'modelx', 'storage.type'],
  ['check model', 'model', 'storage.type'],
  ['check gopher, chinchilla', 'chinchilla', 'support.constant'],
  ['fit sweep approach=isoflops', 'isoflops', 'support.constant.approach'],
  ['fit sweep bootstrap=all', 'all', 'support.constant.approach'],
  [BUDGET_LINE, 'H100', 'constant.numeric'],
  ['model moe params=8x7B tokens=1T', '8x7B', 'constant.numeric'],
  ['model next params=20B tokens=20*params', '*params', 'variable.parameter'],
  ['check llama-3.1-405b, chinchilla', 'llama-3.1-405b', 'constant.numeric'],
  ['data d from "runs#1.csv"', '#1', 'comment'],
];

describe('syntaxes: scaling grammar', () => {
  for (const [line, fragment, scope] of SCOPED) {
    it(`marks "${fragment}" in "${line}" as ${scope}`, () => {
      for (const scopes of fragmentScopes(line, fragment)) assert.ok(hasScope(scopes, scope), `[${scopes.join(', ')}]`);
    });
  }
  for (const [line, fragment, scope] of NOT_SCOPED) {
    it(`does not mark "${fragment}" in "${line}" as ${scope}`, () => {
      for (const scopes of fragmentScopes(line, fragment)) assert.ok(!hasScope(scopes, scope), `[${scopes.join(', ')}]`);
    });
  }
});

describe('syntaxes: Markdown injection', () => {
  const rule = injection.repository['scaling-code-block'];
  const begin = asJsRegex(rule.begin!);
  /** The end regex after the opening line, with its backreferences filled in as TextMate does. */
  const endAfter = (opening: string) => {
    const captures = begin.exec(opening)!;
    const literal = (group: string) => (captures[Number(group)] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return asJsRegex(rule.end!.replace(/\\(\d)/g, (_, group: string) => literal(group)));
  };

  it('begins at ```scaling and ~~~scaling fences, with or without attributes', () => {
    for (const line of ['```scaling', '~~~~scaling', '  ``` scaling', '```scaling {title}']) assert.match(line, begin);
    for (const line of ['```python', '```scalingx', 'scaling', '``scaling', '`~~scaling']) assert.doesNotMatch(line, begin);
  });

  it('ends at a closing fence of the same character, at least as long', () => {
    assert.match('````', endAfter('````scaling'));
    assert.match('`````  ', endAfter('````scaling'));
    assert.doesNotMatch('```', endAfter('````scaling'));
    assert.doesNotMatch('~~~~', endAfter('````scaling'));
    assert.match('~~~', endAfter('~~~scaling'));
  });

  it('embeds the lines in between, up to a fence line', () => {
    const content = asJsRegex(rule.patterns![0].while!);
    assert.match('law epoch', content);
    assert.doesNotMatch('```', content);
  });
});

describe('syntaxes: language configuration', () => {
  it('comments with #, pairs brackets and quotes', () => {
    assert.equal(languageConfiguration.comments.lineComment, '#');
    assert.deepEqual(languageConfiguration.brackets, [['(', ')']]);
    assert.deepEqual(
      languageConfiguration.autoClosingPairs.map((pair) => pair.open),
      ['(', '"', "'"],
    );
  });

  it('takes names with dashes and dots, and numbers with suffixes, as whole words', () => {
    const words = (text: string) => text.match(new RegExp(languageConfiguration.wordPattern, 'g'));
    assert.deepEqual(words('check llama-3.1-405b, gopher-run'), ['check', 'llama-3.1-405b', 'gopher-run']);
    assert.deepEqual(words('tokens=1.4T mfu=40% compute=1e18..1e26'), ['tokens', '1.4T', 'mfu', '40%', 'compute', '1e18', '1e26']);
  });
});
