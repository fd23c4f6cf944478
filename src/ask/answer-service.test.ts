import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { defaultConfidenceModel } from "../config/confidence-model.js";
import { ConversationMemory } from "../conversation/conversation-memory.js";
import { openEditorialDatabase } from "../editorial/editorial-database.js";
import { InteractionStore } from "../interactions/interaction-store.js";
import { ModelCallError } from "../models/model-call-error.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { FakeChatModel, FakeEmbedder } from "../test-support/fake-models.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { type AnswerLogFailure, type AnswerObserver, createObservedAnswerService } from "./answer-observer.js";
import { type AnswerServiceDependencies, createAnswerService } from "./answer-service.js";

/** An observer that records what it is told, in order. */
class RecordingObserver implements AnswerObserver {
  readonly calls: [string, unknown][] = [];
  answered(outcome: Parameters<AnswerObserver["answered"]>[0]): void {
    this.calls.push(["answered", { ...outcome, seconds: expect.any(Number) }]);
  }
  searched(): void {
    this.calls.push(["searched", undefined]);
  }
  modelFailed(kind: "chat" | "embedding"): void {
    this.calls.push(["modelFailed", kind]);
  }
  failed(error: unknown): void {
    this.calls.push(["failed", error]);
  }
  answerLogFailed(reason: AnswerLogFailure): void {
    this.calls.push(["answerLogFailed", reason]);
  }
}

/** One registrar document, indexed once for every test in this file. */
const folder = makeTemporaryFolder();
let store: SqliteIndexStore;

beforeAll(async () => {
  folder.write(
    "knowledge/registrar/add-drop.md",
    "# 加退選辦法\n\n## 期限\n\n研究生之加退選期限為開學後第三週週五。大學部學生之加退選期限為開學後第二週週五。",
  );
  store = new SqliteIndexStore(path.join(folder.root, "index.sqlite"));
  await syncFolder(store, path.join(folder.root, "knowledge"));
});
afterAll(async () => {
  await store.close();
  folder.cleanUp();
});

describe("the answer service's observer", () => {
  const serviceWith = (observer: AnswerObserver, extra: Partial<AnswerServiceDependencies> = {}) =>
    createObservedAnswerService(
      {
        store,
        answering: { abstainThreshold: 0.3, faqMatchThreshold: 0.7, confidenceModel: defaultConfidenceModel },
        conversations: new ConversationMemory(),
        answerLog: editorialFor(store).interactions,
        personaFor: () => ({
          assistantName: "Lakeside",
          tone: "formal",
          guidance: [],
          contactLines: { zh: "櫃檯", en: "Desk" },
        }),
        ...extra,
      },
      observer,
    );

  it("hears of each answer and draft with its labels, and of each index search", async () => {
    const observer = new RecordingObserver();
    const service = serviceWith(observer);
    await service.ask({ question: "研究生加退選到什麼時候?", collection: "registrar" });
    await service.draft({ message: "請問研究生加退選到什麼時候?" });
    const answered = observer.calls.filter(([call]) => call === "answered").map(([, outcome]) => outcome);
    expect(answered).toEqual([
      {
        status: "answered",
        mode: "extractive",
        collection: "registrar",
        fallbackReason: "",
        seconds: expect.any(Number),
      },
      { status: "drafted", mode: "extractive", collection: "all", fallbackReason: "", seconds: expect.any(Number) },
    ]);
    expect(observer.calls.filter(([call]) => call === "searched").length).toBeGreaterThanOrEqual(2);
  });

  it("hears of a chat model that failed (the answer fell back) and of a question that could not be embedded", async () => {
    const observer = new RecordingObserver();
    const service = serviceWith(observer, {
      answering: {
        abstainThreshold: 0.3,
        faqMatchThreshold: 0.7,
        confidenceModel: defaultConfidenceModel,
        embedder: new FakeEmbedder("fake-embedder", () => undefined),
      },
      generation: {
        chatModel: new FakeChatModel(new ModelCallError("the model server is down", { isRetryable: false })),
        timeoutMs: 5000,
      },
    });
    const response = await service.ask({ question: "研究生加退選到什麼時候?" });
    expect(response).toMatchObject({ status: "answered", mode: "extractive", fallback_reason: "model_error" });
    expect(observer.calls.filter(([call]) => call === "modelFailed")).toEqual([
      ["modelFailed", "embedding"],
      ["modelFailed", "chat"],
    ]);
    expect(observer.calls.at(-1)).toEqual([
      "answered",
      {
        status: "answered",
        mode: "extractive",
        collection: "all",
        fallbackReason: "model_error",
        seconds: expect.any(Number),
      },
    ]);
  });

  it("hears of a refused question, with a collection the index does not know counted as other", async () => {
    const observer = new RecordingObserver();
    await expect(serviceWith(observer).ask({ question: "加退選?", collection: "registar" })).rejects.toThrow(
      /registar/,
    );
    expect(observer.calls).toEqual([
      [
        "answered",
        { status: "invalid", mode: "", collection: "other", fallbackReason: "", seconds: expect.any(Number) },
      ],
    ]);
  });

  it("answers even when the answer log cannot be written, and logs that it could not", async () => {
    const lines: Record<string, unknown>[] = [];
    const fullDisk = {
      logAnswer(): never {
        throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
      },
    };
    const service = serviceWith(new RecordingObserver(), {
      answerLog: fullDisk,
      log: (event, fields) => lines.push({ event, ...fields }),
    });
    const response = await service.ask({ question: "研究生加退選到什麼時候?", conversationId: "c-full-disk" });
    expect(response).toMatchObject({ status: "answered", conversation_id: "c-full-disk" });
    expect(response.answer).toContain("第三週");
    expect(response).not.toHaveProperty("answer_id");
    expect(lines).toContainEqual({ event: "answer_log_failed", reason: "database or disk is full" });
  });

  it("hears of each answer the log could not keep, a full disk told from other failures", async () => {
    // A real answer log whose file may not grow: SQLite answers SQLITE_FULL, as on a full disk.
    const database = openEditorialDatabase(":memory:");
    database.pragma(`max_page_count = ${database.pragma("page_count", { simple: true })}`);
    const observer = new RecordingObserver();
    const full = serviceWith(observer, { answerLog: new InteractionStore(database) });
    for (let turn = 0; turn < 30; turn++) await full.ask({ question: "研究生加退選到什麼時候?" });
    database.close();
    await full.ask({ question: "研究生加退選到什麼時候?" });
    const failures = observer.calls.filter(([call]) => call === "answerLogFailed").map(([, reason]) => reason);
    expect(failures.at(-1)).toBe("other");
    expect(failures.slice(0, -1)).toContain("storage_full");
    expect(new Set(failures.slice(0, -1))).toEqual(new Set(["storage_full"]));
  });
});

