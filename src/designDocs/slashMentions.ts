import { findCounts, type CountPhrase } from './countPhrases';
import type { BlockMention } from './modelMention';

const SLASH = /^\s*\/\s*$/;
/**
 * A noun after the pair makes it a list of like things (`7B/13B models`, `1T/2T tokens`), not a
 * model's size and data.
 */
const LIKE_THINGS_AFTER =
  /^\+?[-\s]?(?:[a-z-]+[-\s]+)?(?:parameters?|params?|models?|tokens?|variants?|sizes?|checkpoints?|versions?|scale|class|LMs?|LLMs?|GPUs?|FLOPs?)\b/i;

/** Whether counts `i` and `i + 1` are written `A/B`. */
function joinedBySlash(text: string, counts: readonly CountPhrase[], i: number): boolean {
  return i >= 0 && i + 1 < counts.length && SLASH.test(text.slice(counts[i].end, counts[i + 1].start));
}

/**
 * `280B/300B`, `70B / 1.4T`: parameters over tokens, as scaling-law papers abbreviate a model. Only
 * a pair (not `7B/13B/70B`), only with tokens at least the parameters (otherwise it reads as two
 * sizes), and nothing like `models` after it.
 *
 * @example slashMentions('Gopher (280B/300B) is undertrained')[0].params // 2.8e11
 */
export function slashMentions(text: string, counts: readonly CountPhrase[] = findCounts(text)): BlockMention[] {
  const mentions: BlockMention[] = [];
  for (let i = 0; i + 1 < counts.length; i++) {
    if (!joinedBySlash(text, counts, i) || joinedBySlash(text, counts, i - 1) || joinedBySlash(text, counts, i + 1)) continue;
    const [params, tokens] = [counts[i], counts[i + 1]];
    if (tokens.value < params.value || LIKE_THINGS_AFTER.test(text.slice(tokens.end, tokens.end + 40))) continue;
    mentions.push({ start: params.start, end: tokens.end, params: params.value, tokens: tokens.value, source: 'slash' });
  }
  return mentions;
}
