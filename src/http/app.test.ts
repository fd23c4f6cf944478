import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { createAnswerService } from "../ask/answer-service.js";
import { defaultConfidenceModel } from "../config/confidence-model.js";
import { ConversationMemory } from "../conversation/conversation-memory.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { CHANGE_OF_MAJOR } from "../test-support/sample-documents.js";
import { parseServerSentEvents } from "../test-support/server-sent-events.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { type App, createApp } from "./app.js";
import type { Readiness } from "./app-dependencies.js";

const ADD_DROP = `---
title: 加退選辦法
url: https://www.lakeside.example.edu/registrar/add-drop
collection: registrar
---
# 加退選辦法

## 期限

大學部學生之加退選期限為開學後第二週週五下午五點。研究生之加退選期限為開學後第三週週五。

## 逾期

逾期未完成加退選者，應填寫逾期加退選申請表，經系主任簽章後送課務組辦理。
`;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the assertions
const readJson = (response: Response): Promise<any> => response.json();

describe("HTTP API", () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  let app: App;
  const readiness: Readiness = { ready: false, reason: "syncing knowledge" };

  beforeAll(async () => {
    folder.write("knowledge/registrar/add-drop.md", ADD_DROP);
    folder.write("knowledge/registrar/change-of-major.md", CHANGE_OF_MAJOR);
    folder.write(
      "knowledge/housing/faq.csv",
      "question,answer\n宿舍押金是多少錢?,宿舍押金為新臺幣3000元，退宿時無息退還。\n",
    );
    folder.write(
      "knowledge/registrar/summer.md",
      "---\nstatus: draft\n---\n# 暑修\n\n2027年暑修每學分收費新臺幣2000元。",
    );
    store = new SqliteIndexStore(path.join(folder.root, "data", "index.sqlite"));
    const editorial = await editorialFor(store);
    const answers = createAnswerService({
      store,
      answering: {
        abstainThreshold: 0.5,
        faqMatchThreshold: 0.7,
        confidenceModel: defaultConfidenceModel,
      },
      conversations: new ConversationMemory(),
      answerLog: editorial.interactions,
      personaFor: (collection) => ({
        assistantName: "Lakeside",
        tone: "formal",
        guidance: [],
        contactLines:
          collection === "housing"
            ? { zh: "請洽宿舍服務中心（分機 5678）。", en: "Please ask the Housing Office (ext. 5678)." }
            : { zh: "請洽教務處（分機 1234）。", en: "Please ask the Registrar's Office (ext. 1234)." },
      }),
    });
    app = createApp({ store, readiness, answers, editorial, allowedOrigins: [] });
  });
  afterAll(async () => {
    await store.close();
    folder.cleanUp();
  });

  const post = (route: string, body: unknown) =>
    app.request(route, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  describe("health", () => {
    it("is alive at once and ready only after the first sync", async () => {
      expect((await app.request("/healthz")).status).toBe(200);
      const notReady = await app.request("/readyz");
      expect(notReady.status).toBe(503);
      expect((await readJson(notReady)).error).toEqual({
        code: "not_ready",
        message: expect.stringContaining("syncing knowledge"),
      });
      // An empty index must not pass for "the documents do not cover this".
      const early = await post("/v1/answer", { question: "研究生的加退選期限是什麼時候?" });
      expect(early.status).toBe(503);
      expect((await readJson(early)).error).toMatchObject({
        code: "not_ready",
        message: expect.stringContaining("syncing knowledge"),
      });
      // A message in distress needs no index: its safety reply is given all the same.
      const distress = JSON.stringify({ question: "我不想活了" });
      const helped = await app.request("/v1/answer", {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(distress)) },
        body: distress,
      });
      expect(helped.status).toBe(200);
      expect((await readJson(helped)).status).toBe("safety");

      await syncFolder(store, path.join(folder.root, "knowledge"));
      readiness.ready = true;
      const ready = await app.request("/readyz");
      expect(ready.status).toBe(200);
      expect(await readJson(ready)).toEqual({
        status: "ready",
        index: "ok",
        database: "ok",
        rate_limits: "off",
        editorial: "ok",
        warnings: [],
      });
    });
  });

  describe("POST /v1/search", () => {
    it("returns the best passages with their source", async () => {
      const response = await post("/v1/search", { query: "研究生加退選期限", top_k: 2 });
      expect(response.status).toBe(200);
      const { results } = await readJson(response);
      expect(results).toHaveLength(2);
      expect(results[0]).toMatchObject({
        doc_id: "registrar/add-drop.md",
        chunk_id: "registrar/add-drop.md#0",
        title: "加退選辦法",
        heading: "加退選辦法 > 期限",
        url: "https://www.lakeside.example.edu/registrar/add-drop",
      });
      expect(results[0].text).toContain("研究生之加退選期限為開學後第三週週五");
      expect(results[0].score).toBeGreaterThanOrEqual(results[1].score);
    });

    it("rejects a collection that has no published documents, listing the known ones", async () => {
      const response = await post("/v1/search", { query: "加退選", collection: "registar" });
      expect(response.status).toBe(400);
      const { error } = await readJson(response);
      expect(error.code).toBe("unknown_collection");
      expect(error.message).toContain("housing, registrar");
      expect((await post("/v1/answer", { question: "加退選", collection: "registar" })).status).toBe(400);
      // Streamed, the same: known before the stream starts.
      const streamed = await post("/v1/answer", { question: "加退選", collection: "registar", stream: true });
      expect(streamed.status).toBe(400);
      expect((await readJson(streamed)).error.code).toBe("unknown_collection");
    });

    it("searches one collection when asked", async () => {
      // 押金 and 期限 both occur in registrar and housing documents.
      const everywhere = await readJson(await post("/v1/search", { query: "押金 加退選期限", top_k: 10 }));
      const collections = new Set(everywhere.results.map((result: { doc_id: string }) => result.doc_id.split("/")[0]));
      expect(collections).toEqual(new Set(["registrar", "housing"]));
      const housing = await readJson(await post("/v1/search", { query: "押金 加退選期限", collection: "housing" }));
      expect(housing.results.length).toBeGreaterThan(0);
      expect(housing.results.every((result: { doc_id: string }) => result.doc_id.startsWith("housing/"))).toBe(true);
    });
  });

  describe("POST /v1/answer", () => {
    it("answers a Chinese question with a cited, verbatim quote", async () => {
      const response = await post("/v1/answer", { question: "研究生的加退選期限是什麼時候?" });
      expect(response.status).toBe(200);
      const body = await readJson(response);
      expect(body).toMatchObject({ status: "answered", mode: "extractive" });
      expect(body.answer).toContain("第三週週五");
      expect(body.answer).toMatch(/\[1\]/);
      expect(body.citations[0]).toMatchObject({ n: 1, doc_id: "registrar/add-drop.md", heading: "加退選辦法 > 期限" });
      const [hit] = (await readJson(await post("/v1/search", { query: "研究生加退選期限", top_k: 1 }))).results;
      expect(hit.text).toContain(body.citations[0].quote);
      expect(body.confidence).toBeGreaterThanOrEqual(0.5);
      expect(body.latency_ms).toBeGreaterThanOrEqual(0);
    });

    it("answers an English question from the English document", async () => {
      const body = await readJson(
        await post("/v1/answer", { question: "Can I change my major after the first year?" }),
      );
      expect(body.status).toBe("answered");
      expect(body.citations[0].doc_id).toBe("registrar/change-of-major.md");
      expect(body.answer).toContain("first year");
    });

    it("answers with the curated FAQ answer when the question matches it", async () => {
      const body = await readJson(await post("/v1/answer", { question: "宿舍押金多少錢" }));
      expect(body).toMatchObject({
        status: "answered",
        mode: "faq",
        answer: "宿舍押金為新臺幣3000元，退宿時無息退還。[1]",
      });
      expect(body.citations[0]).toMatchObject({
        doc_id: "housing/faq.csv",
        quote: "宿舍押金為新臺幣3000元，退宿時無息退還。",
      });
    });

    it("abstains in the question's language and says where to ask", async () => {
      const chinese = await readJson(await post("/v1/answer", { question: "學校餐廳今天的菜單是什麼?" }));
      expect(chinese).toMatchObject({ status: "abstained", citations: [] });
      expect(chinese.answer).toContain("請洽教務處（分機 1234）。");
      const english = await readJson(await post("/v1/answer", { question: "What is the weather tomorrow?" }));
      expect(english).toMatchObject({ status: "abstained", citations: [] });
      expect(english.answer).toContain("Please ask the Registrar's Office (ext. 1234).");
    });

    it("says where to ask for the collection that was asked about", async () => {
      const body = await readJson(await post("/v1/answer", { question: "宿舍可以養狗嗎?", collection: "housing" }));
      expect(body.status).toBe("abstained");
      expect(body.answer).toContain("請洽宿舍服務中心（分機 5678）。");
    });

    it("streams an extractive answer as citations, delta and done events", async () => {
      const response = await app.request("/v1/answer", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ question: "研究生的加退選期限是什麼時候?" }),
      });
      expect(response.headers.get("content-type")).toContain("text/event-stream");
      const events = parseServerSentEvents(await response.text());
      expect(events.map((event) => event.event)).toEqual(["citations", "delta", "done"]);
      const done = events[2]?.data;
      expect(done).toMatchObject({ status: "answered", mode: "extractive" });
      expect(events[1]?.data.text).toBe(done.answer);
      expect(events[0]?.data.citations).toEqual(done.citations);
    });

    it("understands a follow-up within its conversation", async () => {
      const first = await readJson(
        await post("/v1/answer", { question: "大學部的加退選期限是什麼時候?", conversation_id: "c-1" }),
      );
      expect(first).toMatchObject({ status: "answered", conversation_id: "c-1" });
      expect(first.answer).toContain("第二週");
      const followUp = await readJson(await post("/v1/answer", { question: "那研究生呢?", conversation_id: "c-1" }));
      expect(followUp).toMatchObject({ status: "answered", conversation_id: "c-1" });
      expect(followUp.standalone_question).toContain("加退選");
      expect(followUp.answer).toContain("第三週");
      const alone = await readJson(await post("/v1/answer", { question: "那研究生呢?", conversation_id: "c-2" }));
      expect(alone.standalone_question).toBeUndefined();
    });

    it("rejects a conversation id it cannot keep", async () => {
      const response = await post("/v1/answer", { question: "研究生加退選", conversation_id: "has spaces" });
      expect(response.status).toBe(400);
      expect((await readJson(response)).error.message).toContain("conversation_id");
    });

    it("never answers from a draft", async () => {
      const body = await readJson(await post("/v1/answer", { question: "2027年暑修每學分多少錢?" }));
      expect(body.citations.map((citation: { doc_id: string }) => citation.doc_id)).not.toContain(
        "registrar/summer.md",
      );
      expect(body.answer).not.toContain("2000");
    });
  });

  describe("POST /v1/drafts", () => {
    it("suggests a cited reply to a message, marked as a draft", async () => {
      const response = await post("/v1/drafts", {
        message: "您好，我是碩士班新生，想請問研究生的加退選期限是到什麼時候呢？謝謝！",
      });
      expect(response.status).toBe(200);
      const body = await readJson(response);
      expect(body).toMatchObject({ status: "drafted", draft: true, mode: "extractive" });
      expect(body.reply).toContain("第三週週五");
      expect(body.citations[0].doc_id).toBe("registrar/add-drop.md");
    });

    it("says so to the staff member when the documents do not cover the message", async () => {
      const body = await readJson(
        await post("/v1/drafts", {
          message: "Hi, can my parents stay overnight in the library?",
          collection: "housing",
        }),
      );
      expect(body).toMatchObject({ status: "no_draft", draft: true, citations: [] });
      expect(body.reply).toContain("No draft");
      expect(body.reply).toContain("Please ask the Housing Office (ext. 5678).");
    });

    it("rejects an empty message and other methods", async () => {
      expect((await post("/v1/drafts", { message: " " })).status).toBe(400);
      expect((await post("/v1/drafts", { message: "x".repeat(4001) })).status).toBe(400);
      const get = await app.request("/v1/drafts");
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
    });
  });

  describe("bad input", () => {
    it.each([
      ["an empty question", { question: "" }],
      ["a blank question", { question: "   " }],
      ["a 10,000-character question", { question: "宿".repeat(10_000) }],
      ["a question of the wrong type", { question: 42 }],
      ["a missing question", {}],
      ["an unknown field", { question: "宿舍押金", temperature: 2 }],
    ])("rejects %s with invalid_request", async (_, body) => {
      const response = await post("/v1/answer", body);
      expect(response.status).toBe(400);
      const { error } = await readJson(response);
      expect(error.code).toBe("invalid_request");
      expect(error.message).toEqual(expect.any(String));
    });

    it("rejects a top_k out of range", async () => {
      const response = await post("/v1/search", { query: "宿舍", top_k: 500 });
      expect(response.status).toBe(400);
      expect((await readJson(response)).error.message).toContain("top_k");
    });

    it("rejects a body over the size limit with payload_too_large", async () => {
      const response = await post("/v1/answer", { question: "宿舍", padding: "x".repeat(100_000) });
      expect(response.status).toBe(413);
      expect((await readJson(response)).error.code).toBe("payload_too_large");
    });

    it("rejects malformed JSON with invalid_json", async () => {
      const response = await post("/v1/answer", "{ not json");
      expect(response.status).toBe(400);
      expect((await readJson(response)).error.code).toBe("invalid_json");
    });

    it("rejects a body that is not JSON with unsupported_media_type", async () => {
      const response = await app.request("/v1/answer", {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: "宿舍押金",
      });
      expect(response.status).toBe(415);
      expect((await readJson(response)).error).toEqual({
        code: "unsupported_media_type",
        message: expect.stringContaining("Content-Type: application/json"),
      });
    });

    it("refuses a compressed body with unsupported_media_type, rather than as broken JSON", async () => {
      const response = await app.request("/v1/answer", {
        method: "POST",
        headers: { "content-type": "application/json", "content-encoding": "gzip" },
        body: gzipSync(JSON.stringify({ question: "宿舍押金" })),
      });
      expect(response.status).toBe(415);
      expect((await readJson(response)).error).toEqual({
        code: "unsupported_media_type",
        message: "Send the body uncompressed: Content-Encoding gzip is not read.",
      });
    });

    it("answers a wrong method with 405 and the allowed one", async () => {
      const response = await app.request("/v1/answer");
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect((await readJson(response)).error.code).toBe("method_not_allowed");
      const health = await app.request("/healthz", { method: "POST" });
      expect(health.status).toBe(405);
      expect(health.headers.get("allow")).toBe("GET, HEAD");
    });

    it("answers an unknown route with a JSON 404", async () => {
      const response = await app.request("/v1/nothing");
      expect(response.status).toBe(404);
      expect((await readJson(response)).error.code).toBe("not_found");
    });

    it("loses nothing: the index still answers after bad requests", async () => {
      const body = await readJson(await post("/v1/answer", { question: "研究生的加退選期限是什麼時候?" }));
      expect(body.status).toBe("answered");
    });
  });

  it("publishes an OpenAPI document of the routes", async () => {
    const document = await readJson(await app.request("/openapi.json"));
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/v1/search", "/v1/answer", "/healthz", "/readyz"]),
    );
    expect(document.components.schemas.AnswerResponse).toBeDefined();
  });
});
