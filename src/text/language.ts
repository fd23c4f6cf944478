import { deu, fra, ind, ita, msa, nld, por, spa, tgl, tur } from "stopword";
import { isWrittenInSimplified } from "./normalize.js";
import { englishStopWords } from "./stop-words.js";
import { splitWebAddresses } from "./web-addresses.js";

export type QuestionLanguage = "zh-Hant" | "zh-Hans" | "en";

const HAN_CHARACTER = /\p{Script=Han}/gu;
/** CJK and full-width punctuation: 。，、？！「」 and their kind. */
const FULL_WIDTH_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/u;

/**
 * Chinese when Han characters make up a real share of the letters; Simplified when written in it
 * (see isWrittenInSimplified), else Traditional.
 */
export function detectLanguage(text: string): QuestionLanguage {
  // A pasted link's letters say nothing of the language the question is asked in.
  const words = withoutWebAddresses(text);
  // Without a letter, full-width punctuation ("？？？") was typed with a Chinese input method.
  if (!/\p{L}/u.test(words)) return FULL_WIDTH_PUNCTUATION.test(words) ? "zh-Hant" : "en";
  if (!isMostlyChinese(words)) return "en";
  return isWrittenInSimplified(words) ? "zh-Hans" : "zh-Hant";
}

function withoutWebAddresses(text: string): string {
  return splitWebAddresses(text)
    .map((piece) => (piece.href === undefined ? piece.text : " "))
    .join("");
}

/** Whether Han characters make up a real share of a text's letters: "the 森居 returns desk" is English. */
export function isMostlyChinese(text: string): boolean {
  const hanCount = text.match(HAN_CHARACTER)?.length ?? 0;
  const latinCount = text.match(/[a-z]/gi)?.length ?? 0;
  return hanCount > 0 && hanCount * 3 >= latinCount;
}

const LETTER = /\p{L}/gu;
const HAN_OR_LATIN = /[\p{Script=Han}\p{Script=Latin}]/gu;
/** Letters only Vietnamese writes (ơ, ư, đ and the tone marks under or over its vowels). */
const VIETNAMESE_LETTER = /[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;
/** Function words of the languages written in Latin letters that Taiwan's visitors most often write. */
const OTHER_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  [deu, fra, ind, ita, msa, nld, por, spa, tgl, tur].flat().filter((word) => !englishStopWords.has(word)),
);

/**
 * Whether a question is written in a language other than Chinese and English: in another script
 * (Korean, Japanese kana, Thai) for a real share of its letters, in Vietnamese letters, or with
 * more of another language's function words than of English ones ("¿A qué hora abre la
 * biblioteca?"). Such a question is told which languages are read, not that the documents lack it.
 */
export function isInAnotherLanguage(question: string): boolean {
  const text = withoutWebAddresses(question);
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return false;
  const hanOrLatin = text.match(HAN_OR_LATIN)?.length ?? 0;
  if (letters - hanOrLatin >= letters * 0.3) return true;
  if (isMostlyChinese(text)) return false;
  if (VIETNAMESE_LETTER.test(text)) return true;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const other = words.filter((word) => OTHER_FUNCTION_WORDS.has(word)).length;
  const english = words.filter((word) => englishStopWords.has(word)).length;
  return other >= 2 && other > english;
}
