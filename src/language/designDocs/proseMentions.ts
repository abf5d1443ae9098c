import { findCounts, type CountPhrase } from './countPhrases';
import type { BlockMention } from './modelMention';
import { findRoledQuantities, type RoledQuantity } from './quantityRoles';

/**
 * A parameter count and a token count further apart than this are not read as one model: in a
 * design doc they then belong to different sentences about different things.
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
  return mention.activeParams === undefined && quantity.value < mention.params && gap.length <= MAX_ACTIVE_AFTER_GAP && !/\d/.test(gap) && !LIST_ITEM_START.test(gap);
}

/**
 * Pairs parameter and token counts read left to right, in either order: "70B parameters trained on
 * 1.4T tokens", "trained on 2T tokens, the 7B model", "671B total and 37B active parameters on
 * 14.8T tokens", "N=70e9, D=1.4e12". A count of a kind already waiting replaces it, so a lone
 * "70B parameters" followed by "a 7B model on 2T tokens" yields only the 7B model.
 */
export function pairQuantities(text: string, quantities: readonly RoledQuantity[]): BlockMention[] {
  const mentions: BlockMention[] = [];
  let pending: Pending = {};
  for (const quantity of quantities) {
    if (isSeparated(text, pending, quantity)) pending = {};
    const last = mentions.at(-1);
    if (quantity.role === 'active') {
      if (waiting(pending).length === 0 && last && isActiveOf(text, last, quantity)) {
        mentions[mentions.length - 1] = { ...last, end: quantity.end, activeParams: quantity.value };
      } else {
        pending = { ...pending, active: quantity };
      }
      continue;
    }
    const completes = quantity.role === 'tokens' ? pending.params !== undefined || pending.active !== undefined : pending.tokens !== undefined;
    if (completes) {
      const mention = toMention({ ...pending, [quantity.role]: quantity });
      if (mention) mentions.push(mention);
      pending = {};
    } else {
      pending = quantity.role === 'tokens' ? { tokens: quantity } : { params: quantity, ...(pending.params ? {} : { active: pending.active }) };
    }
  }
  return mentions;
}

/** Models stated in sentences or as `key=value` pairs in one block of text. */
export function proseMentions(text: string, counts: readonly CountPhrase[] = findCounts(text)): BlockMention[] {
  return pairQuantities(text, findRoledQuantities(text, counts));
}
