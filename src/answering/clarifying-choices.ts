import type { Passage } from "../retrieval/retrieve-passages.js";
import type { QuestionLanguage } from "../text/language.js";
import { convertToSimplified } from "../text/normalize.js";
import { analyzeQueryTerms, analyzeText } from "../text/tokenize.js";
import type { Audience } from "./abstention-message.js";
import { type AskedAnswer, readAskedAnswer } from "./answer-types.js";

/** A question of at most this many terms, asking for nothing in particular, may be too vague to answer. */
const MAX_VAGUE_TERMS = 2;
/** Documents whose best passage is at least this relevant, relative to the best one, are as likely meant. */
const CLOSE_RELEVANCE_SHARE = 0.8;
const MAX_CHOICES = 4;

/**
 * The topics to offer when a question is too vague to answer ("宿舍?", "fees?"): it names a subject
 * in a word or two, asks for no kind of answer, and several documents about it match about equally
 * well. Each choice is what the asker can send next: a curated FAQ question, else the topic's title
 * and heading. Undefined when the question can be answered as it is.
 */
export function clarifyingChoices(
  question: string,
  passages: Passage[],
  // What retrieval and the composer already read of the question, when they have.
  read: { terms: string[]; asked: AskedAnswer } = {
    terms: [...analyzeQueryTerms(question).keys()],
    asked: readAskedAnswer(question),
  },
): string[] | undefined {
  const { terms } = read;
  if (terms.length === 0 || terms.length > MAX_VAGUE_TERMS) return undefined;
  // "fees?" names a topic, not what about it is asked: only a question of more words asks for a kind.
  if (!isOneWord(question) && read.asked.types.length > 0) return undefined;
  const [best] = passages;
  if (!best) return undefined;
  // For a single word, how often a passage repeats it says little about what was meant: every
  // passage that holds it is as likely meant.
  const close = passages.filter(
    (passage) =>
      passage.relevance >= CLOSE_RELEVANCE_SHARE * best.relevance || (terms.length === 1 && passage.coverage >= 1),
  );
  const byDocument = [...new Map(close.map((passage) => [passage.document.docId, passage])).values()];
  if (byDocument.length < 2) return undefined;
  // One document named by the question ("VPN?" and "Connecting to the Campus VPN") is what was meant.
  const named = byDocument.filter((passage) => {
    const titleTerms = new Set(analyzeText(passage.document.title));
    return terms.every((term) => titleTerms.has(term));
  });
  if (named.length === 1) return undefined;
  const choices = [...new Set(byDocument.map(choiceFor))];
  return choices.length < 2 ? undefined : choices.slice(0, MAX_CHOICES);
}

/** A question that is one word ("fees?", "學費?"): at most four Chinese characters, or one Latin word. */
function isOneWord(question: string): boolean {
  const bare = question.replace(/[\p{P}\p{S}]/gu, "").trim();
  return /^[\p{Script=Latin}\p{N}]+$/u.test(bare) || /^\p{Script=Han}{1,4}$/u.test(bare);
}

function choiceFor(passage: Passage): string {
  if (passage.chunk.faqQuestion !== undefined) return passage.chunk.faqQuestion;
  const heading = passage.chunk.headingPath.at(-1);
  const { title } = passage.document;
  return heading && heading !== title ? `${title}：${heading}` : title;
}

/**
 * The question back, in the asker's language: the choices follow it. Staff asking for a draft
 * are told instead that the message is too vague to draft from, and to ask which topic is meant.
 */
export function clarifyingQuestion(language: QuestionLanguage, audience: Audience = "asker"): string {
  const text =
    audience === "staff"
      ? {
          en: "No draft: the message is too vague to answer from the documents. Ask the person which of these topics they mean:",
          zh: "無建議回覆：這則訊息太籠統，無法從文件回答。請向對方確認想問的是下列哪個主題：",
        }
      : {
          en: "Your question could be about several topics. Which one do you mean?",
          zh: "您的問題可能與以下幾個主題有關，請問您想問的是哪一個？",
        };
  if (language === "en") return text.en;
  return language === "zh-Hans" ? convertToSimplified(text.zh) : text.zh;
}
