import type { Passage } from "../retrieval/retrieve-passages.js";
import type { QuestionLanguage } from "../text/language.js";
import { convertToSimplified, hasHan, isAllHan, normalizeForMatching } from "../text/normalize.js";
import { analyzeQueryTerms, analyzeText } from "../text/tokenize.js";
import type { Audience } from "./abstention-message.js";
import { type AskedAnswer, answerFit, readAskedAnswer } from "./answer-types.js";
import { ASKS_SOMETHING } from "./separate-questions.js";

/** A question of at most this many words (a word's inner bigrams are not words of their own) may be too vague to answer. */
const MAX_VAGUE_WORDS = 2;
/** Topics whose best passage is at least this relevant, relative to the best one, are as likely meant. */
const CLOSE_RELEVANCE_SHARE = 0.8;
const MAX_CHOICES = 4;

/**
 * The topics to offer when a question is too vague to answer ("宿舍?", "fees?", "身分證"): it names a
 * subject in a word or two, and several topics about it match about equally well. A topic is what a
 * passage is about: a curated FAQ question, else its section, else its document; sections of one
 * document count (身分證 may be about losing one, its fee or its photo). A question of two words
 * that asks for a kind of answer ("宿舍費用多少") is specific enough; one word with a kind asked is
 * only when it names one document ("戶籍謄本多少錢", not "how much are the fees?"), and then only
 * topics that state that kind are choices. Each choice is what the asker can send next. Undefined
 * when the question can be answered as it is.
 */
export function clarifyingChoices(
  question: string,
  passages: Passage[],
  // What retrieval and the composer already read of the question, when they have: its words (no
  // bigram across two of them, such as 請期 in 申請期限) and the kinds of answer it asks for.
  read: { words: string[]; asked: AskedAnswer } = {
    words: [...analyzeQueryTerms(question)].filter(([, term]) => !term.acrossWords).map(([term]) => term),
    asked: readAskedAnswer(question),
  },
): string[] | undefined {
  const words = withoutInnerBigrams(read.words);
  if (words.length === 0 || words.length > MAX_VAGUE_WORDS) return undefined;
  const askingForKind = read.asked.types.length > 0;
  // Two words put as a question ("會員有什麼好處") say what they ask; two words alone ("dorm fees?") may not.
  if (words.length > 1 && !isOneWord(question) && (askingForKind || ASKS_SOMETHING.test(question))) return undefined;
  const [best] = passages;
  if (!best) return undefined;
  // For a single word, how often a passage repeats it says little about what was meant: every
  // passage that holds it is as likely meant.
  const close = passages.filter(
    (passage) =>
      passage.relevance >= CLOSE_RELEVANCE_SHARE * best.relevance || (words.length === 1 && passage.coverage >= 1),
  );
  // Asked for a kind of answer, only topics that state one are choices: a list of pages that merely
  // mention 成績單 does not help someone asking what it costs.
  const typed = askingForKind ? close.filter((passage) => answerFit(passage.chunk.text, read.asked).fits) : close;
  const byTopic = firstOfEachTopic(typed);
  if (byTopic.length < 2) return undefined;
  // Topics that are all sections of one document are parts of one answer when the question asks for
  // a kind of answer only it states ("补胎多少钱" and the repair page's sections), in whichever
  // language it is written, or when it covers the question's two words whole ("interpreter booking").
  const oneDocument = new Set(typed.map((passage) => passage.document.docId)).size === 1;
  if (oneDocument && (askingForKind || (words.length > 1 && best.coverage >= 1))) return undefined;
  // One topic named by the question ("VPN?" and the page titled "VPN") is what was meant; a word that
  // names several (申請 in 申請期限 and 申請資格) is what they share, not which one. A section is
  // named by its own heading: under a title that names the word, "聯絡" is not what was asked.
  const named = byTopic.filter((passage) => namesAll(topicName(passage), words));
  if (askingForKind) {
    // A word and a kind of answer: the word is specific when it names a document (戶籍謄本多少錢), where
    // the kind asked for is then looked for; one that names none ("how do I apply?", "fees?") or
    // several (申請 in 宿舍申請 and 轉系申請) is not.
    const namingDocuments = new Set(
      close.filter((passage) => namesAll(passage.document.title, words)).map((passage) => passage.document.docId),
    );
    if (namingDocuments.size === 1) return undefined;
  } else if (named.length === 1) return undefined;
  // Topics the question names first (身分證's own page before the FAQ on the photocopier), then by document.
  const others = byTopic.filter((passage) => !named.includes(passage));
  return [...documentsFirst(named), ...documentsFirst(others)].map(choiceFor).slice(0, MAX_CHOICES);
}

