import * as OpenCC from "opencc-js";

// Matching folds both scripts to Simplified: Traditional→Simplified is many-to-one and does not
// depend on context, whereas Simplified→Traditional guesses (系 → 系/繫/係) and can split one word
// into two spellings. The text people read is never converted.
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });
const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

const HAN = /\p{Script=Han}/u;
const ALL_HAN = /^\p{Script=Han}+$/u;

/** Whether `text` holds a Chinese character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Whether `text` is Chinese characters only (a Chinese word, not a mixed or Latin one). */
export function isAllHan(text: string): boolean {
  return ALL_HAN.test(text);
}

/** Folds width (NFKC), case and Chinese script so that equal words compare equal. */
export function normalizeForMatching(text: string): string {
  const folded = text.normalize("NFKC").toLowerCase();
  return HAN.test(folded) ? toSimplified(folded) : folded;
}

export function convertToSimplified(text: string): string {
  return toSimplified(text);
}

/** Simplified Chinese written in Traditional: a guess where one character stands for several (系 → 係). */
export function convertToTraditional(text: string): string {
  return toTraditional(text);
}

/**
 * Whether Chinese text is written in Simplified: it has a character Traditional writes otherwise
 * (运, 区) and none that only Traditional writes. 「我住台中 運費多少」 is Traditional, though
 * OpenCC would write its 台 as 臺; characters both scripts share are neither.
 */
export function isWrittenInSimplified(text: string): boolean {
  return HAN.test(text) && toSimplified(text) === text && toTraditional(text) !== text;
}

/**
 * A pattern written in Traditional Chinese, compiled to match text as normalizeForMatching folds it:
 * width-folded and in Simplified, so one pattern serves both scripts.
 */
export function foldedPattern(source: string, flags: string): RegExp {
  return new RegExp(convertToSimplified(source.normalize("NFKC")), flags);
}
