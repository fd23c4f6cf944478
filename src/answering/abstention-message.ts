import type { QuestionLanguage } from "../text/language.js";
import { convertToSimplified } from "../text/normalize.js";

export interface ContactLines {
  zh: string;
  en: string;
}

/** Says, in the question's language, that the documents do not cover it and where to ask. */
export function abstentionMessage(language: QuestionLanguage, contactLines: ContactLines): string {
  if (language === "en") {
    return `Sorry, the published documents do not cover this question, so I cannot answer it reliably. ${contactLines.en}`;
  }
  const message = `抱歉，目前公告的文件沒有涵蓋這個問題，我無法可靠地回答。${contactLines.zh}`;
  return language === "zh-Hans" ? convertToSimplified(message) : message;
}
