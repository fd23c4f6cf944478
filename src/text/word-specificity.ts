import fs from "node:fs";
import { createRequire } from "node:module";

/** General-language IDF at or below which a word is everyday language (知道 ≈ 4, 可以 ≈ 3.5). */
const EVERYDAY_IDF = 4;
/** General-language IDF at or above which a word is fully topical (宿舍 ≈ 7.8, 停车 ≈ 8.1). */
const TOPICAL_IDF = 8;
const LEAST_SPECIFICITY = 0.1;
/**
 * Half-way between everyday and topical (wordSpecificity): a word at least this specific names
 * something (遺失, 學費), one below it is how anything is said (者, 有人, 開始).
 */
export const TOPICAL = 0.5;
/**
 * The share of an English word's weight kept whatever its translations: chosen on the tuning parts,
 * where 0.25–0.4 did alike and 0.2 and below refused more of the university's English questions.
 */
const LEAST_TRANSLATED_SPECIFICITY = 0.3;

// Loaded once when the module is first imported (about 0.2 s), not on the first question.
const generalIdf = loadGeneralIdf();

/**
 * How topical a Chinese word is in the language at large (0.1–1), from jieba's general-language IDF
 * table (Simplified, the script terms are matched in). A small corpus has never seen many everyday
 * words, so its own statistics alone would weigh "大概" like "健身房". Terms the table does not know
 * (bigrams, English, numbers) count fully.
 */
export function wordSpecificity(term: string): number {
  const idf = generalIdf.get(term);
  if (idf === undefined) return 1;
  const scaled = (idf - EVERYDAY_IDF) / (TOPICAL_IDF - EVERYDAY_IDF);
  return Math.min(1, Math.max(LEAST_SPECIFICITY, scaled));
}

/**
 * How topical an English word is, read through its Chinese translations (0.37–1): 0.3 of its weight
 * is kept, the rest is as topical as the most everyday translation the table knows ("throw" is
 * 投入's, "sofa" 沙發's). English has no table of its own here; a word without a known translation
 * counts fully. A translation may be of another sense, so the word keeps more of its weight than a
 * Chinese word would.
 */
export function specificityThroughTranslations(translations: readonly (readonly string[])[]): number {
  let least: number | undefined;
  for (const terms of translations) {
    const [word] = terms;
    if (terms.length !== 1 || word === undefined || !generalIdf.has(word)) continue;
    const specificity = wordSpecificity(word);
    if (least === undefined || specificity < least) least = specificity;
  }
  return least === undefined ? 1 : LEAST_TRANSLATED_SPECIFICITY + (1 - LEAST_TRANSLATED_SPECIFICITY) * least;
}

/** A Chinese word's IDF in the language at large (lower is more everyday), or undefined for a word the table does not know. */
export function generalIdfOf(word: string): number | undefined {
  return generalIdf.get(word);
}

/** Whether the general-language table knows `term` as a Chinese word (in the matching script). */
export function isKnownWord(term: string): boolean {
  return generalIdf.has(term);
}

function loadGeneralIdf(): Map<string, number> {
  // Read the table file itself: the package's own loader also reads a 5 MB dictionary we do not use.
  const file = createRequire(import.meta.url).resolve("@node-rs/jieba/idf.txt");
  const table = new Map<string, number>();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const separator = line.indexOf(" ");
    if (separator > 0) table.set(line.slice(0, separator), Number(line.slice(separator + 1)));
  }
  return table;
}
