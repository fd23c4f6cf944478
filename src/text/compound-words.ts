import { englishTermOf } from "./english-term.js";
import { englishStopWords } from "./stop-words.js";

const LATIN_WORD = /\p{Script=Latin}+/gu;
/** Two words written apart, next to each other: one space or a hyphen between them, nothing else. */
const NEIGHBOURING_WORDS =
  /(?<![\p{Script=Latin}])(\p{Script=Latin}+)[ -](?=(\p{Script=Latin}+)(?![\p{Script=Latin}]))/gu;
/** Function words that close a compound written apart: "log in", "sign up", "check out", "drop off". */
const PARTICLES = new Set(["in", "up", "out", "off", "on", "down", "over"]);
/** A word is split only into parts this long or longer: "lunch" + "time", never "a" + "ward". */
const MIN_PART_LENGTH = 3;
/** Longer words are not split: no compound is, and each split point costs a lookup. */
const MAX_SPLIT_LENGTH = 30;

/** The question's term for a word, and the terms a passage may hold instead. */
export interface CompoundReading {
  term: string;
  instead: readonly string[];
  /** Split from a word the question wrote as one: read so only when the documents never write it whole. */
  split: boolean;
}

/**
 * English compounds written apart or together: "lunch time" may be the documents' "lunchtime", and
 * "lunchtime" their "lunch time". Two neighbouring words are read as their joined form too (each
 * word's term, held by a passage that writes them as one), unless the first is a function word ("a
 * round" is no "around") or the second one that closes no compound; a word whose parts are both words
 * the language knows is read as its parts. Which readings count is for the index to say.
 */
export function compoundReadings(question: string, isEnglishWord: (term: string) => boolean): CompoundReading[] {
  const text = question.normalize("NFKC").toLowerCase();
  const readings: CompoundReading[] = [];
  for (const [, first = "", second = ""] of text.matchAll(NEIGHBOURING_WORDS)) {
    if (englishStopWords.has(first) || (englishStopWords.has(second) && !PARTICLES.has(second))) continue;
    const joined = englishTermOf(`${first}${second}`);
    for (const part of [first, second]) {
      if (!englishStopWords.has(part)) readings.push({ term: englishTermOf(part), instead: [joined], split: false });
    }
  }
  for (const [word] of text.matchAll(LATIN_WORD)) {
    if (englishStopWords.has(word) || word.length > MAX_SPLIT_LENGTH) continue;
    for (let at = MIN_PART_LENGTH; at <= word.length - MIN_PART_LENGTH; at++) {
      const parts = [word.slice(0, at), word.slice(at)];
      if (parts.some((part) => englishStopWords.has(part))) continue;
      const terms = parts.map(englishTermOf);
      if (terms.every(isEnglishWord)) readings.push({ term: englishTermOf(word), instead: terms, split: true });
    }
  }
  return readings;
}
