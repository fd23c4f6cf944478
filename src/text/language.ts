import { convertToTraditional } from "./normalize.js";

export type QuestionLanguage = "zh-Hant" | "zh-Hans" | "en";

const HAN_CHARACTER = /\p{Script=Han}/gu;

/**
 * Chinese when Han characters make up a real share of the letters; Simplified when converting
 * to Traditional changes the text (a Traditional text is left as it is).
 */
export function detectLanguage(text: string): QuestionLanguage {
  if (!isMostlyChinese(text)) return "en";
  return convertToTraditional(text) === text ? "zh-Hant" : "zh-Hans";
}

/** Whether Han characters make up a real share of a text's letters: "the 森居 returns desk" is English. */
export function isMostlyChinese(text: string): boolean {
  const hanCount = text.match(HAN_CHARACTER)?.length ?? 0;
  const latinCount = text.match(/[a-z]/gi)?.length ?? 0;
  return hanCount > 0 && hanCount * 3 >= latinCount;
}
