import spelling from "american-english";
import { stemmer } from "stemmer";
import nounExceptions from "wink-lexicon/src/wn-noun-exceptions.js";
import verbExceptions from "wink-lexicon/src/wn-verb-exceptions.js";

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
 * Irregular forms and the word they are a form of, from WordNet's exception lists (as the
 * `wink-lexicon` package ships them), which a stemmer cannot relate: "stolen" and "steal", "paid"
 * and "pay", "children" and "child". Plurals ending in s are left to the stemmer, which reads
 * "leaves" as the verb people mostly mean in a help desk's pages ("the bus leaves at 8"), not as
 * "leaf"; so is "left", more often a direction or what remains than a form of "leave".
 */
const BASE_FORM = new Map(
  [...Object.entries(nounExceptions).filter(([form]) => !form.endsWith("s")), ...Object.entries(verbExceptions)].filter(
    ([form, base]) => /^[a-z]+$/.test(form) && /^[a-z]+$/.test(base) && form !== base && form !== "left",
  ),
);

/**
 * An English word as the index holds it: an irregular form as the word it is a form of ("lost" as
 * "lose"), in American spelling, so that "cheque" and "check", "centre" and "center", "licence" and
 * "license" meet, then stemmed when longer than two letters.
 * Documents and questions are read alike, so either spelling finds the other.
 */
export function englishTermOf(word: string): string {
  const base = BASE_FORM.get(word) ?? word;
  const american = AMERICAN_SPELLING.get(base) ?? base;
  return american.length > 2 ? stemmer(american) : american;
}
