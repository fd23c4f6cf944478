import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultParseLimits } from "../config.js";
import { createOpenAiChatModel } from "../models/openai/index.js";
import { type Editorial, openEditorial } from "../open-editorial.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../test-support/fake-openai-server.js";
import { type FakeStudentSystem, startFakeStudentSystem } from "../test-support/fake-student-system.js";
import { sampleRecordLookUps } from "../test-support/record-look-ups.js";
import type { LookUpOutcome, RecordLookUps } from "./look-up-records.js";

// The real LangChain/OpenAI adapter against the project's local OpenAI-compatible server.
let model: FakeOpenAiServer;
let system: FakeStudentSystem;
let lookUps: RecordLookUps;
let editorial: Editorial;
const student = { id: "s1141234" };

beforeAll(async () => {
  model = await startFakeOpenAiServer();
  system = await startFakeStudentSystem();
});
afterAll(async () => {
  await model.close();
  await system.close();
});
beforeEach(async () => {
  system.requests.length = 0;
  model.chatRequests.length = 0;
  editorial = await openEditorial({ file: ":memory:" }, new SqliteIndexStore(":memory:"), {
    parseLimits: defaultParseLimits,
  });
  lookUps = sampleRecordLookUps(system, editorial, {
    model: createOpenAiChatModel(
      { baseUrl: model.baseUrl, chatModel: "test-model", embeddingModel: "test-embedder", answerTimeoutMs: 5000 },
      { retry: { attempts: 1, firstDelayMs: 0 } },
    ),
  });
});
afterEach(() => editorial?.close());

const textOf = (outcome: LookUpOutcome | undefined) => (outcome?.kind === "record" ? outcome.text : undefined);

describe("look-ups with a chat model", () => {
  it("let the model choose the action by tool calling, and word the record as the question asked", async () => {
    model.scriptChat(
      { kind: "tool_call", name: "library_loans", arguments: {} },
      { kind: "reply", text: "你借的《資料結構》2026-12-10 到期，還可以續借 2 次。" },
    );
    const outcome = await lookUps.lookUp({
      question: "我那本資料結構哪天要還",
      language: "zh",
      student,
      inConversation: true,
    });
    expect(outcome).toMatchObject({ kind: "record", action: { id: "library-loans" } });
    expect(textOf(outcome)).toBe("你借的《資料結構》2026-12-10 到期，還可以續借 2 次。");
    expect(model.chatRequests[0]?.tools).toEqual(
      expect.arrayContaining(["library_loans", "renew_loan", "registered_courses", "tuition_status"]),
    );
    // The record the model words is the signed-in student's: the model is never asked who they are.
    expect(system.requests.map((request) => request.path)).toEqual(["/students/s1141234/loans"]);
    expect(JSON.stringify(model.chatRequests[0]?.messages)).not.toContain("s1141234");
  });

  it("drop a sentence stating a number the record does not hold, and keep the template when nothing is left", async () => {
    model.scriptChat(
      { kind: "tool_call", name: "tuition_status", arguments: {} },
      { kind: "reply", text: "You owe NT$ 31,000. It is due by 2026-09-04." },
    );
    expect(
      textOf(
        await lookUps.lookUp({ question: "how much do i still owe", language: "en", student, inConversation: true }),
      ),
    ).toBe("It is due by 2026-09-04.");
    model.scriptChat(
      { kind: "tool_call", name: "tuition_status", arguments: {} },
      { kind: "reply", text: "You owe NT$ 31,000." },
    );
    expect(
      textOf(
        await lookUps.lookUp({ question: "how much do i still owe", language: "en", student, inConversation: true }),
      ),
    ).toBe("Your tuition for term 115-1: not paid yet; amount due NT$ 30,330, by 2026-09-04.");
  });

  it("take from the model only arguments the action's pattern finds, and ask for the rest", async () => {
    model.scriptChat({ kind: "tool_call", name: "renew_loan", arguments: { barcode: "L0012345" } });
    expect(
      await lookUps.lookUp({ question: "幫我續借資料結構那本", language: "zh", student, inConversation: true }),
    ).toMatchObject({
      kind: "confirm",
      text: "要續借條碼 L0012345 的書嗎？請回覆「確定」或「取消」。",
    });
    model.scriptChat({ kind: "tool_call", name: "renew_loan", arguments: { barcode: "../../admin" } });
    expect(
      await lookUps.lookUp({ question: "幫我續借我的書", language: "zh", student, inConversation: true }),
    ).toMatchObject({
      kind: "ask",
    });
    expect(system.requests).toEqual([]);
  });

  it("go to the documents when the model calls no tool, and to the examples when it fails", async () => {
    model.scriptChat({ kind: "reply", text: "NONE" });
    expect(
      await lookUps.lookUp({ question: "我借的書什麼時候到期？", language: "zh", student, inConversation: true }),
    ).toBeUndefined();
    model.scriptChat({ kind: "fail", status: 500 });
    const outcome = await lookUps.lookUp({
      question: "我借的書什麼時候到期？",
      language: "zh",
      student,
      inConversation: true,
    });
    expect(textOf(outcome)).toMatch(/^你目前借了 2 本書：/);
  });

  it("ask the model nothing for a question that is not about the asker", async () => {
    expect(
      await lookUps.lookUp({ question: "借書可以借多久？", language: "zh", student, inConversation: true }),
    ).toBeUndefined();
    expect(model.chatRequests).toEqual([]);
  });
});
