import type { BlockMention } from './modelMention';
import { sentenceEnds, sentenceIndex } from './sentences';

/**
 * A catalog name and the numbers next to it are one model when the text between them is at most
 * this long ("DeepSeek-V3 uses 671B total …"); further off, the sentence may be comparing two.
 */
const MAX_REPEAT_GAP = 40;

/** Written counts are rounded ("65B" for LLaMA-65B's 65.2B): closer than this is the same number. */
const SAME_NUMBER_TOLERANCE = 0.05;

function sameNumber(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= SAME_NUMBER_TOLERANCE * Math.max(a, b);
}

function gapBetween(a: BlockMention, b: BlockMention): number {
  return Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));
}

/** Whether `written` restates `named` (same sentence, same size, overlapping or next to it). */
function isRepeat(text: string, ends: readonly number[], named: BlockMention, written: BlockMention): boolean {
  return (
    sameNumber(named.params, written.params) &&
    gapBetween(named, written) <= MAX_REPEAT_GAP &&
    !/\d/.test(text.slice(Math.min(named.end, written.end), Math.max(named.start, written.start))) &&
    sentenceIndex(ends, Math.min(named.start, written.start)) === sentenceIndex(ends, Math.max(named.start, written.start))
  );
}

/** Whether the written numbers say something the catalog does not (own data, another active count). */
function addsNumbers(named: BlockMention, written: BlockMention): boolean {
  const activeDiffers = written.activeParams !== undefined && !sameNumber(named.activeParams, written.activeParams);
  return !sameNumber(named.tokens, written.tokens) || activeDiffers;
}

/**
 * One mention per model per sentence. When a catalog name and written numbers of the same size
 * stand together ("DeepSeek-V3 uses 671B total and 37B active parameters on 14.8T tokens", "Llama 3
 * 8B model trained on 2T tokens"), the written numbers are kept if they differ from the catalog's
 * (the doc trains its own variant); otherwise the catalog mention is kept, as it also gives the name.
 */
export function withoutCatalogRepeats(text: string, written: readonly BlockMention[], named: readonly BlockMention[]): BlockMention[] {
  if (named.length === 0 || written.length === 0) return [...written, ...named];
  const ends = sentenceEnds(text);
  const dropped = new Set<BlockMention>();
  for (const catalog of named) {
    for (const mention of written) {
      if (dropped.has(mention) || !isRepeat(text, ends, catalog, mention)) continue;
      dropped.add(addsNumbers(catalog, mention) ? catalog : mention);
      break;
    }
  }
  return [...written, ...named].filter((mention) => !dropped.has(mention));
}
