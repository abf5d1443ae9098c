import { findCatalogModel } from '../core';
import { findCounts } from './countPhrases';
import { detectModelMentions } from './detectMentions';
import type { DetectedModel } from './modelMention';
import { findRoledQuantities, type QuantityRole } from './quantityRoles';

/** What the input box of "Scaling: Check Model Size…" accepts, for its prompt and error. */
export const MODEL_SIZE_INPUT_EXAMPLES = '"70B 1.4T", "70B params 1.4T tokens", "671B 37B active 14.8T" or a model like "Llama 3 8B"';

/**
 * Counts typed without words: `70B 1.4T` is parameters then tokens, `671B 37B 14.8T` adds the
 * active parameters in the middle. Words win where given ("1.4T tokens 70B params").
 */
function fromBareCounts(text: string): DetectedModel | undefined {
  const counts = findCounts(text);
  const roles = findRoledQuantities(text);
  const roleOf = (role: QuantityRole) => roles.find((quantity) => quantity.role === role)?.value;
  if (counts.length < 2 || counts.length > 3) return undefined;
  const unnamed = counts
    .filter((count) => !roles.some((quantity) => quantity.start <= count.start && count.end <= quantity.end))
    .map((count) => count.value);
  const params = roleOf('params') ?? unnamed.shift();
  const tokens = roleOf('tokens') ?? unnamed.pop();
  const active = roleOf('active') ?? unnamed.shift();
  if (params === undefined || tokens === undefined || unnamed.length > 0) return undefined;
  if (active !== undefined && active > params) return undefined;
  return {
    params,
    ...(active !== undefined && active < params ? { activeParams: active } : {}),
    tokens,
    matchedText: text.trim(),
    source: 'prose',
  };
}

/**
 * Reads what someone types or selects to check a model: a catalog name ("llama 3 8b"), a sentence
 * the detector understands, or bare counts ("70B 1.4T"); undefined when it is none of these.
 *
 * @example parseModelSizeInput('70B 1.4T')?.tokens // 1.4e12
 */
export function parseModelSizeInput(text: string): DetectedModel | undefined {
  const catalog = findCatalogModel(text.trim());
  if (catalog) {
    return {
      params: catalog.params,
      ...(catalog.activeParams === undefined ? {} : { activeParams: catalog.activeParams }),
      tokens: catalog.tokens,
      matchedText: text.trim(),
      source: 'catalog',
      name: catalog.name,
    };
  }
  return detectModelMentions(text)[0] ?? fromBareCounts(text);
}
