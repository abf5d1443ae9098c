import { findCounts, type CountPhrase } from './countPhrases';

/**
 * What a count in prose stands for, read from the words around it: `70B parameters`, `a 7B model`,
 * `37B active`, `1.4T training tokens`, `N=70e9`, `D: 1.4T`, `a parameter count of 70B`.
 */
export type QuantityRole = 'params' | 'active' | 'tokens';

export interface RoledQuantity {
  readonly role: QuantityRole;
  readonly value: number;
  /** The phrase, from the key (`N=`) or the number to the end of its noun (`…parameters`). */
  readonly start: number;
  readonly end: number;
  /** Written as `key=value` or `key: value` rather than in a sentence. */
  readonly assignment: boolean;
}

/** How far around a count the words that give it a role are looked for. */
const LOOK_BEHIND = 48;
const LOOK_AHEAD = 80;

/** A noun followed by `=` or `:` is the next key (`params=7B tokens=140B`), not this count's unit. */
const NOT_A_KEY = String.raw`\b(?!\**\s*[=:])`;
const TOKEN_NOUN = new RegExp(
  String.raw`^\+?[-\s]?(?:(?:training|pre-?training|unique|total|high-quality|deduplicated|filtered|text|web|code|english|multilingual|more|additional)[-\s]+){0,2}tokens?` +
    NOT_A_KEY,
  'i',
);
const ACTIVE_NOUN = new RegExp(String.raw`^\+?[-\s]?(?:active|activated)(?:[-\s]+(?:parameters?|params?))?` + NOT_A_KEY, 'i');
const PARAMS_NOUN = new RegExp(
  String.raw`^\+?[-\s]?(?:(?:total|dense|sparse|moe|base|decoder-only|encoder-decoder|language|causal|transformer|parameter|param|scale|class|sized)[-\s]+){0,2}(?:parameters?|params?|models?|variants?|LMs?|LLMs?|transformers?|networks?|checkpoints?)` +
    NOT_A_KEY,
  'i',
);
/** `671B total and 37B active parameters`: "total" alone names the parameters. */
const TOTAL_ALONE = /^\s+total\b/i;

/** `N=70e9`, `D = 1.4e12`: single capitals, so they are case-sensitive. */
const SYMBOL_KEY = /(?<![\w.])(N_active|N|D)\s*(?:=|:|≈)\s*[~≈]?\s*$/;
const WORD_KEY =
  /(?<![\w.])(active[ _](?:params|parameters)|n_active|active|n_params|num_params|n_parameters|num_parameters|param_count|parameter count|model[ _]size|params|parameters|training[ _]tokens|train_tokens|n_tokens|num_tokens|data_tokens|dataset size|tokens)\**\s*(?:=|:|≈)\s*\**\s*[~≈]?\s*$/i;
const ASSIGNMENT_ROLES: Readonly<Record<string, QuantityRole>> = {
  n: 'params',
  n_active: 'active',
  d: 'tokens',
};

/** `a parameter count of 70B`, `the token budget is 1.4T`. */
const HEDGE = String.raw`(?:of|is|was|will be|would be)\s+(?:about|around|roughly|approximately|~|≈)?\s*$`;
const PARAMS_BEFORE = new RegExp(String.raw`\b(?:parameter count|param count|number of parameters|model size)\s+` + HEDGE, 'i');
const TOKENS_BEFORE = new RegExp(
  String.raw`\b(?:token count|number of tokens|token budget|training tokens|dataset size|data budget)\s+` + HEDGE,
  'i',
);

/** Token counts that are not training data: batch sizes, context lengths, vocabularies, throughput. */
const NOT_TRAINING_BEFORE =
  /\b(?:batch(?:\s+size)?|context(?:\s+(?:length|window|size))?|sequence(?:\s+length)?|vocab(?:ulary)?(?:\s+size)?|window|tokenizer)\s*(?:of|is|has|holds|=|:)?\s*(?:about|around|roughly|~|≈)?\s*$/i;
const NOT_TRAINING_AFTER = /^\s*(?:\/|per\b|a\s+(?:second|step|day)\b|context|window|batch|vocab|sequence)/i;

