import type { ContactLines } from "../config.js";
import { detectLanguage, isInAnotherLanguage } from "../text/language.js";
import { convertToSimplified } from "../text/normalize.js";

/** Who is told: the person who asked, or a staff member asking for a draft reply to a message. */
export type Audience = "asker" | "staff";

const MESSAGES: Record<Audience, { en: string; zh: string }> = {
  asker: {
    en: "Sorry, the published documents do not cover this question, so I cannot answer it reliably. ",
    zh: "抱歉，目前公告的文件沒有涵蓋這個問題，我無法可靠地回答。",
  },
  staff: {
    en: "No draft: the published documents do not cover this message. Reply yourself, or refer the person on: ",
    zh: "無建議回覆：公告的文件沒有涵蓋這則訊息。請自行回覆，或轉介：",
  },
};

/** What a question in another language is told, in both languages read: not that the documents lack it. */
const LANGUAGES_READ: Record<Audience, string> = {
  asker: "Sorry, I can only read questions in Chinese or English. 抱歉，我只看得懂中文或英文的問題。",
  staff: "No draft: this message is not in Chinese or English. 無建議回覆：這則訊息不是中文或英文。",
};

/** What introduces the topics offered beside an abstention (see relatedTopics). */
const RELATED_INTRO: Record<Audience, { en: string; zh: string }> = {
  asker: {
    en: " These topics in the documents may be related:",
    zh: "文件中以下主題可能與您的問題有關：",
  },
  staff: { en: " Related topics in the documents:", zh: "文件中相關的主題：" },
};

/**
 * Says, in the question's language, that the documents do not cover it and where to ask, and
 * introduces the related topics offered with it when there are any; a question in another
 * language is told which languages are read, in both, with both contact lines.
 */
export function abstentionMessage(
  question: string,
  contactLines: ContactLines,
  audience: Audience = "asker",
  offersRelated = false,
): string {
  if (isInAnotherLanguage(question)) return `${LANGUAGES_READ[audience]} ${contactLines.en} ${contactLines.zh}`;
  const language = detectLanguage(question);
  const related = (intro: string) => (offersRelated ? intro : "");
  if (language === "en") return `${MESSAGES[audience].en}${contactLines.en}${related(RELATED_INTRO[audience].en)}`;
  const message = `${MESSAGES[audience].zh}${contactLines.zh}${related(RELATED_INTRO[audience].zh)}`;
  return language === "zh-Hans" ? convertToSimplified(message) : message;
}

/** The abstention for one question of a message that asked several, led by the question it is about. */
export function partAbstentionMessage(question: string, contactLines: ContactLines): string {
  const quoted = detectLanguage(question) === "en" ? `"${question}"` : `「${question}」`;
  return `${quoted} ${abstentionMessage(question, contactLines)}`;
}
