import * as OpenCC from "opencc-js";

// Matching folds both scripts to Simplified: Traditional→Simplified is many-to-one and does not
// depend on context, whereas Simplified→Traditional guesses (系 → 系/繫/係) and can split one word
// into two spellings. The text people read is never converted.
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });
const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
// Mainland words in the words Taiwan uses for the same thing (软件 → 軟體, 打印 → 列印), from OpenCC's tables.
const toTaiwanPhrases = OpenCC.Converter({ from: "cn", to: "twp" });

// Characters written two ways in every word they are in, where OpenCC keeps both: Taiwan's 帳戶 is
// Simplified 帐户 where the mainland writes 账户, and 姊姊 is 姐姐. Each is folded to one character, so
// that segmenting the folded text still lines up with the text as written. Variants of single words
// (身份 and 身分) are the dictionary's (BilingualDictionary.spellingsOf).
const VARIANT_CHARACTER = /[账姊妳祇衹]/gu;
const variantCharacters: Record<string, string> = { 账: "帐", 姊: "姐", 妳: "你", 祇: "只", 衹: "只" };

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

/** Folds width (NFKC), case, Chinese script and variant characters so that equal words compare equal. */
export function normalizeForMatching(text: string): string {
  const folded = text.normalize("NFKC").toLowerCase();
  return HAN.test(folded)
    ? toSimplified(folded).replace(VARIANT_CHARACTER, (variant: string) => variantCharacters[variant] ?? variant)
    : folded;
}

/**
 * Chinese question words as people type them in a chat box, mostly in the mainland: 啥 for 什麼 and
 * 咋 for 怎麼 (「卡丢了咋挂失」 asks how, 「要满足啥条件」 what). Not 咋舌 or 咋呼, which ask nothing.
 */
export const COLLOQUIAL_QUESTION_WORD = /啥|咋(?![舌呼])/gu;

/** A text with its colloquial Chinese question words written as the words they stand for. */
export function withChineseQuestionWordsWritten(text: string): string {
  return text.replace(COLLOQUIAL_QUESTION_WORD, (word) => (word === "啥" ? "什麼" : "怎麼"));
}

/**
 * The word Taiwan uses for a mainland word (打印 → 列印, 出租车 → 計程車, 短信 → 簡訊), folded for
 * matching, or undefined when it writes the same word: a question in mainland words then finds a
 * page in Taiwan's.
 */
export function taiwanWordFor(word: string): string | undefined {
  const taiwan = normalizeForMatching(toTaiwanPhrases(word));
  return taiwan !== word ? taiwan : undefined;
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
