import { findCounts, type CountPhrase } from './countPhrases';
import type { BlockMention } from './modelMention';
import { findRoledQuantities, type RoledQuantity } from './quantityRoles';
import { sentenceEnds, sentenceIndex } from './sentences';

/**
 * A parameter count and a token count further apart than this are not read as one model, even in
 * one sentence: a sentence that long lists things rather than stating one model.
 */
const MAX_PAIR_GAP = 200;

/**
 * A new Markdown list item starts a new statement ("- the model has 70B parameters\n- the corpus has
 * 300B tokens"), except between `key: value` items of one spec list ("- Params: 70B\n- Tokens: 1.4T").
 */
const LIST_ITEM_START = /\n[ \t]*(?:[-*+]|\d+[.)])[ \t]/;

/** "… on 14.8T tokens with 37B active": an active count this close after a mention belongs to it. */
const MAX_ACTIVE_AFTER_GAP = 40;

interface Pending {
  params?: RoledQuantity;
  active?: RoledQuantity;
  tokens?: RoledQuantity;
}

function waiting(pending: Pending): RoledQuantity[] {
  return [pending.params, pending.active, pending.tokens].filter((part): part is RoledQuantity => part !== undefined);
}

function toMention(parts: Pending): BlockMention | undefined {
  const size = parts.params ?? parts.active;
  if (!size || !parts.tokens) return undefined;
  const quantities = waiting(parts);
  // Active parameters above the total are a misreading; equal ones say nothing more.
  const activeParams = parts.params && parts.active && parts.active.value < parts.params.value ? parts.active.value : undefined;
  return {
    start: Math.min(...quantities.map((part) => part.start)),
    end: Math.max(...quantities.map((part) => part.end)),
    params: size.value,
    ...(activeParams === undefined ? {} : { activeParams }),
    tokens: parts.tokens.value,
    source: quantities.every((part) => part.assignment) ? 'assignment' : 'prose',
  };
}

/** Whether `quantity` starts a new statement, so what is waiting cannot pair with it. */
function isSeparated(text: string, pending: Pending, quantity: RoledQuantity): boolean {
  const parts = waiting(pending);
  if (parts.length === 0) return false;
  const lastEnd = Math.max(...parts.map((part) => part.end));
  if (quantity.start - lastEnd > MAX_PAIR_GAP) return true;
  const specList = quantity.assignment && parts.every((part) => part.assignment);
  return !specList && LIST_ITEM_START.test(text.slice(lastEnd, quantity.start));
}

function isActiveOf(text: string, mention: BlockMention, quantity: RoledQuantity): boolean {
  const gap = text.slice(mention.end, quantity.start);
  return (
    mention.activeParams === undefined &&
    quantity.value < mention.params &&
    gap.length <= MAX_ACTIVE_AFTER_GAP &&
    !/\d/.test(gap) &&
    !LIST_ITEM_START.test(gap)
  );
}

/** Whether the quantity after `index` is a token count the size at `index` can still pair with. */
function tokensFollow(text: string, quantities: readonly RoledQuantity[], index: number): boolean {
  const next = quantities[index + 1];
  return next?.role === 'tokens' && !isSeparated(text, { params: quantities[index] }, next);
}

/** Pairs the quantities of one statement (a sentence, or one quotation in it), left to right. */
function pairStatement(text: string, quantities: readonly RoledQuantity[]): BlockMention[] {
  const mentions: BlockMention[] = [];
  let pending: Pending = {};
  quantities.forEach((quantity, index) => {
    if (isSeparated(text, pending, quantity)) pending = {};
    const last = mentions.at(-1);
    if (quantity.role === 'active') {
      if (waiting(pending).length === 0 && last && isActiveOf(text, last, quantity)) {
        mentions[mentions.length - 1] = { ...last, end: quantity.end, activeParams: quantity.value };
      } else {
        pending = { ...pending, active: quantity };
      }
      return;
    }
    // A size takes the token count after it over one before it: in "on 15T tokens, the 8B model on
    // 2T tokens" the 2T is the 8B model's.
    const completes =
      quantity.role === 'tokens'
        ? pending.params !== undefined || pending.active !== undefined
        : pending.tokens !== undefined && !tokensFollow(text, quantities, index);
    if (completes) {
      const mention = toMention({ ...pending, [quantity.role]: quantity });
      if (mention) mentions.push(mention);
      // Both counts are used up: a token count is never paired twice.
      pending = {};
    } else {
      pending =
        quantity.role === 'tokens' ? { tokens: quantity } : { params: quantity, ...(pending.params ? {} : { active: pending.active }) };
    }
  });
  return mentions;
}

/** Straight and curly double quotes: design docs quote example phrasings with them. */
const QUOTE = /["“”]/g;

/**
 * The statement each quantity belongs to: its sentence and, inside quotation marks, its quotation.
 * `("- the model has 70B parameters" and "- the corpus has 300B tokens")` quotes two statements.
 */
function statementKeys(text: string, quantities: readonly RoledQuantity[]): string[] {
  const ends = sentenceEnds(text);
  const quotes = [...text.matchAll(QUOTE)].map((match) => match.index);
  return quantities.map((quantity) => {
    const quotesBefore = quotes.filter((offset) => offset < quantity.start).length;
    return `${sentenceIndex(ends, quantity.start)}:${quotesBefore % 2 === 1 ? quotesBefore : 'outside'}`;
  });
}

/**
 * Pairs parameter and token counts of the same sentence, read left to right, in either order: "70B
 * parameters trained on 1.4T tokens", "trained on 2T tokens, the 7B model", "671B total and 37B
 * active parameters on 14.8T tokens", "N=70e9, D=1.4e12". A count of a kind already waiting
 * replaces it, so a lone "70B parameters" followed by "a 7B model on 2T tokens" yields only the 7B
 * model.
 */
export function pairQuantities(text: string, quantities: readonly RoledQuantity[]): BlockMention[] {
  const keys = statementKeys(text, quantities);
  const statements = new Map<string, RoledQuantity[]>();
  quantities.forEach((quantity, index) => statements.set(keys[index], [...(statements.get(keys[index]) ?? []), quantity]));
  return [...statements.values()].flatMap((statement) => pairStatement(text, statement)).sort((a, b) => a.start - b.start);
}

/** Models stated in sentences or as `key=value` pairs in one block of text. */
export function proseMentions(text: string, counts: readonly CountPhrase[] = findCounts(text)): BlockMention[] {
  return pairQuantities(text, findRoledQuantities(text, counts));
}
