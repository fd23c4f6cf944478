import { createAnswerService } from "../ask/answer-service.js";
import { defaultConfidenceModel } from "../config/confidence-model.js";
import { ConversationMemory } from "../conversation/conversation-memory.js";
import { type App, createApp } from "../http/app.js";
import type { AppDependencies } from "../http/app-dependencies.js";
import type { IndexStore } from "../store/index-store.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { combinedVocabularyOf, Vocabulary } from "../text/vocabulary.js";
import { editorialFor } from "./editorial-for.js";
import { testPersona } from "./test-persona.js";

const CONTACT_LINES = { zh: "請洽櫃檯。", en: "Ask the desk." };

/**
 * A ready app over `store` with extractive answers (threshold 0.3), for the editors' tests; `overrides`
 * replace its parts. Answers use the editors' vocabulary, and `overrides.vocabularyFile`'s when given, as the service does.
 */
export function editorialApp(
  store: IndexStore,
  editorial: AppDependencies["editorial"],
  allowedOrigins: string[] = [],
  overrides: Partial<AppDependencies> = {},
): App {
  const answers = createAnswerService({
    store,
    answering: {
      abstainThreshold: 0.3,
      faqMatchThreshold: 0.7,
      confidenceModel: defaultConfidenceModel,
      vocabulary: combinedVocabularyOf([
        overrides.vocabularyFile?.current ?? (() => Vocabulary.empty),
        () => editorial.vocabulary.current(),
      ]),
    },
    conversations: new ConversationMemory(),
    answerLog: editorial.interactions,
    personaFor: () => testPersona(CONTACT_LINES),
  });
  return createApp({ store, readiness: { ready: true, reason: "" }, answers, allowedOrigins, editorial, ...overrides });
}

/** A fresh in-memory index and editorial database (`options` as editorialFor's), an app over them, and an editor's key. */
export async function inMemoryEditorialApp(options: Parameters<typeof editorialFor>[1] = {}) {
  const store = new SqliteIndexStore(":memory:");
  const editorial = await editorialFor(store, options);
  const editorKey = (await editorial.keys.create({ name: "housing office", role: "editor", createdBy: "test" })).key;
  return { store, editorial, editorKey, app: editorialApp(store, editorial) };
}

/** Signs in to the editors' page with `key`, `headers` added: the response and its session cookie ("" if none). */
export async function signInToEditorPage(app: App, key: string, headers: Record<string, string> = {}) {
  const response = await app.request("/editor/login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ key }),
  });
  return { response, cookie: response.headers.get("set-cookie")?.split(";")[0] ?? "" };
}