describe("the answer log", () => {
  const serviceOver = (interactions: AnswerServiceDependencies["answerLog"]) =>
    createAnswerService({
      store,
      answering: { abstainThreshold: 0.3, faqMatchThreshold: 0.7, confidenceModel: defaultConfidenceModel },
      conversations: new ConversationMemory(),
      answerLog: interactions,
      personaFor: () => ({
        assistantName: "Lakeside",
        tone: "formal",
        guidance: [],
        contactLines: { zh: "櫃檯", en: "Desk" },
      }),
    });

  it("keeps no fragment of an earlier question's e-mail address in a follow-up's row", async () => {
    const { interactions } = editorialFor(store);
    const service = serviceOver(interactions);
    await service.ask({ question: "我是 alice.chen@example.edu，研究生加退選到什麼時候?", conversationId: "c-mail" });
    const followUp = await service.ask({ question: "那大學部呢?", conversationId: "c-mail" });
    const row = interactions.answer(followUp.answer_id as string);
    expect(row?.question).toMatch(/^那大學部呢\?（.+）$/);
    expect(row?.question).not.toMatch(/alice|chen|example/i);
    expect(followUp.standalone_question).not.toMatch(/alice|chen|example/i);
  });

  it("keeps no fragment of a full-width e-mail address, student ID or phone number from an earlier turn an OpenAI client sends", async () => {
    const { interactions } = editorialFor(store);
    const service = serviceOver(interactions);
    const history = [
      {
        question:
          "ａｌｉｃｅ．ｃｈｅｎ＠ｅｘａｍｐｌｅ．ｅｄｕ 電話 0912-345-678 學號Ｂ１０８７７６６５：研究生加退選到什麼時候?",
        answer: "第三週週五。",
      },
    ];
    const followUp = await service.ask({ question: "那大學部呢?", history });
    const row = interactions.answer(followUp.answer_id as string);
    expect(row?.question).toMatch(/^那大學部呢\?（.+）$/);
    expect(row?.question).not.toMatch(/[0-9０-９]|Ｂ|B1|ａｌｉｃｅ|ｅｘａｍｐｌｅ/);
  });
});
