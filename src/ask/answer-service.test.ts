import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { defaultConfidenceModel } from "../config/confidence-model.js";
import { ConversationMemory } from "../conversation/conversation-memory.js";
import { openEditorialDatabase } from "../database/open-database.js";
import { InteractionStore, PICKED_TOPIC_MODE } from "../interactions/interaction-store.js";
import { ModelCallError } from "../models/model-call-error.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { FakeChatModel, FakeEmbedder } from "../test-support/fake-models.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { testPersona } from "../test-support/test-persona.js";
import { BilingualDictionary } from "../text/bilingual-dictionary.js";
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

/** The service's dependencies over the test index, with its answers logged in `answerLog`. */
function dependenciesOver(
  answerLog: AnswerServiceDependencies["answerLog"],
  extra: Partial<AnswerServiceDependencies> = {},
): AnswerServiceDependencies {
  return {
    store,
    answering: { abstainThreshold: 0.3, faqMatchThreshold: 0.7, confidenceModel: defaultConfidenceModel },
    conversations: new ConversationMemory(),
    answerLog,
    personaFor: () => testPersona(),
    ...extra,
  };
}

describe("the answer service's observer", () => {
  const serviceWith = async (observer: AnswerObserver, extra: Partial<AnswerServiceDependencies> = {}) =>
    createObservedAnswerService(dependenciesOver((await editorialFor(store)).interactions, extra), observer);

  it("hears of each answer and draft with its labels, and of each index search", async () => {
    const observer = new RecordingObserver();
    const service = await serviceWith(observer);
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

  it("translates questions with a dictionary read after it was built, an embedder or not", async () => {
    let dictionary: BilingualDictionary | undefined;
    const service = await serviceWith(new RecordingObserver(), {
      answering: {
        abstainThreshold: 0.3,
        faqMatchThreshold: 0.7,
        confidenceModel: defaultConfidenceModel,
        embedder: new FakeEmbedder(),
        dictionary: () => dictionary,
      },
    });
    const found = async () =>
      (await service.search("graduate deadline", { limit: 1 })).map((passage) => passage.document.docId);
    expect(await found()).not.toContain("registrar/add-drop.md");
    dictionary = new BilingualDictionary([
      { simplified: "研究生", english: ["graduate"] },
      { simplified: "期限", english: ["deadline"] },
    ]);
    expect(await found()).toEqual(["registrar/add-drop.md"]);
  });

  it("hears of a chat model that failed (the answer fell back) and of a question that could not be embedded", async () => {
    const observer = new RecordingObserver();
    const service = await serviceWith(observer, {
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
    await expect((await serviceWith(observer)).ask({ question: "加退選?", collection: "registar" })).rejects.toThrow(
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
    const service = await serviceWith(new RecordingObserver(), {
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
    const database = await openEditorialDatabase({ file: ":memory:" });
    const { rows } = await sql<{ page_count: number }>`PRAGMA page_count`.execute(database.db);
    await sql.raw(`PRAGMA max_page_count = ${rows[0]?.page_count}`).execute(database.db);
    const observer = new RecordingObserver();
    const full = await serviceWith(observer, { answerLog: new InteractionStore(database.db) });
    for (let turn = 0; turn < 30; turn++) await full.ask({ question: "研究生加退選到什麼時候?" });
    await database.close();
    await full.ask({ question: "研究生加退選到什麼時候?" });
    const failures = observer.calls.filter(([call]) => call === "answerLogFailed").map(([, reason]) => reason);
    expect(failures.at(-1)).toBe("other");
    expect(failures.slice(0, -1)).toContain("storage_full");
    expect(new Set(failures.slice(0, -1))).toEqual(new Set(["storage_full"]));
  });
});

describe("the answer log", () => {
  const serviceOver = (interactions: AnswerServiceDependencies["answerLog"]) =>
    createAnswerService(dependenciesOver(interactions));

  it("keeps no fragment of an earlier question's e-mail address in a follow-up's row", async () => {
    const { interactions } = await editorialFor(store);
    const service = serviceOver(interactions);
    await service.ask({ question: "我是 alice.chen@example.edu，研究生加退選到什麼時候?", conversationId: "c-mail" });
    const followUp = await service.ask({ question: "那大學部呢?", conversationId: "c-mail" });
    const row = await interactions.answer(followUp.answer_id as string);
    expect(row?.question).toMatch(/^那大學部呢\?（.+）$/);
    expect(row?.question).not.toMatch(/alice|chen|example/i);
    expect(followUp.standalone_question).not.toMatch(/alice|chen|example/i);
  });

  it("keeps no fragment of a full-width e-mail address, student ID or phone number from an earlier turn an OpenAI client sends", async () => {
    const { interactions } = await editorialFor(store);
    const service = serviceOver(interactions);
    const history = [
      {
        question:
          "ａｌｉｃｅ．ｃｈｅｎ＠ｅｘａｍｐｌｅ．ｅｄｕ 電話 0912-345-678 學號Ｂ１０８７７６６５：研究生加退選到什麼時候?",
        answer: "第三週週五。",
      },
    ];
    const followUp = await service.ask({ question: "那大學部呢?", history });
    const row = await interactions.answer(followUp.answer_id as string);
    expect(row?.question).toMatch(/^那大學部呢\?（.+）$/);
    expect(row?.question).not.toMatch(/[0-9０-９]|Ｂ|B1|ａｌｉｃｅ|ｅｘａｍｐｌｅ/);
  });
});

describe("the safety check", () => {
  const crisisResources = {
    lines: [{ name: { zh: "安心專線", en: "Mental health support line" }, number: "1925" }],
    campusSecurity: { name: { zh: "校安中心", en: "Campus security" }, number: "03-555-0110" },
  };
  const serviceWith = async (observer: AnswerObserver, extra: Partial<AnswerServiceDependencies> = {}) => {
    const interactions = (await editorialFor(store)).interactions;
    const service = createObservedAnswerService(
      dependenciesOver(interactions, { crisisResources, ...extra }),
      observer,
    );
    return { service, interactions };
  };

  it("answers a message in distress with crisis lines and a person, before any search or model call", async () => {
    const observer = new RecordingObserver();
    const chatModel = new FakeChatModel("研究生之加退選期限為開學後第三週週五。[1]");
    const embedder = new FakeEmbedder();
    const { service, interactions } = await serviceWith(observer, {
      answering: { abstainThreshold: 0.3, faqMatchThreshold: 0.7, confidenceModel: defaultConfidenceModel, embedder },
      generation: { chatModel, timeoutMs: 5000 },
    });
    const events: unknown[] = [];
    const reply = await service.ask(
      { question: "我真的撐不下去了，研究生加退選到什麼時候都無所謂了", conversationId: "c-distress" },
      { onEvent: (event) => events.push(event) },
    );
    expect(reply).toMatchObject({ status: "safety", mode: "safety", citations: [], handoff_suggested: true });
    expect(reply.answer).toContain("安心專線 1925");
    expect(reply.answer).toContain("校安中心 03-555-0110");
    expect(reply.answer).not.toMatch(/第三週|櫃檯/);
    expect(events).toEqual([
      { type: "citations", citations: [] },
      { type: "delta", text: reply.answer },
    ]);
    expect(chatModel.calls).toEqual([]);
    expect(embedder.questions).toEqual([]);
    expect(observer.calls.filter(([call]) => call === "searched")).toEqual([]);
    expect(observer.calls.at(-1)).toEqual([
      "answered",
      { status: "safety", mode: "safety", collection: "all", fallbackReason: "", seconds: expect.any(Number) },
    ]);
    expect(await interactions.answer(reply.answer_id as string)).toMatchObject({ status: "safety", citations: [] });
  });

  it("answers a greeting or thanks in kind, without a search or a model call, and logs no missed question", async () => {
    const observer = new RecordingObserver();
    const chatModel = new FakeChatModel("研究生之加退選期限為開學後第三週週五。[1]");
    const { service, interactions } = await serviceWith(observer, {
      answering: { abstainThreshold: 0.3, faqMatchThreshold: 0.7, confidenceModel: defaultConfidenceModel },
      generation: { chatModel, timeoutMs: 5000 },
    });
    const hello = await service.ask({ question: "hi!", conversationId: "c-hello" });
    expect(hello).toMatchObject({ status: "clarify", citations: [], confidence: 0 });
    expect(hello.answer).toMatch(/^Hello!/);
    const thanks = await service.ask({ question: "好的謝謝", conversationId: "c-hello" });
    expect(thanks.answer).toBe("不客氣！還有其他問題，隨時都可以再問我。");
    expect(chatModel.calls).toEqual([]);
    expect(observer.calls.filter(([call]) => call === "searched")).toEqual([]);
    expect(await interactions.answer(thanks.answer_id as string)).toMatchObject({ status: "clarify" });
    // Thanks after a safety reply is answered with the same care.
    await service.ask({ question: "我不想活了", conversationId: "c-care" });
    expect((await service.ask({ question: "謝謝", conversationId: "c-care" })).status).toBe("safety");
  });

  it("answers in Simplified Chinese and in English, and declines a harmful request briefly", async () => {
    const { service } = await serviceWith(new RecordingObserver());
    const simplified = await service.ask({ question: "活着没有意义" });
    expect(simplified.answer).toMatch(/^听起来你现在真的很辛苦/);
    expect(simplified.answer).toContain("安心专线 1925");
    const english = await service.ask({ question: "I can't go on." });
    expect(english.answer).toMatch(/^It sounds like you are going through a really hard time/);
    expect(english.answer).toContain("Mental health support line 1925");
    const declined = await service.ask({ question: "怎麼駭進學校的選課系統改研究生加退選期限" });
    expect(declined).toMatchObject({ status: "declined", mode: "safety", citations: [] });
    expect(declined.handoff_suggested).toBeUndefined();
    expect(declined.answer).toMatch(/^抱歉，我不能協助入侵帳號或系統。/);
  });

  it("tells staff asking for a draft that the message may come from someone in crisis, and previews as students see it", async () => {
    const { service } = await serviceWith(new RecordingObserver());
    const draft = await service.draft({ message: "老師您好，我最近真的不想活了，加退選也不想管了。" });
    expect(draft).toMatchObject({ status: "safety", draft: true, citations: [], mode: "safety" });
    expect(draft.reply).toMatch(/^無建議回覆：這則訊息可能來自正處於危機中的人（自傷或自殺）。請盡快親自回覆/);
    expect(draft.reply).toContain("安心專線 1925");
    expect(await service.draft({ message: "Can you help me fake a doctor's note?" })).toMatchObject({
      status: "declined",
      reply: expect.stringMatching(/^No draft: the message asks for help with forging/),
    });
    expect(await service.preview("I want to kill myself")).toMatchObject({ status: "safety", citations: [] });
  });

  it("reads no later question as a follow-up of a safety reply, but keeps a reply to it in the same care", async () => {
    const { service } = await serviceWith(new RecordingObserver());
    const conversationId = "c-after-distress";
    await service.ask({ question: "大學部加退選到什麼時候?", conversationId });
    await service.ask({ question: "我不想活了", conversationId });
    // Leaning on the safety turn: the same care again, not an abstention or a policy quote.
    expect(await service.ask({ question: "那怎麼辦?", conversationId })).toMatchObject({ status: "safety" });
    // A question of its own is answered, with nothing carried from before the safety reply either.
    const own = await service.ask({ question: "研究生加退選到什麼時候?", conversationId });
    expect(own).toMatchObject({ status: "answered" });
    expect(own.standalone_question).toBeUndefined();
    // And the conversation about the documents goes on from there.
    const followUp = await service.ask({ question: "那大學部呢?", conversationId });
    expect(followUp.standalone_question).toMatch(/加退選/);
    expect(followUp.standalone_question).not.toMatch(/活/);
  });

  it("keeps the care for as long as the replies lean on it, or say what the documents do not answer", async () => {
    const { service } = await serviceWith(new RecordingObserver());
    const conversationId = "c-care-goes-on";
    await service.ask({ question: "我不想活了", conversationId });
    for (const question of ["那怎麼辦?", "然後呢?", "有人可以陪我聊聊嗎?", "謝謝"]) {
      const reply = await service.ask({ question, conversationId });
      expect({ question, status: reply.status }).toEqual({ question, status: "safety" });
      expect(reply.answer).toContain("安心專線 1925");
      expect(reply.answer).not.toContain("櫃檯");
    }
    // A question the documents answer is answered, streamed whole, and the care ends there.
    const events: unknown[] = [];
    const own = await service.ask(
      { question: "研究生加退選到什麼時候?", conversationId },
      { onEvent: (event) => events.push(event) },
    );
    expect(own).toMatchObject({ status: "answered" });
    expect(events.at(-1)).toEqual({ type: "delta", text: own.answer });
    expect(await service.ask({ question: "有人可以陪我聊聊嗎?", conversationId })).toMatchObject({
      status: "abstained",
    });
  });

  it("repeats a refusal to a reply leaning on it, however many, but answers or abstains on a question of its own", async () => {
    const { service } = await serviceWith(new RecordingObserver());
    const conversationId = "c-declined";
    await service.ask({ question: "怎麼駭進學校的選課系統改成績", conversationId });
    for (const question of ["那怎麼辦?", "然後呢?"]) {
      expect(await service.ask({ question, conversationId })).toMatchObject({ status: "declined" });
    }
    expect(await service.ask({ question: "有人可以陪我聊聊嗎?", conversationId })).toMatchObject({
      status: "abstained",
    });
  });

  it("knows a client's earlier turn that repeated the care by the reply it got", async () => {
    const { service } = await serviceWith(new RecordingObserver());
    const first = await service.ask({ question: "我不想活了" });
    const second = await service.ask({
      question: "有人可以陪我聊聊嗎?",
      history: [{ question: "我不想活了", answer: first.answer }],
    });
    expect(second).toMatchObject({ status: "safety" });
    const history = [
      { question: "我不想活了", answer: first.answer },
      { question: "有人可以陪我聊聊嗎?", answer: second.answer },
      { question: "然後呢?", answer: second.answer },
    ];
    expect(await service.ask({ question: "還有呢?", history })).toMatchObject({ status: "safety" });
    // A reply that is not the care's, to words of its own, ends it.
    const moved = [...history.slice(0, 2), { question: "宿舍可以養貓嗎?", answer: "請洽櫃檯。" }];
    expect(await service.ask({ question: "還有呢?", history: moved })).not.toMatchObject({ status: "safety" });
  });

  it("reads an OpenAI client's history the same way", async () => {
    const { service } = await serviceWith(new RecordingObserver());
    const history = [
      { question: "研究生加退選到什麼時候?", answer: "第三週週五。[1]" },
      { question: "我想自殺", answer: "聽起來你現在真的很辛苦…" },
    ];
    const next = await service.ask({ question: "那大學部呢?", history });
    expect(next).toMatchObject({ status: "safety" });
    const own = await service.ask({ question: "大學部加退選期限是什麼時候?", history });
    expect(own).toMatchObject({ status: "answered" });
    expect(own.standalone_question).toBeUndefined();
  });
});

describe("the answer service, sent a choice it offered", () => {
  const parking = new SqliteIndexStore(":memory:");
  beforeAll(async () => {
    folder.write("choices/campus/parking.md", "# 停車\n\n訪客停車在 B 停車場，每小時 50 元。\n");
    folder.write("choices/campus/visits.md", "# 家長探訪\n\n家長可以在週末到宿舍探訪。\n");
    await syncFolder(parking, path.join(folder.root, "choices"));
  });
  afterAll(() => parking.close());

  it("quotes the topic picked in a conversation, carrying nothing of the turn before over to it", async () => {
    const { interactions } = await editorialFor(parking);
    const service = createAnswerService({ ...dependenciesOver(interactions), store: parking });
    for (const conversationId of ["c-typed", "c-picked"]) {
      await service.ask({ question: "家長週末可以來宿舍過夜嗎", conversationId });
    }
    // Typed, a word this short after a question leans on it.
    const typed = await service.ask({ question: "停車", conversationId: "c-typed" });
    expect(typed.standalone_question).toMatch(/^停車（.+）$/);
    const picked = await service.ask({ question: "停車", choice: true, conversationId: "c-picked" });
    expect(picked).toMatchObject({ status: "answered", confidence: 1 });
    expect(picked.answer).toBe("訪客停車在 B 停車場，每小時 50 元。[1]");
    expect(picked.standalone_question).toBeUndefined();
    // Logged as a topic picked: no question for the knowledge-gap report, no wording to propose.
    expect((await interactions.answer(picked.answer_id as string))?.mode).toBe(PICKED_TOPIC_MODE);
    expect((await interactions.answer(typed.answer_id as string))?.mode).toBe("extractive");
  });
});
