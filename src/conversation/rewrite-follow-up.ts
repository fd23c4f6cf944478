import { readAskedAnswer } from "../answering/answer-types.js";
import { isDeclined } from "../answering/declined-reply.js";
import { contentWords, type FollowUp, looksLikeFollowUp } from "../answering/follow-up.js";
import type { ChatModel } from "../models/chat-model.js";
import { inverseChunkFrequency } from "../retrieval/term-weights.js";
import type { IndexStore } from "../store/index-store.js";
import { defaultPersonalDataMask, type PersonalDataMask } from "../text/mask-personal-data.js";
import { analyzeQuery } from "../text/tokenize.js";
import { untilDeadline } from "../until-deadline.js";
import { type ConversationTurn, turnsSinceTopicBreak } from "./conversation-memory.js";

/** Longest wait for the model's rewrite before carrying words over instead. */
const REWRITE_TIMEOUT_MS = 5000;
/** Previous words carried over, the most specific first. */
const MAX_KEY_WORDS = 3;

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
  // A chain of follow-ups ("那研究生呢?" "博士生呢?") keeps asking what the question they follow asked.
  const askedBefore = (turns.findLast((turn) => readAskedAnswer(turn.question).types.length > 0) ?? previous).question;
  return carried.length === 0 ? { question, askedBefore } : { question, context: carried.join(" "), askedBefore };
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

// A lone character is too ambiguous to carry to another question, but it does make one specific.
function isCarriable(word: string): boolean {
  return !/^\p{Script=Han}$/u.test(word);
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
