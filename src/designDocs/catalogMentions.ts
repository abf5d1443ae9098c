import { MODEL_CATALOG, type CatalogModel } from '../core';
import type { BlockMention } from './modelMention';

/** A catalog spelling that names a size (`Llama 3 8B`, `gpt-3-175b`). */
const NAMES_A_SIZE = /\d(?:\.\d+)?\s*b\b/i;

/**
 * The spellings worth finding in prose. A spelling without a size is skipped when the model's own
 * name has one: "Chinchilla" and "Gopher" usually name a paper or a rule ("Chinchilla-optimal"),
 * not the 70B model; "DeepSeek-V3" has no size in any spelling and is kept.
 */
function proseSpellings(model: CatalogModel): string[] {
  const spellings = [model.name, model.id, ...(model.aliases ?? [])];
  const sized = NAMES_A_SIZE.test(model.name);
  return [...new Set(spellings.filter((spelling) => !sized || NAMES_A_SIZE.test(spelling)))];
}

/**
 * A pattern that accepts a spelling with any of space, hyphen, underscore or nothing between its
 * words and numbers: `llama3-8b` also finds "Llama 3 8B" and "Llama-3-8B".
 */
function spellingPattern(spelling: string): string {
  const parts = spelling.toLowerCase().match(/[a-z]+|\d+(?:\.\d+)?[a-z]?/g) ?? [];
  return parts.map((part) => part.replace(/\./g, '\\.')).join('[\\s_-]?');
}

interface CatalogPattern {
  readonly regex: RegExp;
  readonly models: readonly CatalogModel[];
}

function buildCatalogPattern(): CatalogPattern {
  // Spellings that differ only in separators ("Llama 3.1 405B", "llama-3.1-405b") share a pattern.
  const modelByPattern = new Map<string, CatalogModel>();
  for (const model of MODEL_CATALOG) {
    for (const spelling of proseSpellings(model)) {
      const pattern = spellingPattern(spelling);
      if (!modelByPattern.has(pattern)) modelByPattern.set(pattern, model);
    }
  }
  // Longest first, so "Llama 3.1 405B" wins over a shorter spelling that starts the same way.
  const patterns = [...modelByPattern.keys()].sort((a, b) => b.length - a.length);
  return {
    regex: new RegExp(`(?<![A-Za-z0-9.])(?:${patterns.map((pattern) => `(${pattern})`).join('|')})(?![A-Za-z0-9]|\\.\\d)`, 'gi'),
    models: patterns.map((pattern) => modelByPattern.get(pattern)!),
  };
}

/** The model whose alternative matched: the one capture group that took part in the match. */
function matchedModel(match: RegExpExecArray, models: readonly CatalogModel[]): CatalogModel {
  let group = 1;
  while (match[group] === undefined) group++;
  return models[group - 1];
}

const CATALOG_PATTERN = buildCatalogPattern();

/**
 * Published models named in text ("Llama 3 8B", "gopher-280b", "DeepSeek-V3"), with their sizes
 * and training tokens from the catalog.
 *
 * @example catalogMentions('We start from Llama 3 8B.')[0].tokens // 15e12
 */
export function catalogMentions(text: string): BlockMention[] {
  const mentions: BlockMention[] = [];
  const { regex, models } = CATALOG_PATTERN;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const model = matchedModel(match, models);
    mentions.push({
      start: match.index,
      end: match.index + match[0].length,
      params: model.params,
      ...(model.activeParams === undefined ? {} : { activeParams: model.activeParams }),
      tokens: model.tokens,
      source: 'catalog',
      name: model.name,
    });
  }
  return mentions;
}
