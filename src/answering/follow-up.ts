import { hasHan, normalizeForMatching } from "../text/normalize.js";
import { chineseStopWords, englishStopWords } from "../text/stop-words.js";
import { INTERROGATIVE_PREFIX, segmentWords } from "../text/tokenize.js";
import { TOPICAL, wordSpecificity } from "../text/word-specificity.js";

/** How a follow-up leans on what came before: "那研究生呢?", "and for graduate students?". */
const FOLLOW_UP_OPENING =
  /^\s*(?:那|那麼|那如果|還有|还有|如果是|至於|至于|and\b|what about\b|how about\b|but\b|also\b|what if\b)/i;
const FOLLOW_UP_ENDING = /呢\s*[?？]?\s*$/;
/**
 * A pronoun standing for what was asked before: "what time does it open?", 「各自的專長是什麼？」. Not
 * the "it" that stands for nothing ("how long does it take", "is it possible"), "IT" support, nor
 * 其它 ("other").
 */
const REFERS_BACK =
  /\b(?:[Ii]t(?! (?:take|takes|took|possible|ok|okay|necessary|required|true|allowed|safe|too late|worth|matters?)\b)|[Tt]hey|them)\b|(?<!其)[它牠]|各自/;
/**
 * What a question needs to stand on its own without a follow-up marker: two content words, or four
 * Chinese characters of content words ("研究生?" leans on the question before; "宿舍可以養貓嗎?" does not).
 */
const MIN_STANDALONE_WORDS = 2;
const MIN_STANDALONE_HAN = 4;
/** A question asked both ways (會不會, 可不可以), folded: it asks, it names nothing. */
const ASKED_BOTH_WAYS = /^(\p{Script=Han})[不没]\1/u;

/** A question ready to answer: rewritten whole by a model, or with words carried from the last turn. */
export interface FollowUp {
  question: string;
  /** Words of the previous question, searched for with less weight than the question's own. */
  context?: string;
  /**
   * The previous question, whose kind of answer a follow-up that names none asks again: "那研究生呢?"
   * after "大學部加退選到什麼時候?" asks when, too.
   */
  askedBefore?: string;
}

/** How a follow-up reads once understood: "那研究生呢?（加退選）". */
export function standaloneText({ question, context }: FollowUp): string {
  return context ? `${question}（${context}）` : question;
}

/** `words`: the question's content words, when the caller has them already. */
export function looksLikeFollowUp(question: string, words = contentWords(question)): boolean {
  if (FOLLOW_UP_OPENING.test(question) || FOLLOW_UP_ENDING.test(question) || REFERS_BACK.test(question)) return true;
  return !hasWordsOfItsOwn(question, words);
}

/**
 * Whether a question has enough content words to be about something ("宿舍可以養貓嗎?", "那宿舍費用呢?"),
 * whatever marker it opens or ends with; "那怎麼辦?", "然後呢?", "研究生?" lean on what came before.
 */
export function hasWordsOfItsOwn(question: string, words = contentWords(question)): boolean {
  const han = words.join("").match(/\p{Script=Han}/gu)?.length ?? 0;
  const otherWords = words.filter((word) => !/\p{Script=Han}/u.test(word)).length;
  return han >= MIN_STANDALONE_HAN || otherWords >= MIN_STANDALONE_WORDS;
}

/**
 * Whether a question names something of its own to ask about, beside the words that ask and
 * everyday ones: 「幾點到幾點有人？」 names nothing (有人 is everyday), 「學費多少錢？」 names 學費. A word of
 * another script than Chinese, not a function word, names something.
 */
export function namesATopic(question: string, words = contentWords(question)): boolean {
  return words.some((word) => {
    if (!hasHan(word)) return true;
    const folded = normalizeForMatching(word);
    const asks = INTERROGATIVE_PREFIX.test(folded) || ASKED_BOTH_WAYS.test(folded);
    return !asks && wordSpecificity(folded) >= TOPICAL;
  });
}

/** The words of a question that carry its topic, in the script it was written in. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of segmentWords(text)) {
    const folded = normalizeForMatching(segment.toLowerCase());
    if (!isWordLike || chineseStopWords.has(folded) || englishStopWords.has(folded)) continue;
    if (!words.includes(segment)) words.push(segment);
  }
  return words;
}
