/**
 * Sentence boundaries in a block of text. A model's size and its token count are read as one
 * statement only within a sentence: "Llama 3 8B was trained on 15T tokens. DeepSeek-V3 uses 671B
 * total …" must not pair 671B with the first sentence's 15T.
 */

/**
 * `.`, `!`, `?` or `;`, then any closing quotes or brackets, then whitespace or the end. A decimal
 * point (`1.4T`) is followed by a digit, so it never matches.
 */
const END_MARK = /[.!?;]["'”’)\]]*(?=\s|$)/g;

/** Abbreviations whose dot ends no sentence: "e.g. a 7B model", "7B vs. 13B", "Hoffmann et al.". */
const ABBREVIATION_BEFORE = /(?:^|[^\p{L}])(?:e\.g|i\.e|vs|cf|approx|ca|et al|fig|eq|sec|resp)$/iu;

/** Whether the mark at `index` is a dot closing an abbreviation rather than a sentence. */
function isAbbreviation(text: string, index: number): boolean {
  return text[index] === '.' && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, index - 8), index));
}

/**
 * Offsets where sentences end in `text` (one past the mark), in order.
 *
 * @example sentenceEnds('A 1.4T run. Then, e.g. more.') // [11, 28]
 */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  END_MARK.lastIndex = 0;
  for (let match = END_MARK.exec(text); match; match = END_MARK.exec(text)) {
    if (!isAbbreviation(text, match.index)) ends.push(match.index + match[0].length);
  }
  return ends;
}

/** Which sentence `offset` falls in (0 for the first); an offset at a sentence end starts the next one. */
export function sentenceIndex(ends: readonly number[], offset: number): number {
  let sentence = 0;
  while (sentence < ends.length && ends[sentence] <= offset) sentence++;
  return sentence;
}
