import spelling from "american-english";
import { stemmer } from "stemmer";

/**
 * British spellings and their American ones, from the `american-english` package's table: read into
 * a map of its own entries (a plain object would answer "constructor" with a function), each a
 * single lowercase word (some of its values end in a space).
 */
const AMERICAN_SPELLING = new Map(
  Object.entries(spelling.us_spelling).flatMap(([british, american]) => {
    const word = typeof american === "string" ? american.trim() : "";
    return /^[a-z]+$/.test(british) && /^[a-z]+$/.test(word) && word !== british ? [[british, word] as const] : [];
  }),
);

/**
 * An English word as the index holds it: in American spelling, so that "cheque" and "check",
 * "centre" and "center", "licence" and "license" meet, then stemmed when longer than two letters.
 * Documents and questions are read alike, so either spelling finds the other.
 */
export function englishTermOf(word: string): string {
  const american = AMERICAN_SPELLING.get(word) ?? word;
  return american.length > 2 ? stemmer(american) : american;
}
