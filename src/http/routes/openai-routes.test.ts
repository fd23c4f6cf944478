import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../../ingest/sync-folder.js";
import { SqliteIndexStore } from "../../store/sqlite/sqlite-index-store.js";
import { serveApp } from "../../test-support/browser.js";
import { editorialApp } from "../../test-support/editorial-app.js";
import { editorialFor } from "../../test-support/editorial-for.js";
import { ADD_DROP_DEADLINES, CHANGE_OF_MAJOR } from "../../test-support/sample-documents.js";
import { makeTemporaryFolder } from "../../test-support/temporary-folder.js";
import type { GroundedFaqExtension } from "./openai-schemas.js";

/** The extension this service adds to OpenAI's responses, read as an OpenAI client would. */
const extensionOf = (value: object) => (value as { grounded_faq?: GroundedFaqExtension }).grounded_faq;

describe("the OpenAI-compatible endpoint, through the official openai client", () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  let server: { url: string; close: () => void };
  let client: OpenAI;

  beforeAll(async () => {
    folder.write("knowledge/registrar/add-drop.md", ADD_DROP_DEADLINES);
    folder.write("knowledge/registrar/change-of-major.md", CHANGE_OF_MAJOR);
    folder.write("knowledge/housing/faq.csv", "question,answer\n宿舍押金是多少錢?,宿舍押金為新臺幣3000元。\n");
    folder.write("knowledge/housing/parking-permit.md", "# 停車證申請\n\n學生停車證於每年9月1日開放申請。\n");
    folder.write("knowledge/housing/parking-rules.md", "# 停車場規則\n\n停車場內禁止洗車，車輛須停放於格線內。\n");
    store = new SqliteIndexStore(path.join(folder.root, "index.sqlite"));
    await syncFolder(store, path.join(folder.root, "knowledge"));
    server = await serveApp(editorialApp(store, await editorialFor(store)), "127.0.0.1");
    client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "not-needed", maxRetries: 0 });
  });
  afterAll(async () => {
    server.close();
    await store.close();
    folder.cleanUp();
  });

  it("lists every collection as a model, and one model for all of them", async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id).sort()).toEqual([
      "grounded-faq",
      "grounded-faq:housing",
      "grounded-faq:registrar",
    ]);
    expect(await client.models.retrieve("grounded-faq:housing")).toMatchObject({
      id: "grounded-faq:housing",
      object: "model",
    });
    await expect(client.models.retrieve("grounded-faq:nope")).rejects.toMatchObject({
      status: 404,
      code: "model_not_found",
    });
  });

  it("lists the choices of a question back in the message, for clients that show text only", async () => {
    const completion = await client.chat.completions.create({
      model: "grounded-faq:housing",
      messages: [{ role: "user", content: "停車?" }],
    });
    expect(extensionOf(completion)).toMatchObject({ status: "clarify", choices: ["停車證申請", "停車場規則"] });
    expect(completion.choices[0]?.message.content).toMatch(/哪一個？\n\n- 停車證申請\n- 停車場規則$/);
  });

  it("answers with [n] markers in the content and the citations in grounded_faq", async () => {
    const completion = await client.chat.completions.create({
      model: "grounded-faq:registrar",
      messages: [
        { role: "system", content: "You are a helpful assistant." },
        { role: "user", content: "When can I apply to change my major?" },
      ],
    });
    const [choice] = completion.choices;
    expect(choice?.message.role).toBe("assistant");
    expect(choice?.message.content).toMatch(/change their major.*\[1\]$/);
    expect(choice?.finish_reason).toBe("stop");
    const extension = extensionOf(completion);
    expect(extension).toMatchObject({ status: "answered", mode: "extractive" });
    expect(extension?.citations[0]).toMatchObject({ n: 1, doc_id: "registrar/change-of-major.md" });
    expect(extension?.answer_id).toEqual(expect.any(String));
  });

  it("streams the same answer in chunks, the citations on the chunk that finishes it", async () => {
    const question = "When can I apply to change my major?";
    const whole = await client.chat.completions.create({
      model: "grounded-faq",
      messages: [{ role: "user", content: question }],
    });
    const stream = await client.chat.completions.create({
      model: "grounded-faq",
      messages: [{ role: "user", content: question }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let content = "";
    let finishing: object | undefined;
    let usage: unknown;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? "";
      if (chunk.choices[0]?.finish_reason === "stop") finishing = chunk;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(content).toBe(whole.choices[0]?.message.content);
    expect(extensionOf(finishing ?? {})?.citations).toEqual(extensionOf(whole)?.citations);
    expect(usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
  });

  it("reads the earlier messages as the conversation, so a follow-up is understood", async () => {
    const completion = await client.chat.completions.create({
      model: "grounded-faq",
      messages: [
        { role: "user", content: "大學部加退選期限是什麼時候?" },
        { role: "assistant", content: "大學部學生之加退選期限為開學後第二週週五下午五點。[1]" },
        { role: "user", content: [{ type: "text", text: "那研究生呢?" }] },
      ],
    });
    expect(completion.choices[0]?.message.content).toContain("第三週");
    expect(extensionOf(completion)?.standalone_question).toMatch(/研究生.*加退選/);
  });

  it("understands a conversation from its messages as it would from a conversation_id", async () => {
    const questions = ["大學部加退選期限是什麼時候?", "那研究生呢?", "那博士生呢?"];
    const remembered: { standalone_question?: string; answer: string }[] = [];
    for (const question of questions) {
      const response = await fetch(`${server.url}/v1/answer`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question, conversation_id: "c-openai-parity" }),
      });
      remembered.push((await response.json()) as (typeof remembered)[number]);
    }
    const completion = await client.chat.completions.create({
      model: "grounded-faq",
      messages: questions.flatMap((question, index) => [
        { role: "user" as const, content: question },
        ...(index < questions.length - 1
          ? [{ role: "assistant" as const, content: remembered[index]?.answer ?? "" }]
          : []),
      ]),
    });
    expect(remembered[2]?.standalone_question).toContain("加退選");
    expect(extensionOf(completion)?.standalone_question).toBe(remembered[2]?.standalone_question);
    expect(completion.choices[0]?.message.content).toBe(remembered[2]?.answer);
  });

  it("abstains in an ordinary assistant message that says where to ask", async () => {
    const completion = await client.chat.completions.create({
      model: "grounded-faq",
      messages: [{ role: "user", content: "Can I keep a cat in my room?" }],
    });
    expect(completion.choices[0]?.message.content).toContain("Ask the desk.");
    expect(extensionOf(completion)).toMatchObject({ status: "abstained", citations: [] });
  });

  it("refuses a model that names no collection, and a conversation that does not end with a question", async () => {
    const unknownModel = await client.chat.completions
      .create({ model: "gpt-4o", messages: [{ role: "user", content: "hello" }] })
      .catch((error: unknown) => error);
    expect(unknownModel).toBeInstanceOf(OpenAI.NotFoundError);
    expect(unknownModel).toMatchObject({ status: 404, code: "model_not_found" });
    expect((unknownModel as Error).message).toContain("grounded-faq:registrar");

    const noQuestion = await client.chat.completions
      .create({ model: "grounded-faq", messages: [{ role: "assistant", content: "How can I help?" }] })
      .catch((error: unknown) => error);
    expect(noQuestion).toBeInstanceOf(OpenAI.BadRequestError);
    expect(noQuestion).toMatchObject({ status: 400, code: "invalid_request" });

    // Several answers to one question are not something it gives; one is, as asked or by default.
    const several = await client.chat.completions
      .create({ model: "grounded-faq", n: 3, messages: [{ role: "user", content: "研究生加退選期限" }] })
      .catch((error: unknown) => error);
    expect(several).toMatchObject({ status: 400, code: "invalid_request" });
    expect((several as Error).message).toContain("only n: 1 is supported");
    const one = await client.chat.completions.create({
      model: "grounded-faq",
      n: 1,
      messages: [{ role: "user", content: "研究生加退選期限" }],
    });
    expect(one.choices).toHaveLength(1);
  });
});
