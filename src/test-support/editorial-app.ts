import { createAnswerService } from "../ask/answer-service.js";
import { defaultConfidenceModel } from "../config/confidence-model.js";
import { ConversationMemory } from "../conversation/conversation-memory.js";
import { type App, createApp } from "../http/app.js";
import type { AppDependencies } from "../http/app-dependencies.js";
import type { IndexStore } from "../store/index-store.js";

const CONTACT_LINES = { zh: "請洽櫃檯。", en: "Ask the desk." };

/** A ready app over `store` with extractive answers (threshold 0.3), for the editors' tests; `overrides` replace its parts. */
export function editorialApp(
  store: IndexStore,
  editorial: AppDependencies["editorial"],
  allowedOrigins: string[] = [],
  overrides: Partial<AppDependencies> = {},
): App {
  const answers = createAnswerService({
    store,
    answering: { abstainThreshold: 0.3, faqMatchThreshold: 0.7, confidenceModel: defaultConfidenceModel },
    conversations: new ConversationMemory(),
    answerLog: editorial.interactions,
    personaFor: () => ({ assistantName: "Lakeside", tone: "formal", guidance: [], contactLines: CONTACT_LINES }),
  });
  return createApp({ store, readiness: { ready: true, reason: "" }, answers, allowedOrigins, editorial, ...overrides });
}
