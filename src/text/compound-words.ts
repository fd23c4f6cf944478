import { englishTermOf } from "./english-term.js";
import { englishStopWords } from "./stop-words.js";

const LATIN_WORD = /\p{Script=Latin}+/gu;
/** A word is split only into parts this long or longer: "lunch" + "time", never "a" + "ward". */
const MIN_PART_LENGTH = 3;

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
 * word's term, held by a passage that writes them as one); a word whose parts are both words the
 * language knows is read as its parts. Which readings count is for the index to say.
 */
export function compoundReadings(question: string, isEnglishWord: (term: string) => boolean): CompoundReading[] {
  const words = [...question.normalize("NFKC").toLowerCase().matchAll(LATIN_WORD)].map((match) => match[0]);
  const readings: CompoundReading[] = [];
  words.forEach((word, index) => {
    const next = words[index + 1];
    if (next !== undefined) {
      const joined = englishTermOf(`${word}${next}`);
      for (const part of [word, next]) {
        if (!englishStopWords.has(part)) readings.push({ term: englishTermOf(part), instead: [joined], split: false });
      }
    }
    if (englishStopWords.has(word)) return;
    for (let at = MIN_PART_LENGTH; at <= word.length - MIN_PART_LENGTH; at++) {
      const parts = [word.slice(0, at), word.slice(at)];
      if (parts.some((part) => englishStopWords.has(part))) continue;
      const terms = parts.map(englishTermOf);
      if (terms.every(isEnglishWord)) readings.push({ term: englishTermOf(word), instead: terms, split: true });
    }
  });
  return readings;
}
