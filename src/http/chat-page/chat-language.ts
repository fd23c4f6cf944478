import type { Context } from "hono";
import { type LanguageVariables, languageDetector } from "hono/language";
import type { ChatLanguage } from "./chat-text.js";

const CHAT_LANGUAGES: ChatLanguage[] = ["zh-Hant", "en"];

/**
 * The page's language: `?lang=` when it names one, else the browser's most preferred language the
 * page speaks (q-values honoured; any Chinese is answered in Traditional Chinese), else English.
 * Nothing is remembered in a cookie: the page's language switch is a link with `?lang=`.
 */
export const detectChatLanguage = languageDetector({
  supportedLanguages: CHAT_LANGUAGES,
  fallbackLanguage: "en",
  order: ["querystring", "header"],
  caches: false,
  convertDetectedLanguage: (tag) => (/^zh(-|$)/i.test(tag) ? "zh-Hant" : tag),
});

/** The language detectChatLanguage chose: always one of CHAT_LANGUAGES. */
export function chatLanguageOf(context: Context<{ Variables: LanguageVariables }>): ChatLanguage {
  return context.get("language") as ChatLanguage;
}
