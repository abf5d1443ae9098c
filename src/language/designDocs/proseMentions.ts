import { findCounts, type CountPhrase } from './countPhrases';
import type { BlockMention } from './modelMention';
import { findRoledQuantities, type RoledQuantity } from './quantityRoles';

/**
 * A parameter count and a token count further apart than this are not read as one model: in a
 * design doc they then belong to different sentences about different things.
 */
const MAX_PAIR_GAP = 200;

interface Pending {
  params?: RoledQuantity;
  active?: RoledQuantity;
  tokens?: RoledQuantity;
}

function toMention(parts: Pending): BlockMention | undefined {
  const size = parts.params ?? parts.active;
  if (!size || !parts.tokens) return undefined;
  const quantities = [parts.params, parts.active, parts.tokens].filter((part): part is RoledQuantity => part !== undefined);
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

/**
 * Pairs parameter and token counts read left to right, in either order: "70B parameters trained on
 * 1.4T tokens", "trained on 2T tokens, the 7B model", "671B total and 37B active parameters on
 * 14.8T tokens", "N=70e9, D=1.4e12". A count of a kind already waiting replaces it, so a lone
 * "70B parameters" followed by "a 7B model on 2T tokens" yields only the 7B model.
 */
export function pairQuantities(quantities: readonly RoledQuantity[]): BlockMention[] {
  const mentions: BlockMention[] = [];
  let pending: Pending = {};
  let previousEnd = -Infinity;
  for (const quantity of quantities) {
    if (quantity.start - previousEnd > MAX_PAIR_GAP) pending = {};
    previousEnd = quantity.end;
    const last = mentions.at(-1);
    if (quantity.role === 'tokens') {
      if (pending.params || pending.active) {
        const mention = toMention({ ...pending, tokens: quantity });
        if (mention) mentions.push(mention);
        pending = {};
      } else {
        pending = { tokens: quantity };
      }
    } else if (quantity.role === 'params') {
      if (pending.tokens && !pending.params) {
        const mention = toMention({ ...pending, params: quantity });
        if (mention) mentions.push(mention);
        pending = {};
      } else {
        pending = { params: quantity, ...(pending.params ? {} : { active: pending.active }) };
      }
    } else if (!pending.params && !pending.tokens && !pending.active && last && last.activeParams === undefined && quantity.start - last.end <= MAX_PAIR_GAP && quantity.value < last.params) {
      // "671B parameters on 14.8T tokens with 37B active": the active count comes last.
      mentions[mentions.length - 1] = { ...last, end: quantity.end, activeParams: quantity.value };
    } else {
      pending = { ...pending, active: quantity };
    }
  }
  return mentions;
}

/** Models stated in sentences or as `key=value` pairs in one block of text. */
export function proseMentions(text: string, counts: readonly CountPhrase[] = findCounts(text)): BlockMention[] {
  return pairQuantities(findRoledQuantities(text, counts));
}
