import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { looksLikeFollowUp } from "../answering/follow-up.js";
import { createOpenAiChatModel } from "../models/openai/index.js";
import { sampleDocument } from "../store/index-store.case.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { FakeChatModel } from "../test-support/fake-models.js";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../test-support/fake-openai-server.js";
import { defaultPersonalDataPatterns, PersonalDataMask } from "../text/mask-personal-data.js";
import { rewriteFollowUp } from "./rewrite-follow-up.js";

const previous = (question: string) => [{ question, standaloneQuestion: question, answer: "…" }];

describe("rewriteFollowUp", () => {
  let store: SqliteIndexStore;
  let model: FakeOpenAiServer;
  beforeAll(async () => {
    store = new SqliteIndexStore(":memory:");
    model = await startFakeOpenAiServer();
    // 大學部 and 研究生 are in most documents; 加退選 is the topic of one.
    await store.replaceDocument(...sampleDocument("add-drop.md", "加退選", ["大學部加退選到第二週，研究生到第三週。"]));
    await store.replaceDocument(...sampleDocument("dorm.md", "宿舍", ["大學部與研究生皆可申請宿舍。"]));
    await store.replaceDocument(...sampleDocument("fees.md", "學費", ["大學部與研究生學費不同。"]));
  });
  afterAll(async () => {
    await store.close();
    await model.close();
  });

  it("carries the previous question's key words over as context", async () => {
    const rewritten = await rewriteFollowUp("那研究生呢?", previous("大學部加退選到什麼時候?"), { store });
    expect(rewritten).toEqual({
      question: "那研究生呢?",
      context: expect.stringContaining("加退選"),
      // What the previous question asked (when), for a follow-up that asks it again.
      askedBefore: "大學部加退選到什麼時候?",
    });
    // A follow-up of a follow-up asks what the first one asked.
    const chain = [
      ...previous("大學部加退選到什麼時候?"),
      { question: "那研究生呢?", standaloneQuestion: "那研究生呢?（加退選）", answer: "…" },
    ];
    expect((await rewriteFollowUp("博士生呢?", chain, { store })).askedBefore).toBe("大學部加退選到什麼時候?");
  });

  it("leaves a question that stands on its own, and a first question, as they are", async () => {
    expect(await rewriteFollowUp("宿舍押金是多少錢?", previous("大學部加退選到什麼時候?"), { store })).toEqual({
      question: "宿舍押金是多少錢?",
    });
    expect(await rewriteFollowUp("那研究生呢?", [], { store })).toEqual({ question: "那研究生呢?" });
  });

  it("carries nothing across a turn that broke the topic, and shows the model none of the turns before it", async () => {
    const safetyTurn = {
      question: "我不想活了",
      standaloneQuestion: "我不想活了",
      answer: "…",
      concern: { kind: "crisis", topic: "self_harm" } as const,
    };
    const turns = [...previous("大學部加退選到什麼時候?"), safetyTurn];
    expect(await rewriteFollowUp("那研究生呢?", turns, { store })).toEqual({ question: "那研究生呢?" });
    const chatModel = new FakeChatModel("研究生加退選到什麼時候?");
    expect(await rewriteFollowUp("那研究生呢?", turns, { store, chatModel })).toEqual({ question: "那研究生呢?" });
    expect(chatModel.calls).toEqual([]);
    // After the break, the conversation about the documents starts again.
    const again = await rewriteFollowUp("那研究生呢?", [...turns, ...previous("大學部加退選到什麼時候?")], { store });
    expect(again.context).toContain("加退選");
  });

  it("asks the model when one is configured, and falls back to carrying words when it fails", async () => {
    const chatModel = createOpenAiChatModel(
      { baseUrl: model.baseUrl, chatModel: "m", embeddingModel: "e", answerTimeoutMs: 5000 },
      { retry: { attempts: 3, firstDelayMs: 0 } },
    );
    model.scriptChat({ kind: "reply", text: "研究生加退選到什麼時候?" });
    expect(await rewriteFollowUp("那研究生呢?", previous("大學部加退選到什麼時候?"), { store, chatModel })).toEqual({
      question: "研究生加退選到什麼時候?",
    });
    expect(model.chatRequests.at(-1)?.messages[1]?.content).toContain("Q: 大學部加退選到什麼時候?");
    const before = model.chatRequests.length;
    expect(
      await rewriteFollowUp("宿舍押金是多少錢?", previous("大學部加退選到什麼時候?"), { store, chatModel }),
    ).toEqual({ question: "宿舍押金是多少錢?" });
    expect(model.chatRequests).toHaveLength(before);
    model.scriptChat({ kind: "reply", text: "CANNOT_ANSWER" });
    expect(
      (await rewriteFollowUp("那研究生呢?", previous("大學部加退選到什麼時候?"), { store, chatModel })).context,
    ).toContain("加退選");
    model.scriptChat({ kind: "fail", status: 400 });
    expect(
      (await rewriteFollowUp("那研究生呢?", previous("大學部加退選到什麼時候?"), { store, chatModel })).context,
    ).toContain("加退選");
  });

  it("carries no word of the previous question's personal data, however it was written", async () => {
    const mask = new PersonalDataMask([
      ...defaultPersonalDataPatterns,
      { name: "member number", pattern: /M\d{8}/i, replacement: "[member]" },
    ]);
    const earlier = previous("alice.chen@example.edu 會員ｍ１２３４５６７８ 大學部加退選到什麼時候?");
    const rewritten = await rewriteFollowUp("那研究生呢?", earlier, { store, personalData: mask });
    expect(rewritten.context).toContain("加退選");
    // Neither a fragment of the address nor the placeholder's word.
    expect(rewritten.context).not.toMatch(/alice|chen|example|edu|email|member|ｍ|１/i);
  });

  it("shows the model the earlier turns masked", async () => {
    const chatModel = new FakeChatModel("研究生加退選到什麼時候?");
    const earlier = [
      {
        question: "我是 alice.chen@example.edu，大學部加退選到什麼時候?",
        standaloneQuestion: "我是 alice.chen@example.edu，大學部加退選到什麼時候?",
        answer: "Alice 同學，第二週週五前；結果會寄到 alice.chen@example.edu。",
      },
    ];
    await rewriteFollowUp("那研究生呢?", earlier, { store, chatModel });
    const prompt = chatModel.calls[0]?.messages.map((message) => message.content).join("\n");
    expect(prompt).toContain("Q: 我是 [email]，大學部加退選到什麼時候?");
    expect(prompt).toContain("A: Alice 同學，第二週週五前；結果會寄到 [email]。");
    expect(prompt).not.toContain("alice");
  });

  it("tells follow-ups from new questions", () => {
    expect(looksLikeFollowUp("and for graduate students?")).toBe(true);
    expect(looksLikeFollowUp("研究生呢")).toBe(true);
    // Read as 大概 要 等 多久, not with a 概要 ("summary") of its own.
    expect(looksLikeFollowUp("大概要等多久")).toBe(true);
    expect(looksLikeFollowUp("How much is the housing deposit for a double room?")).toBe(false);
    expect(looksLikeFollowUp("研究生?")).toBe(true);
    expect(looksLikeFollowUp("fees?")).toBe(true);
    // A pronoun stands for what was asked before.
    expect(looksLikeFollowUp("What time does it open on Sundays?")).toBe(true);
    expect(looksLikeFollowUp("各自的收費標準是什麼？")).toBe(true);
    // An "it" that stands for nothing, "IT" support, 其它 ("other"), someone's own books.
    for (const question of [
      "How long does it take to get a card?",
      "Is it possible to renew online?",
      "Does IT support open on Sundays?",
      "有其它付款方式嗎",
      "Can students renew their books online?",
    ]) {
      expect(looksLikeFollowUp(question)).toBe(false);
    }
    // Short, but standing on their own: a new topic must not borrow the last one's words.
    for (const question of ["宿舍可以養貓嗎?", "圖書館幾點開?", "加退選什麼時候截止?", "Can I keep a cat?"]) {
      expect(looksLikeFollowUp(question)).toBe(false);
    }
  });
});
