import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { createAnswerService } from "../ask/answer-service.js";
import { defaultConfidenceModel } from "../config/confidence-model.js";
import type { Persona } from "../config.js";
import { ConversationMemory } from "../conversation/conversation-memory.js";
import { CachedEmbedder } from "../embedding/cached-embedder.js";
import { EmbeddingCache } from "../embedding/embedding-cache.js";
import { createApp } from "../http/app.js";
import { createOpenAiChatModel, createOpenAiEmbedder } from "../models/openai/index.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { serveApp } from "../test-support/browser.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../test-support/fake-openai-server.js";
import { ADD_DROP_DEADLINES } from "../test-support/sample-documents.js";
import { parseServerSentEvents } from "../test-support/server-sent-events.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { type GenerationRun, generateAnswer } from "./generate-answer.js";

const GRADUATE_DEADLINE = "研究生的加退選期限是開學後第三週週五。";

const persona = (collection: string | undefined): Persona => ({
  assistantName: collection === "housing" ? "宿舍小幫手" : "Lakeside 小幫手",
  tone: "friendly",
  guidance: ["Never promise exceptions to a rule."],
  contactLines: { zh: "請洽教務處（分機 1234）。", en: "Please ask the Registrar's Office (ext. 1234)." },
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the assertions
type Body = any;

describe("generated answers through an OpenAI-compatible server", () => {
  const folder = makeTemporaryFolder();
  let model: FakeOpenAiServer;
  let store: SqliteIndexStore;
  let apiUrl: string;
  let closeApi: () => void;
  let generation: GenerationRun;
  let cache: EmbeddingCache;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    folder.write("knowledge/registrar/add-drop.md", ADD_DROP_DEADLINES);
    folder.write("knowledge/housing/visitors.md", "# 宿舍訪客\n\n宿舍訪客須於晚上十點前離開。");
    folder.write(
      "knowledge/registrar/change-of-major.md",
      "---\ntitle: Change of major\nlang: en\n---\n# Change of major\n\nUndergraduates may apply to change their major after completing their first year of study. Applications are accepted from March 1 to March 15 each year.\n",
    );
    folder.write(
      "knowledge/housing/faq.csv",
      "question,answer\n宿舍押金是多少錢?,宿舍押金為新臺幣3000元，退宿時無息退還。\n",
    );
    model = await startFakeOpenAiServer();
    store = new SqliteIndexStore(path.join(folder.root, "index.sqlite"));
    cache = new EmbeddingCache(":memory:");
    const modelConfig = {
      baseUrl: model.baseUrl,
      chatModel: "local-model",
      embeddingModel: "local-embedder",
      answerTimeoutMs: 10_000,
    };
    // Retries without waiting: what is tried again matters here, not how long the waits are.
    const modelOptions = { retry: { attempts: 3, firstDelayMs: 0 } };
    const embedder = new CachedEmbedder(createOpenAiEmbedder(modelConfig, modelOptions), cache);
    await syncFolder(store, path.join(folder.root, "knowledge"), undefined, { embedder });
    const answering = {
      abstainThreshold: 0.5,
      faqMatchThreshold: 0.7,
      confidenceModel: defaultConfidenceModel,
      contactLines: persona(undefined).contactLines,
      embedder,
    };
    const generationSettings = {
      chatModel: createOpenAiChatModel(modelConfig, modelOptions),
      timeoutMs: 10_000,
    };
    generation = { ...answering, ...generationSettings, persona: persona(undefined) };
    const editorial = await editorialFor(store);
    const log = (event: string, fields: Record<string, unknown>) => logLines.push({ event, ...fields });
    const answers = createAnswerService({
      store,
      answering,
      personaFor: persona,
      generation: generationSettings,
      conversations: new ConversationMemory(),
      answerLog: editorial.interactions,
      log,
    });
    const app = createApp({
      store,
      readiness: { ready: true, reason: "" },
      answers,
      editorial,
      allowedOrigins: [],
    });
    ({ url: apiUrl, close: closeApi } = await serveApp(app, "127.0.0.1"));
  });
  beforeEach(() => {
    model.chatRequests.length = 0;
  });
  afterAll(async () => {
    closeApi();
    await model.close();
    await store.close();
    cache.close();
    folder.cleanUp();
  });

  const ask = async (body: object): Promise<Body> =>
    (
      await fetch(`${apiUrl}/v1/answer`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      })
    ).json();

  it("answers from the numbered passages, with checked citations and the persona in the prompt", async () => {
    model.scriptChat({ kind: "reply", text: `${GRADUATE_DEADLINE}[1]` });
    const body = await ask({ question: "研究生加退選到什麼時候?" });
    expect(body).toMatchObject({
      status: "answered",
      mode: "generative",
      answer: `${GRADUATE_DEADLINE}[1]`,
      grounding: { checked: true, kept_sentences: 1, dropped_sentences: 0 },
      usage: { input_tokens: 100 },
    });
    expect(body.citations).toEqual([
      expect.objectContaining({
        n: 1,
        doc_id: "registrar/add-drop.md",
        quote: "研究生之加退選期限為開學後第三週週五。",
      }),
    ]);
    const [request] = model.chatRequests;
    expect(request?.model).toBe("local-model");
    const [system, user] = request?.messages ?? [];
    expect(system?.content).toContain("Lakeside 小幫手");
    expect(system?.content).toContain("Never promise exceptions to a rule.");
    expect(system?.content).toContain("Traditional Chinese");
    expect(user?.content).toContain('<passage n="1" source="加退選辦法 > 加退選辦法 > 期限">');
    expect(user?.content).toContain("研究生之加退選期限為開學後第三週週五。");
    expect(user?.content).toContain("Question: 研究生加退選到什麼時候?");
    expect(logLines.at(-1)).toMatchObject({
      event: "answer",
      mode: "generative",
      input_tokens: 100,
      output_tokens: body.usage.output_tokens,
    });
  });

  it("retrieves by meaning as well as by words: the question is embedded", async () => {
    model.scriptChat({ kind: "reply", text: `${GRADUATE_DEADLINE}[1]` });
    await ask({ question: "研究生加退選到什麼時候?" });
    expect(model.embeddingInputs.flat()).toContain("研究生加退選到什麼時候?");
    expect(await store.embeddingSpace()).toEqual({ model: "local-embedder", dimensions: 16 });
  });

  it("drops a sentence its passage does not support and says so", async () => {
    model.scriptChat({ kind: "reply", text: `${GRADUATE_DEADLINE}[1] 圖書館週日開放到晚上十點。[1]` });
    const body = await ask({ question: "研究生加退選到什麼時候?" });
    expect(body).toMatchObject({
      status: "answered",
      mode: "generative",
      grounding: { kept_sentences: 1, dropped_sentences: 1 },
    });
    expect(body.answer).not.toContain("圖書館");
  });

  it("sends the extractive answer when nothing generated is supported", async () => {
    model.scriptChat({ kind: "reply", text: "圖書館週日開放到晚上十點。[1]" });
    const body = await ask({ question: "研究生的加退選期限是什麼時候?" });
    expect(body).toMatchObject({ status: "answered", mode: "extractive", fallback_reason: "ungrounded" });
    expect(body.answer).toContain("第三週週五");
  });

  it("abstains without asking the model when the documents are not found to cover the question", async () => {
    const body = await ask({ question: "宿舍可以養貓嗎?" });
    expect(body).toMatchObject({ status: "abstained", citations: [] });
    expect(body.answer).toContain("請洽教務處（分機 1234）。");
    expect(model.chatRequests).toHaveLength(0);
  });

  it("sends the extractive answer when the model declines a question the documents cover", async () => {
    model.scriptChat({ kind: "reply", text: "CANNOT_ANSWER." });
    const body = await ask({ question: "研究生的加退選期限是什麼時候?" });
    expect(body).toMatchObject({ status: "answered", mode: "extractive", fallback_reason: "model_declined" });
    expect(model.chatRequests).toHaveLength(1);
  });

  it.each([
    ["a rate limit", { kind: "fail", status: 429 } as const, "rate_limited"],
    ["a rejected request", { kind: "fail", status: 400 } as const, "model_error"],
    ["a server that keeps failing", { kind: "fail", status: 500 } as const, "model_error"],
  ])("falls back to the extractive answer on %s", async (_, behaviour, reason) => {
    model.scriptChat(behaviour);
    const body = await ask({ question: "研究生的加退選期限是什麼時候?" });
    expect(body).toMatchObject({ status: "answered", mode: "extractive", fallback_reason: reason });
    expect(body.citations[0].doc_id).toBe("registrar/add-drop.md");
  });

  it("falls back to the extractive answer when the model is slower than the timeout", async () => {
    model.scriptChat({ kind: "hang" });
    const body = await generateAnswer(
      store,
      { question: "研究生的加退選期限是什麼時候?" },
      { ...generation, timeoutMs: 200 },
    );
    expect(body).toMatchObject({ status: "answered", mode: "extractive", fallback_reason: "timeout" });
  });

  it("keeps to the request's deadline, spent partly on a follow-up's rewrite", async () => {
    model.scriptChat({ kind: "reply", text: `${GRADUATE_DEADLINE}[1]` });
    const body = await generateAnswer(store, { question: "研究生的加退選期限是什麼時候?" }, generation, {
      deadline: AbortSignal.abort(),
    });
    expect(body).toMatchObject({ status: "answered", mode: "extractive", fallback_reason: "timeout" });
  });

  it("retries a server error, then answers", async () => {
    model.scriptChat({ kind: "fail", status: 503 }, { kind: "reply", text: `${GRADUATE_DEADLINE}[1]` });
    const body = await ask({ question: "研究生加退選到什麼時候?" });
    expect(body).toMatchObject({ status: "answered", mode: "generative" });
    expect(model.chatRequests).toHaveLength(2);
  });

  it("uses the persona of the collection asked about", async () => {
    model.scriptChat({ kind: "reply", text: "CANNOT_ANSWER" });
    await ask({ question: "宿舍訪客晚上幾點前要離開?", collection: "housing" });
    expect(model.chatRequests[0]?.messages[0]?.content).toContain("宿舍小幫手");
  });

  it("answers an English question in English, sentences spaced apart", async () => {
    model.scriptChat({
      kind: "reply",
      text: "Undergraduates can apply after their first year. [1] Applications run from March 1 to March 15. [1]",
    });
    const body = await ask({ question: "When can I change my major?" });
    expect(model.chatRequests[0]?.messages[0]?.content).toContain("Write in English");
    expect(body).toMatchObject({
      mode: "generative",
      answer: "Undergraduates can apply after their first year.[1] Applications run from March 1 to March 15.[1]",
    });
    expect(body.citations[0].doc_id).toBe("registrar/change-of-major.md");
  });

  it("drafts a reply for staff with the same checks", async () => {
    model.scriptChat({ kind: "reply", text: `您好，${GRADUATE_DEADLINE}[1] 我們一定為您延長期限。[1]` });
    const response = await fetch(`${apiUrl}/v1/drafts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "老師好，我是研究生，請問加退選到什麼時候？" }),
    });
    const body: Body = await response.json();
    expect(body).toMatchObject({
      status: "drafted",
      draft: true,
      mode: "generative",
      grounding: { checked: true, dropped_sentences: 1 },
    });
    expect(body.reply).toContain(GRADUATE_DEADLINE);
    expect(body.reply).not.toContain("延長");
    expect(model.chatRequests.at(-1)?.messages[0]?.content).toContain("staff member will review");
  });

  it("sends a curated FAQ answer as it is, without asking the model", async () => {
    const body = await ask({ question: "宿舍押金多少錢" });
    expect(body).toMatchObject({ status: "answered", mode: "faq" });
    expect(model.chatRequests).toHaveLength(0);
  });

  it("sends a section the asker picked from the choices as it is quoted, without asking the model", async () => {
    const body = await ask({ question: "宿舍訪客", choice: true });
    expect(body).toMatchObject({ status: "answered", mode: "extractive", confidence: 1 });
    expect(body.answer).toBe("宿舍訪客須於晚上十點前離開。[1]");
    expect(model.chatRequests).toHaveLength(0);
  });

  it("streams citations first, then checked text, then the final answer", async () => {
    model.scriptChat({
      kind: "reply",
      text: `${GRADUATE_DEADLINE}[1] 圖書館週日開放到晚上十點。[1] 大學部則是第二週週五。[1]`,
    });
    const response = await fetch(`${apiUrl}/v1/answer`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "研究生加退選到什麼時候?", stream: true }),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = parseServerSentEvents(await response.text());
    expect(events[0]).toMatchObject({ event: "citations" });
    expect(events[0]?.data.citations[0]).toMatchObject({ n: 1, doc_id: "registrar/add-drop.md" });
    const deltas = events.filter((event) => event.event === "delta").map((event) => event.data.text);
    expect(deltas).toEqual([`${GRADUATE_DEADLINE}[1]`, "大學部則是第二週週五。[1]"]);
    const done = events.at(-1);
    expect(done?.event).toBe("done");
    expect(done?.data).toMatchObject({
      mode: "generative",
      answer: deltas.join(""),
      grounding: { dropped_sentences: 1 },
    });
    expect(model.chatRequests[0]?.stream).toBe(true);
  });

  it("withdraws streamed text with a reset event when the answer falls back", async () => {
    model.scriptChat({ kind: "reply", text: "以下是說明：\n圖書館週日開放到晚上十點。[1]" });
    const response = await fetch(`${apiUrl}/v1/answer`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ question: "研究生的加退選期限是什麼時候?" }),
    });
    const events = parseServerSentEvents(await response.text());
    expect(events.map((event) => event.event)).toEqual(["citations", "delta", "reset", "citations", "delta", "done"]);
    expect(events[2]?.data).toEqual({ reason: "ungrounded" });
    const done = events[5]?.data;
    expect(done).toMatchObject({ mode: "extractive", fallback_reason: "ungrounded" });
    expect(events[3]?.data.citations).toEqual(done.citations);
    expect(events[4]?.data.text).toBe(done.answer);
  });

  it("streams to an OpenAI client only the settled answer, so its markers always match its citations", async () => {
    const client = new OpenAI({ baseURL: `${apiUrl}/v1`, apiKey: "not-needed", maxRetries: 0 });
    const streamed = async (question: string) => {
      let content = "";
      let extension: { mode: string; fallback_reason?: string; citations: { n: number }[] } | undefined;
      const stream = await client.chat.completions.create({
        model: "grounded-faq",
        messages: [{ role: "user", content: question }],
        stream: true,
      });
      for await (const chunk of stream) {
        content += chunk.choices[0]?.delta.content ?? "";
        if (chunk.choices[0]?.finish_reason === "stop")
          extension = (chunk as { grounded_faq?: typeof extension }).grounded_faq;
      }
      const markers = [...content.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
      return { content, extension, markers: [...new Set(markers)].sort() };
    };

    model.scriptChat({
      kind: "reply",
      text: `${GRADUATE_DEADLINE}[1] 圖書館週日開放到晚上十點。[1] 大學部則是第二週週五。[1]`,
    });
    const generated = await streamed("研究生加退選到什麼時候?");
    expect(generated.content).toBe(`${GRADUATE_DEADLINE}[1]大學部則是第二週週五。[1]`);
    expect(generated.extension).toMatchObject({ mode: "generative", grounding: { dropped_sentences: 1 } });

    // The model's first sentence holds up, then it declines: only the fallback is shown.
    model.scriptChat({ kind: "reply", text: `${GRADUATE_DEADLINE}[2] CANNOT_ANSWER.` });
    const fellBack = await streamed("研究生的加退選期限是什麼時候?");
    expect(fellBack.extension).toMatchObject({ mode: "extractive", fallback_reason: "model_declined" });
    expect(fellBack.content).toContain("第三週週五");
    expect(fellBack.markers).toEqual(fellBack.extension?.citations.map((citation) => citation.n).sort());
  });

  it("aborts the model call when the client disconnects", async () => {
    model.scriptChat({ kind: "hang" });
    const before = model.abortedChats();
    const client = new AbortController();
    const response = await fetch(`${apiUrl}/v1/answer`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ question: "研究生加退選到什麼時候?" }),
      signal: client.signal,
    });
    const reader = response.body?.getReader();
    await reader?.read(); // the citations event: the model call has started
    client.abort();
    await expect.poll(() => model.abortedChats(), { timeout: 2000 }).toBe(before + 1);
  });
});
