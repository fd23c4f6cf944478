import { withQuestionWordsWritten } from "../text/near-spellings.js";
import { COLLOQUIAL_QUESTION_WORD } from "../text/normalize.js";
import { webAddressSpans } from "../text/web-addresses.js";
import { contentWords } from "./follow-up.js";

/** More questions than this in one message is a pasted text, not a few questions asked at once. */
const MAX_QUESTIONS = 3;
/** Pieces between question marks looked at: beyond this the message is returned whole unread. */
const MAX_PIECES = 2 * MAX_QUESTIONS;

/**
 * The questions of a message that asks several at once (「運費多少？可以寄到日本嗎？」): its pieces
 * ended by a question mark that name something of their own ("請問一下？" names nothing). One
 * question, a message of more than a few, or one holding a link (whose "?" ends no question), is
 * returned whole.
 */
export function separateQuestions(message: string): string[] {
  if (webAddressSpans(message).length > 0) return [message];
  const pieces = withTrailingStatementJoined(piecesEndedByQuestionMarks(message).flatMap(joinedQuestions));
  if (pieces.length < 2 || pieces.length > MAX_PIECES) return [message];
  const questions = pieces.filter((piece) => contentWords(piece).length > 0);
  return questions.length > 1 && questions.length <= MAX_QUESTIONS ? questions : [message];
}

/** Where one sentence of a message ends and the next begins: a full stop, not a decimal point (2.3 公斤). */
const SENTENCE_END = /(?<=[。！!;；])\s*(?=\S)|(?<=\.)\s+(?=\S)/u;

/**
 * A message that tells its background before it asks ("We're going to a library talk and my friend
 * is deaf. How far ahead do we need to ask for someone to sign?"): the sentences before the first
 * that asks, and the rest. No background when the message asks from its first sentence.
 */
export function backgroundAndQuestion(message: string): { background: string; question: string } {
  const sentences = message.split(SENTENCE_END).filter((sentence) => sentence.trim() !== "");
  const firstAsking = sentences.findIndex((sentence) => /[?？]/.test(sentence) || ASKS_SOMETHING.test(sentence));
  if (firstAsking <= 0) return { background: "", question: message };
  return { background: sentences.slice(0, firstAsking).join(" "), question: sentences.slice(firstAsking).join(" ") };
}

/**
 * A last piece that tells about the asker, what they meant or do not want (「我跟老公都想收」, 「就是尖峰離峰
 * 分開算的那種」, "I mean the monthly one", 「不想收簡訊」, "she is 5 months old"), not one asking for more ("還有停車費", "also parking", 「我想問…」).
 */
const TELLS_BACKGROUND =
  /^(?!我想(?:問|知道|請問)|我要問|i (?:want|would like|'d like) to (?:know|ask))(?:我|我們|我家|他|她|孩子|小孩|寶寶|兒子|女兒|就是|因為|因为|因此|所以|謝謝|感謝|麻煩了|不想|不要|不希望|不喜歡|不方便|沒辦法|没办法|i\b|we\b|my\b|our\b|(?:she|he|it|they)(?:'s|'re| is| are| was| were| has| have)\b|because\b|i mean\b|thanks\b|thank you\b|don't\b|do not\b|can't\b|cannot\b)/iu;

/**
 * The pieces, with a last one that asks nothing and tells the background of the question before it
 * joined to that question: 「電子帳單可以寄到兩個 email 嗎？我跟老公都想收」 asks one question.
 */
function withTrailingStatementJoined(pieces: string[]): string[] {
  const [before, last] = pieces.slice(-2);
  if (before === undefined || last === undefined || /[?？]$/.test(last) || ASKS_SOMETHING.test(last)) return pieces;
  return TELLS_BACKGROUND.test(last) ? [...pieces.slice(0, -2), `${before} ${last}`] : pieces;
}

const EN_QUESTION_WORDS = "what|which|how|who|where|when|why";
/** Verbs an English yes-or-no question opens with. */
const EN_QUESTION_OPENINGS = "is|are|can|could|do|does|did|will|would|should|may";

/** A question word, a yes-or-no ending or one asked both ways (要不要): a text that asks something, not only names a topic. */
export const ASKS_SOMETHING = new RegExp(
  `什麼|甚麼|什么|哪|怎麼|怎么|${COLLOQUIAL_QUESTION_WORD.source}|如何|多少|幾(?!乎)|几(?!乎)|誰|谁|(\\p{Script=Han})[不沒没]\\1|[嗎吗呢]\\s*[?？]?\\s*$|\\b(?:${EN_QUESTION_WORDS})\\b|^\\s*(?:${EN_QUESTION_OPENINGS})\\b`,
  "iu",
);

/**
 * Where a second question is joined to the one before without a question mark: "…start and how far
 * is it?", 「學費多少，什麼時候要繳」. Split there only when the first half is a question of its own
 * (put as one in English, ending on what it asks in Chinese) and the second asks something too:
 * 「如果11月中才休學，學費還退得回來嗎」 is one question with its condition, and so is
 * 「北朝幾個朝代中，哪個朝代最積極建築長城」.
 */
const JOINS_A_QUESTION: { join: RegExp; firstAsks: RegExp }[] = [
  {
    // "…and when…", "…and is it open late?": a question word, or a yes-or-no opening before its subject.
    join: new RegExp(
      `,?\\s+(?:and|also|plus)\\s+(?=(?:${EN_QUESTION_WORDS})\\b|(?:${EN_QUESTION_OPENINGS})\\s+(?:i|it|there|they|he|she|we|you|the|my|this|that)\\b)`,
      "iu",
    ),
    firstAsks: new RegExp(`^\\s*(?:${EN_QUESTION_WORDS}|${EN_QUESTION_OPENINGS})\\b`, "iu"),
  },
  {
    join: /[，,]\s*(?:還有|还有|另外|以及)?/u,
    firstAsks:
      /(?:多少錢?|多少钱|幾.{0,2}|几.{0,2}|什麼時候|什么时候|何時|何时|哪裡|哪里|哪邊|多久|如何|怎麼辦|怎么办|什麼|什么|誰|谁|[嗎吗呢])\s*$/u,
  },
];

/** A piece as the questions it joins, or itself. */
function joinedQuestions(piece: string): string[] {
  for (const { join, firstAsks } of JOINS_A_QUESTION) {
    const at = join.exec(piece);
    if (!at) continue;
    const first = piece.slice(0, at.index).trim();
    const second = piece.slice(at.index + at[0].length).trim();
    // Read with its question words as written where people text them otherwise ("whats", "hw much").
    if (firstAsks.test(withQuestionWordsWritten(first.toLowerCase())) && ASKS_SOMETHING.test(second))
      return [first, second];
  }
  return [piece];
}

const OPENING_QUOTES = new Set(["「", "『", "“", "《"]);
const CLOSING_QUOTES = new Set(["」", "』", "”", "》"]);

/**
 * A text's pieces, each ended by a question mark but the last, trimmed, none empty. A question mark
 * inside quotation marks or a title ends no piece: 「殿下先謁陵乎？先即位乎？」這句話是誰說的？ is one.
 */
export function piecesEndedByQuestionMarks(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string;
    if (OPENING_QUOTES.has(character)) depth++;
    else if (CLOSING_QUOTES.has(character)) depth = Math.max(0, depth - 1);
    else if ((character === "?" || character === "？") && depth === 0) {
      pieces.push(text.slice(start, index + 1));
      start = index + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== "");
}
