import { detectLanguage, type QuestionLanguage } from "../text/language.js";
import { convertToSimplified, foldedPattern, normalizeForMatching } from "../text/normalize.js";

/** A message that only greets, thanks or says goodbye: no question to search the documents for. */
export type SmallTalk = "greeting" | "thanks" | "goodbye";

/*
 * Words of greeting, thanks and goodbye in Traditional or Simplified Chinese and English, and the
 * fillers said with them ("ok thanks", 「好的謝謝你」). Written in Traditional characters, folded as
 * questions are. A message is small talk only when it holds nothing else: "hi, how do I reset my
 * password" is a question.
 */
const WORDS: Record<SmallTalk, string> = {
  thanks: "thanks|thank you|thank u|thx|ty|謝謝|謝啦|謝了|感謝|感恩|多謝|3q",
  goodbye: "bye|bye bye|goodbye|see you|see ya|掰掰|拜拜|再見",
  greeting:
    "hi|hello|hey|hiya|good morning|good afternoon|good evening|你好|您好|妳好|嗨|哈囉|早安|午安|晚安|安安|在嗎|有人在嗎",
};
const FILLERS = "ok|okay|great|cool|so much|very much|a lot|there|all|好|好的|嗯|喔|哦|噢|啊|呀|囉|了|你|您|妳|大家";
const ANY_WORD = [...Object.values(WORDS), FILLERS].join("|");
/** The message with its punctuation, symbols and emoji read as spaces. */
const NOT_WORDS = /[\p{P}\p{S}\p{Extended_Pictographic}\s]+/gu;
const ONLY_SMALL_TALK = foldedPattern(`^(?:(?:${ANY_WORD})\\s*)+$`, "u");
const KINDS = (Object.keys(WORDS) as SmallTalk[]).map(
  (kind) => [kind, foldedPattern(`(?:^|\\s|[^a-z])(?:${WORDS[kind]})(?:$|\\s|[^a-z])`, "u")] as const,
);

/** What a message that is only small talk says (thanks before a goodbye before a greeting); undefined for anything else. */
export function smallTalkIn(message: string): SmallTalk | undefined {
  const text = normalizeForMatching(message).replace(NOT_WORDS, " ").trim();
  if (text === "" || !ONLY_SMALL_TALK.test(text)) return undefined;
  return KINDS.find(([, said]) => said.test(text))?.[0];
}

const REPLIES: Record<SmallTalk, { zh: string; en: string }> = {
  greeting: {
    zh: "您好！請直接輸入想問的問題，我會根據公告的文件回答，並附上出處。",
    en: "Hello! Type your question and I will answer it from the published documents, with their sources.",
  },
  thanks: {
    zh: "不客氣！還有其他問題，隨時都可以再問我。",
    en: "You're welcome! Ask me anything else at any time.",
  },
  goodbye: {
    zh: "再見！有問題隨時回來問我。",
    en: "Goodbye! Come back any time you have a question.",
  },
};

/** The reply to small talk, in the message's language and script. */
export function smallTalkReply(kind: SmallTalk, language: QuestionLanguage): string {
  const { zh, en } = REPLIES[kind];
  if (language === "en") return en;
  return language === "zh-Hans" ? convertToSimplified(zh) : zh;
}

/** The reply to a message that is only small talk, or undefined. */
export function replyToSmallTalk(message: string): string | undefined {
  const kind = smallTalkIn(message);
  return kind && smallTalkReply(kind, detectLanguage(message));
}
