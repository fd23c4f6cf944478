import { isDeclined } from "../answering/declined-reply.js";
import type { FollowUp } from "../answering/follow-up.js";
import type { ChatModel } from "../models/chat-model.js";
import { inverseChunkFrequency } from "../retrieval/term-weights.js";
import type { IndexStore } from "../store/index-store.js";
import { defaultPersonalDataMask, type PersonalDataMask } from "../text/mask-personal-data.js";
import { normalizeForMatching } from "../text/normalize.js";
import { chineseStopWords, englishStopWords } from "../text/stop-words.js";
import { analyzeQuery } from "../text/tokenize.js";
import { untilDeadline } from "../until-deadline.js";
import { type ConversationTurn, turnsSinceTopicBreak } from "./conversation-memory.js";

/** How a follow-up leans on what came before: "那研究生呢?", "and for graduate students?". */
const FOLLOW_UP_OPENING =
  /^\s*(?:那|那麼|那如果|還有|还有|如果是|至於|至于|and\b|what about\b|how about\b|but\b|also\b|what if\b)/i;
const FOLLOW_UP_ENDING = /呢\s*[?？]?\s*$/;
/**
 * What a question needs to stand on its own without a follow-up marker: two content words, or four
 * Chinese characters of content words ("研究生?" leans on the question before; "宿舍可以養貓嗎?" does not).
 */
const MIN_STANDALONE_WORDS = 2;
const MIN_STANDALONE_HAN = 4;

/** Longest wait for the model's rewrite before carrying words over instead. */
const REWRITE_TIMEOUT_MS = 5000;
/** Previous words carried over, the most specific first. */
const MAX_KEY_WORDS = 3;

const wordSegmenter = new Intl.Segmenter("zh-Hant", { granularity: "word" });

/**
 * The question to retrieve with: a follow-up made standalone from the conversation's last turns,
 * by the model when one is configured (it sees the recent questions), otherwise by carrying the
 * previous question's key words over as context, which weighs less than the follow-up's own words
 * (in "那研究生呢?" after "大學部加退選…", 研究生 must outweigh the carried 大學部). A question
 * that stands on its own is left as it is. Nothing of the earlier questions' personal data is carried
 * (`personalData`, the built-in patterns by default): the rewrite is what the answer log keeps.
 * Nothing is carried across a safety reply or a declined request: a distress message's words never
 * become the topic of the next question.
 */
export async function rewriteFollowUp(
  question: string,
  conversation: readonly ConversationTurn[],
  options: { store: IndexStore; chatModel?: ChatModel; signal?: AbortSignal; personalData?: PersonalDataMask },
): Promise<FollowUp> {
  const personalData = options.personalData ?? defaultPersonalDataMask;
  const turns = turnsSinceTopicBreak(conversation);
  const previous = turns.at(-1);
  const words = contentWords(question);
  // A question that stands on its own, or has no word of its own ("?"), is taken as it is.
  if (!previous || !looksLikeFollowUp(question, words) || !words.some(isCarriable)) return { question };
  if (options.chatModel) {
    try {
      const signal = untilDeadline(options.signal, AbortSignal.timeout(REWRITE_TIMEOUT_MS));
      // An answer may echo what the student typed ("Alice, write to alice.chen@…").
      const maskedTurns = turns.map((turn) => ({
        ...turn,
        standaloneQuestion: personalData.mask(turn.standaloneQuestion),
        answer: personalData.mask(turn.answer),
      }));
      return { question: await rewriteWithModel(question, maskedTurns, options.chatModel, signal) };
    } catch {
      // A failing, slow or unhelpful model leaves the lexical rewrite, which needs none.
    }
  }
  // Taken out, not masked: a fragment of an address ("alice.chen") would be carried, and so would "email".
  const carried = await keyWords(
    contentWords(personalData.remove(previous.standaloneQuestion)).filter(
      (word) => isCarriable(word) && !question.includes(word),
    ),
    options.store,
  );
  return carried.length === 0 ? { question } : { question, context: carried.join(" ") };
}

/** The previous question's most specific words (rarest in the index), at most a few. */
async function keyWords(words: string[], store: IndexStore): Promise<string[]> {
  const termOf = (word: string) => analyzeQuery(word)[0];
  // Question forms ("多少錢", "幾點") have no index term: they are not a topic.
  const topical = words.flatMap((word) => {
    const term = termOf(word);
    return term === undefined ? [] : [{ word, term }];
  });
  const statistics = await store.termStatistics(topical.map(({ term }) => term));
  const weighed = topical.map(({ word, term }) => ({ word, weight: inverseChunkFrequency(term, statistics) }));
  return weighed
    .sort((left, right) => right.weight - left.weight)
    .slice(0, MAX_KEY_WORDS)
    .map((entry) => entry.word);
}

/** `words`: the question's content words, when the caller has them already. */
export function looksLikeFollowUp(question: string, words = contentWords(question)): boolean {
  if (FOLLOW_UP_OPENING.test(question) || FOLLOW_UP_ENDING.test(question)) return true;
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

// A lone character is too ambiguous to carry to another question, but it does make one specific.
function isCarriable(word: string): boolean {
  return !/^\p{Script=Han}$/u.test(word);
}

/** The words of a question that carry its topic, in the script it was written in. */
function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    const folded = normalizeForMatching(segment.toLowerCase());
    if (!isWordLike || chineseStopWords.has(folded) || englishStopWords.has(folded)) continue;
    if (!words.includes(segment)) words.push(segment);
  }
  return words;
}

async function rewriteWithModel(
  question: string,
  turns: readonly ConversationTurn[],
  chatModel: ChatModel,
  signal: AbortSignal | undefined,
): Promise<string> {
  const history = turns.map((turn) => `Q: ${turn.standaloneQuestion}\nA: ${turn.answer}`).join("\n\n");
  const reply = await chatModel.complete(
    [
      {
        role: "system",
        content:
          "Rewrite the user's last question so that it can be understood without the conversation, in the same language and script. If it already stands on its own, return it unchanged. Reply with the question only.",
      },
      { role: "user", content: `Conversation:\n${history}\n\nLast question: ${question}` },
    ],
    { signal },
  );
  const rewritten = reply.text.trim();
  // A refusal, or a "question" sharing no word with the conversation, is not a rewrite.
  const conversationWords = new Set(contentWords(`${history} ${question}`));
  if (
    rewritten === "" ||
    rewritten.length > 1000 ||
    isDeclined(rewritten) ||
    !contentWords(rewritten).some((word) => conversationWords.has(word))
  ) {
    throw new Error("the model gave no usable question");
  }
  return rewritten;
}
