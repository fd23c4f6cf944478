import path from "node:path";
import { syncFolder } from "../../ingest/sync-folder.js";
import { createObservedAnswerService } from "../ask/answer-observer.js";
import type { AnswerService, AnswerServiceDependencies } from "../ask/answer-service.js";
import { defaultConfidenceModel } from "../config/confidence-model.js";
import type { LogLevel } from "../config.js";
import { ConversationMemory } from "../conversation/conversation-memory.js";
import { type App, createApp } from "../http/app.js";
import { createLogger, createMetrics, eventLogOf, type ServiceMetrics } from "../observability/index.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialFor } from "./editorial-for.js";
import { ADD_DROP_DEADLINES } from "./sample-documents.js";
import { makeTemporaryFolder } from "./temporary-folder.js";
import { testPersona } from "./test-persona.js";

/** A ready app over a one-document index, with its logger writing into `lines` and its own metrics. */
export interface ObservedApp {
  app: App;
  metrics: ServiceMetrics;
  /** Every log line written, parsed, in order. */
  lines: Record<string, unknown>[];
  /** Every log line as written. */
  text(): string;
  close(): Promise<void>;
}

export async function startObservedApp(
  options: {
    level?: LogLevel;
    answers?: (real: AnswerService) => AnswerService;
    /** Where answers are logged, instead of the app's own answer log (a failing one, say). */
    answerLog?: AnswerServiceDependencies["answerLog"];
  } = {},
): Promise<ObservedApp> {
  const folder = makeTemporaryFolder();
  folder.write("knowledge/registrar/add-drop.md", ADD_DROP_DEADLINES);
  const store = new SqliteIndexStore(path.join(folder.root, "index.sqlite"));
  await syncFolder(store, path.join(folder.root, "knowledge"));
  const written: string[] = [];
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: options.level ?? "info",
    destination: {
      write(line: string) {
        written.push(line);
        lines.push(JSON.parse(line));
      },
    },
  });
  const metrics = createMetrics();
  const log = eventLogOf(logger);
  const editorial = await editorialFor(store);
  const answers = createObservedAnswerService(
    {
      store,
      answering: { abstainThreshold: 0.3, faqMatchThreshold: 0.7, confidenceModel: defaultConfidenceModel },
      conversations: new ConversationMemory(),
      answerLog: options.answerLog ?? editorial.interactions,
      personaFor: () => testPersona({ zh: "請洽教務處（分機 1234）。", en: "Ask the Registrar's Office (ext. 1234)." }),
      log,
    },
    metrics,
  );
  const app = createApp({
    store,
    readiness: { ready: true, reason: "" },
    answers: options.answers ? options.answers(answers) : answers,
    editorial,
    allowedOrigins: [],
    observability: { logger, metrics },
  });
  return {
    app,
    metrics,
    lines,
    text: () => written.join(""),
    close: async () => {
      await store.close();
      folder.cleanUp();
    },
  };
}

/** POSTs `body` as JSON, with extra headers. */
export function postJson(app: App, route: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(route, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}
