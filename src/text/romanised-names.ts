import { createRequire } from "node:module";
import { englishTermOf } from "./english-term.js";
import { readingOf } from "./sound-alike.js";

/** One syllable of Hanyu Pinyin written without tones. */
const PINYIN_SYLLABLE =
  "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)";
/** A Chinese name romanised, two to four syllables run together ("Shiping"), not a word of English ("Easter"). */
export const ROMANISED_NAME = new RegExp(`^(?:${PINYIN_SYLLABLE}){2,4}$`);

/**
 * What marks a name's Pinyin as an index term: a Han character before Latin letters, which no
 * question's own terms can be (the analyzer parts the two scripts), so that a page's name in
 * Pinyin is found only as a translation of an English question's word, counted as one is, never as
 * the word itself ("Gangbei" of an English page comes before 港北 of a Chinese one).
 */
const ROMANISED_MARK = "拼";

/**
 * Most bigrams romanised are kept: a corpus has tens of thousands at most; past this the table
 * starts again rather than grow without end.
 */
const MAX_REMEMBERED = 100_000;
const remembered = new Map<string, string | undefined>();
let englishWords: ReadonlySet<string> | undefined;

/**
 * A two-character name as English text writes it in Hanyu Pinyin, as an index term ("北礁" as the
 * "Beijiao" of "Beijiao Island"; "西屯", "Xitun"); see romanisedTermOf. `bigram` is in the matching
 * script.
 */
export function romanisedName(bigram: string): string | undefined {
  if (remembered.has(bigram)) return remembered.get(bigram);
  // Each character's most common reading: a name is read character by character. English writes
  // ü as u (Lü as "Lu").
  const term = romanisedTermOf([...bigram].map((character) => readingOf(character).replace(/ü/g, "u")).join(""));
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(bigram, term);
  return term;
}

/** Whether an index term is a name's Pinyin (see romanisedTermOf). */
export function isRomanisedTerm(term: string): boolean {
  return term.startsWith(ROMANISED_MARK);
}

/**
 * The index term of a word written in Pinyin (lower case, as typed: "beijiao"), or none when it is
 * no romanised name: not two to four syllables, or an English word ("women", "china"), which English
 * questions ask about as a word.
 */
export function romanisedTermOf(word: string): string | undefined {
  return word.length >= 4 && ROMANISED_NAME.test(word) && !isEnglishWord(word) ? `${ROMANISED_MARK}${word}` : undefined;
}

function isEnglishWord(word: string): boolean {
  // WordNet's words (about 77,000, read on first use), with their inflected forms: "taxi", "tuna", "women".
  englishWords ??= new Set(
    Object.keys(createRequire(import.meta.url)("wink-lexicon/src/wn-words.js") as Record<string, unknown>),
  );
  return englishWords.has(word) || englishWords.has(englishTermOf(word));
}