/** Each topic once, by its best passage: a title or FAQ question two documents share is the better-ranked one's. */
export function firstOfEachTopic(passages: Passage[]): Passage[] {
  const seen = new Set<string>();
  return passages.filter((passage) => {
    const topic = choiceFor(passage);
    if (seen.has(topic)) return false;
    seen.add(topic);
    return true;
  });
}

/** Passages in their order, the first of each document before any document's second: the widest choice first. */
function documentsFirst(passages: Passage[]): Passage[] {
  const seen = new Set<string>();
  const [firsts, others] = [[] as Passage[], [] as Passage[]];
  for (const passage of passages) {
    const isFirst = !seen.has(passage.document.docId);
    seen.add(passage.document.docId);
    (isFirst ? firsts : others).push(passage);
  }
  return [...firsts, ...others];
}

/** Whether a topic's name holds every word, a Chinese one also inside a longer word (身分證 in 國民身分證). */
function namesAll(name: string, words: string[]): boolean {
  const nameTerms = new Set(analyzeText(name));
  const foldedName = normalizeForMatching(name);
  return words.every((word) => nameTerms.has(word) || (isAllHan(word) && foldedName.includes(word)));
}

/** The words without the bigrams inside a longer one: 身分 in 身分證 is part of it, not a word of its own. */
function withoutInnerBigrams(words: string[]): string[] {
  return words.filter(
    (word) => !hasHan(word) || !words.some((other) => other.length > word.length && other.includes(word)),
  );
}

/** A question that is one word ("fees?", "學費?"): at most four Chinese characters, or one Latin word. */
export function isOneWord(question: string): boolean {
  const bare = question.replace(/[\p{P}\p{S}]/gu, "").trim();
  return /^[\p{Script=Latin}\p{N}]+$/u.test(bare) || /^\p{Script=Han}{1,4}$/u.test(bare);
}

/** What a passage's topic is called: its FAQ question, else its section's heading, else its document's title. */
function topicName(passage: Passage): string {
  return passage.chunk.faqQuestion ?? passage.chunk.headingPath.at(-1) ?? passage.document.title;
}

/** A topic as a choice the asker can send: its FAQ question, else its document's title and section's heading. */
export function choiceFor(passage: Passage): string {
  if (passage.chunk.faqQuestion !== undefined) return passage.chunk.faqQuestion;
  const heading = passage.chunk.headingPath.at(-1);
  const { title } = passage.document;
  // A page's heading that is its title without the site's name ("運送方式與運費｜森居家居") names it once.
  if (
    !heading ||
    heading === title ||
    (TITLE_THEN_SITE.test(title.slice(heading.length)) && title.startsWith(heading))
  ) {
    return title;
  }
  // Joined as the topic's own language writes it: "Moving out: Deadlines", 「宿舍：訪客」.
  return hasHan(`${title}${heading}`) ? `${title}：${heading}` : `${title}: ${heading}`;
}

// What follows a page's own name in a web page's title: its site's ("開放時間 | 湖光圖書館").
const TITLE_THEN_SITE = /^\s*[|｜–-]/u;

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
