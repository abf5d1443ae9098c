import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
function scan(rules: readonly Rule[], line: string, start: number, end: string | undefined, scopes: string[][]): RegExpExecArray | undefined {
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

/** Asserts that every character of `fragment` (its first occurrence in `line`) has a scope starting with `scope`. */
function assertScope(line: string, fragment: string, scope: string): void {
  const at = line.indexOf(fragment);
  assert.ok(at >= 0, `"${fragment}" is not in "${line}"`);
  const scopes = tokenize(line);
  for (let i = at; i < at + fragment.length; i++) {
    assert.ok(scopes[i].some((name) => name.startsWith(scope)), `"${fragment}" in "${line}": character ${i} has [${scopes[i].join(', ')}], not ${scope}`);
  }
}

function assertNoScope(line: string, fragment: string, scope: string): void {
  const at = line.indexOf(fragment);
  const scopes = tokenize(line);
  for (let i = at; i < at + fragment.length; i++) {
    assert.ok(!scopes[i].some((name) => name.startsWith(scope)), `"${fragment}" in "${line}" is ${scope}`);
  }
}

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

describe('syntaxes: scaling grammar', () => {
  it('marks keywords at the start of a line, and declared names after them', () => {
    assertScope('model chinchilla params=70B tokens=1.4T', 'model', 'storage.type.declaration');
    assertScope('model chinchilla params=70B tokens=1.4T', 'chinchilla', 'entity.name.type');
    assertScope('  budget gopher-run compute=5.76e23', 'gopher-run', 'entity.name.type');
    assertScope('optimal gopher-run', 'optimal', 'keyword.other.command');
    assertScope('plot frontier compute=1e18..1e26', 'frontier', 'support.type.plot-kind');
    assertScope('data runs from "runs.csv"', 'from', 'keyword.other.from');
    assertScope('data runs from "runs.csv"', '"runs.csv"', 'string.quoted.double');
    assertNoScope('modelx a', 'modelx', 'storage.type');
    assertNoScope('check model', 'model', 'storage.type');
  });

  it('marks law presets after law, law= and laws=, and other law names as declarations', () => {
    assertScope('law epoch', 'epoch', 'support.constant.law');
    assertScope('law hoffmann2022-precise', 'hoffmann2022-precise', 'support.constant.law');
    assertScope('law mine E=1.69 A=406.4 B=410.7 alpha=0.34 beta=0.28', 'mine', 'entity.name.type.law');
    assertScope('law epoch-2', 'epoch-2', 'entity.name.type.law');
    assertScope('compare a, b laws=epoch,kaplan2020 # x', 'kaplan2020', 'support.constant.law');
    assertScope('check gopher law=chinchilla', 'chinchilla', 'support.constant.law');
    assertNoScope('check gopher, chinchilla', 'chinchilla', 'support.constant');
  });

  it('marks property names before =, and numbers with suffixes, exponents, percentages and prices', () => {
    const line = 'budget cluster gpus=2048 gpu=H100 days=60 mfu=40% price=$2.50/h';
    assertScope(line, 'gpus', 'variable.parameter.property');
    assertScope(line, '=', 'keyword.operator.assignment');
    assertScope(line, '2048', 'constant.numeric');
    assertNoScope(line, 'H100', 'constant.numeric');
    assertScope(line, '40%', 'constant.numeric.percentage');
    assertScope(line, '$2.50/h', 'constant.numeric.currency');
    assertScope('model m params=70B tokens=1.4T', '1.4T', 'constant.numeric');
    assertScope('model m params=70B tokens=1.4T', 'T', 'keyword.other.unit.suffix');
    assertScope('budget b compute=5.76e23', '5.76e23', 'constant.numeric');
    assertNoScope('model moe params=8x7B tokens=1T', '8x7B', 'constant.numeric');
  });

  it('reads ranges, lists and arithmetic, and names with digits, dashes and dots as names', () => {
    assertScope('plot frontier compute=1e18..1e26', '1e18', 'constant.numeric');
    assertScope('plot frontier compute=1e18..1e26', '..', 'keyword.operator.range');
    assertScope('plot frontier compute=1e18..1e26', '1e26', 'constant.numeric');
    assertScope('plot isoflop compute=1e19,1e20', ',', 'punctuation.separator.comma');
    assertScope('model next params=20B tokens=20*params', '*', 'keyword.operator.arithmetic');
    assertNoScope('model next params=20B tokens=20*params', '*params', 'variable.parameter');
    assertScope('check llama-3.1-405b, chinchilla', 'llama-3.1-405b', 'variable.other');
    assertNoScope('check llama-3.1-405b, chinchilla', 'llama-3.1-405b', 'constant.numeric');
  });

  it('marks comments, also after statements, but not # inside strings', () => {
    assertScope('# a whole-line comment', '# a whole-line comment', 'comment.line.number-sign');
    assertScope('law epoch   # Besiroglu et al. 2024', '# Besiroglu et al. 2024', 'comment.line');
    assertNoScope('data d from "runs#1.csv"', '#1', 'comment');
  });
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
    assert.deepEqual(languageConfiguration.autoClosingPairs.map((pair) => pair.open), ['(', '"', "'"]);
  });

  it('takes names with dashes and dots, and numbers with suffixes, as whole words', () => {
    const words = (text: string) => text.match(new RegExp(languageConfiguration.wordPattern, 'g'));
    assert.deepEqual(words('check llama-3.1-405b, gopher-run'), ['check', 'llama-3.1-405b', 'gopher-run']);
    assert.deepEqual(words('tokens=1.4T mfu=40% compute=1e18..1e26'), ['tokens', '1.4T', 'mfu', '40%', 'compute', '1e18', '1e26']);
  });
});
