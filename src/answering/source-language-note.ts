import { detectLanguage, type QuestionLanguage } from "../text/language.js";
import { convertToSimplified } from "../text/normalize.js";

/**
 * A line in the question's language saying that the quoted source is in the other language, or
 * undefined when both are in the same one: a student who asked in English and gets a Chinese
 * quote should know it is the document's own words, not a reply in the wrong language.
 */
export function sourceLanguageNote(question: string, quoted: string): string | undefined {
  const asked = detectLanguage(question);
  const source = detectLanguage(quoted);
  if (isChinese(asked) === isChinese(source)) return undefined;
  if (asked === "en") return "(The source is in Chinese; quoted as written.)";
  const note = "（資料來源為英文，照原文引用。）";
  return asked === "zh-Hans" ? convertToSimplified(note) : note;
}

/** `answer` after the note on its source's language, when it needs one. */
export function withSourceLanguageNote(question: string, answer: string): string {
  const note = sourceLanguageNote(question, answer);
  return note ? `${note}\n${answer}` : answer;
}

function isChinese(language: QuestionLanguage): boolean {
  return language !== "en";
}
