import { createRequire } from "node:module";
import { pinyin } from "pinyin-pro";
import { englishTermOf } from "./english-term.js";

/**
 * Most bigrams romanised are kept: a corpus has tens of thousands at most; past this the table
 * starts again rather than grow without end.
 */
const MAX_REMEMBERED = 100_000;
const remembered = new Map<string, string | undefined>();
let englishWords: ReadonlySet<string> | undefined;

/**
 * How English text writes a two-character name in Hanyu Pinyin, as an index term ("北礁" → "beijiao",
 * the "Beijiao Island" of an English question; "西屯" → "xitun"): stemmed as an English word is, so
 * that the English question's word is this term. None when the romanisation is an English word
 * ("women", "china"), which English questions ask about as a word, not a name. `bigram` is in the
 * matching script.
 */
export function romanisedName(bigram: string): string | undefined {
  if (remembered.has(bigram)) return remembered.get(bigram);
  const written = pinyin(bigram, { toneType: "none", type: "array", v: true }).join("");
  const stem = englishTermOf(written);
  const term = /^[a-z]{4,}$/.test(written) && !isEnglishWord(written) && !isEnglishWord(stem) ? stem : undefined;
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(bigram, term);
  return term;
}

function isEnglishWord(word: string): boolean {
  // WordNet's words (about 77,000, read on first use): "taxi" and "tuna" are words, not names.
  englishWords ??= new Set(
    Object.keys(createRequire(import.meta.url)("wink-lexicon/src/wn-words.js") as Record<string, unknown>),
  );
  return englishWords.has(word);
}
