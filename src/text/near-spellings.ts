import { englishStopWords } from "./stop-words.js";

/** Shorter words are left alone: "teh" may be "the", "ten" or "tech", and a short code is exact. */
const MIN_CORRECTED_LENGTH = 5;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const LOWERCASE_WORD = /^[a-z]+$/;

/**
 * The English words one typing slip away from `word` (a letter left out, added, changed, or two
 * swapped): "conect" → "connect", "recieve" → "receive". None for short words, numbers or codes.
 * One slip only: two would make hundreds of thousands of candidates for a long word.
 */
export function nearSpellings(word: string): string[] {
  return word.length < MIN_CORRECTED_LENGTH ? [] : [...oneSlipAway(word)];
}

/**
 * Whether a short word no document uses is a function word typed with two letters swapped ("teh",
 * "adn", "waht"): it is then left out like one, rather than weighing as a rare word the documents do
 * not cover. Only swaps: a name one letter from a function word (Chen, then) is a name.
 */
export function isMisspeltStopWord(word: string): boolean {
  if (word.length < 3 || word.length >= MIN_CORRECTED_LENGTH || !LOWERCASE_WORD.test(word)) return false;
  for (let index = 0; index + 1 < word.length; index++) {
    const swapped = word.slice(0, index) + word.charAt(index + 1) + word.charAt(index) + word.slice(index + 2);
    if (swapped !== word && englishStopWords.has(swapped)) return true;
  }
  return false;
}

function oneSlipAway(word: string): Set<string> {
  if (!LOWERCASE_WORD.test(word)) return new Set();
  const near = new Set<string>();
  for (let index = 0; index <= word.length; index++) {
    const before = word.slice(0, index);
    const after = word.slice(index);
    if (after.length > 0) near.add(before + after.slice(1));
    if (after.length > 1) near.add(before + after.charAt(1) + after.charAt(0) + after.slice(2));
    for (const letter of LETTERS) {
      near.add(before + letter + after);
      if (after.length > 0) near.add(before + letter + after.slice(1));
    }
  }
  near.delete(word);
  return near;
}
