import { defaultConfidenceModel } from "../answering/confidence.js";
import { ConversationMemory } from "../conversation/conversation-memory.js";
import { type App, type AppDependencies, createApp } from "../http/app.js";
import type { IndexStore } from "../store/index-store.js";

const CONTACT_LINES = { zh: "請洽櫃檯。", en: "Ask the desk." };

/** A ready app over `store` with extractive answers (threshold 0.3), for the editors' tests. */
export function editorialApp(
  store: IndexStore,
  editorial: AppDependencies["editorial"],
  allowedOrigins: string[] = [],
): App {
  return createApp({
    store,
    readiness: { ready: true, reason: "" },
    answering: { abstainThreshold: 0.3, faqMatchThreshold: 0.7, confidenceModel: defaultConfidenceModel },
    conversations: new ConversationMemory(),
    allowedOrigins,
    editorial,
    personaFor: () => ({ assistantName: "Lakeside", tone: "formal", guidance: [], contactLines: CONTACT_LINES }),
  });
}