/** Counts joined like this are a list or a range of sizes (`7B/13B/70B`, `7B to 70B`), not one model. */
const LIST_JOINER = /^\s*(?:-|–|—|\/|to|or|and|,|,\s*and|,\s*or|&|vs\.?|versus)\s*$/i;

/** `7–70B`, `1.3 to 70B`: the end of a range whose start has no unit of its own. */
const RANGE_END = /(?<![\w.-])\d+(?:\.\d+)?\s*(?:-|–|—|to)\s*$/;

function keyRole(before: string): { role: QuantityRole; keyLength: number } | undefined {
  const symbol = SYMBOL_KEY.exec(before);
  if (symbol) return { role: ASSIGNMENT_ROLES[symbol[1].toLowerCase()], keyLength: before.length - symbol.index };
  const word = WORD_KEY.exec(before);
  if (!word) return undefined;
  const key = word[1].toLowerCase();
  const role: QuantityRole =
    key.startsWith('active') || key === 'n_active' ? 'active' : /tokens/.test(key) || key === 'dataset size' ? 'tokens' : 'params';
  return { role, keyLength: before.length - word.index };
}

/** The role the noun after a count gives it, with the noun's length; undefined if there is none. */
function nounRole(before: string, after: string): { role: QuantityRole; length: number } | 'not training data' | undefined {
  const tokens = TOKEN_NOUN.exec(after);
  if (tokens) {
    const trainingData = !NOT_TRAINING_BEFORE.test(before) && !NOT_TRAINING_AFTER.test(after.slice(tokens[0].length));
    return trainingData ? { role: 'tokens', length: tokens[0].length } : 'not training data';
  }
  const active = ACTIVE_NOUN.exec(after);
  if (active) return { role: 'active', length: active[0].length };
  const params = PARAMS_NOUN.exec(after) ?? TOTAL_ALONE.exec(after);
  return params ? { role: 'params', length: params[0].length } : undefined;
}

function roled(role: QuantityRole, count: CountPhrase, start: number, end: number, assignment: boolean): RoledQuantity {
  return { role, value: count.value, start, end, assignment };
}

function roleOf(text: string, count: CountPhrase): RoledQuantity | undefined {
  const before = text.slice(Math.max(0, count.start - LOOK_BEHIND), count.start);
  if (RANGE_END.test(before)) return undefined;
  const after = text.slice(count.end, count.end + LOOK_AHEAD);
  const noun = nounRole(before, after);
  if (noun === 'not training data') return undefined;
  const key = keyRole(before);
  if (key && (!noun || noun.role === key.role)) {
    if (key.role === 'tokens' && !noun && NOT_TRAINING_AFTER.test(after)) return undefined;
    return roled(key.role, count, count.start - key.keyLength, count.end + (noun?.length ?? 0), true);
  }
  if (noun) return roled(noun.role, count, count.start, count.end + noun.length, false);
  if (PARAMS_BEFORE.test(before)) return roled('params', count, count.start, count.end, false);
  if (TOKENS_BEFORE.test(before) && !NOT_TRAINING_AFTER.test(after)) return roled('tokens', count, count.start, count.end, false);
  return undefined;
}

/** Indexes of counts that belong to a list or range (`7B/13B/70B models`, `7B–70B`). */
function listedCounts(text: string, counts: readonly CountPhrase[]): Set<number> {
  const listed = new Set<number>();
  for (let i = 0; i + 1 < counts.length; i++) {
    if (LIST_JOINER.test(text.slice(counts[i].end, counts[i + 1].start))) {
      listed.add(i);
      listed.add(i + 1);
    }
  }
  return listed;
}

/**
 * Every count in `text` whose role the words around it make clear, in order. Counts in lists and
 * ranges are left out: `7B/13B/70B models on 2T tokens` does not say which model.
 *
 * @example findRoledQuantities('a 7B model on 2T tokens').map((q) => q.role) // ['params', 'tokens']
 */
export function findRoledQuantities(text: string, counts: readonly CountPhrase[] = findCounts(text)): RoledQuantity[] {
  const listed = listedCounts(text, counts);
  const quantities: RoledQuantity[] = [];
  counts.forEach((count, index) => {
    if (listed.has(index)) return;
    const quantity = roleOf(text, count);
    if (quantity) quantities.push(quantity);
  });
  return quantities;
}
