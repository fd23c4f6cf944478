import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../../test-support/fake-openai-server.js";
import { describeChatModelContract } from "../chat-model.case.js";
import { describeEmbedderContract } from "../embedder.case.js";
import { ModelCallError } from "../model-call-error.js";
import { createOpenAiChatModel, createOpenAiEmbedder } from "./index.js";

// The real LangChain/OpenAI client against a local OpenAI-compatible server, retrying without waits.
let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(() => server.close());

const config = () => ({
  baseUrl: server.baseUrl,
  chatModel: "local-model",
  embeddingModel: "local-embedder",
  answerTimeoutMs: 5000,
});
const retry = { attempts: 3, firstDelayMs: 0 };
const chatModel = () => createOpenAiChatModel(config(), { retry });

describeChatModelContract("OpenAI-compatible", () => ({
  replying: (text) => {
    server.scriptChat({ kind: "reply", text });
    return chatModel();
  },
  callingTool: (call) => {
    server.scriptChat({ kind: "tool_call", name: call.name, arguments: call.arguments });
    return chatModel();
  },
  failing: () => {
    server.scriptChat({ kind: "fail", status: 400 });
    return chatModel();
  },
}));
describeEmbedderContract("OpenAI-compatible", () => createOpenAiEmbedder(config(), { retry }));

describe("OpenAI-compatible models", () => {
  beforeEach(() => {
    server.chatRequests.length = 0;
    server.failEmbeddings(undefined);
  });

  it("sends the messages with their roles, and streams when asked to", async () => {
    server.scriptChat({ kind: "reply", text: "ok" });
    await chatModel().complete([
      { role: "system", content: "rules" },
      { role: "user", content: "question" },
      { role: "assistant", content: "earlier answer" },
    ]);
    expect(server.chatRequests[0]).toMatchObject({
      model: "local-model",
      stream: false,
      messages: [
        { role: "system", content: "rules" },
        { role: "user", content: "question" },
        { role: "assistant", content: "earlier answer" },
      ],
    });
  });

  it("tries a server error again, and a rate limit, but not a refused request", async () => {
    server.scriptChat({ kind: "fail", status: 503 }, { kind: "reply", text: "ok" });
    expect((await chatModel().complete([{ role: "user", content: "q" }])).text).toBe("ok");
    expect(server.chatRequests).toHaveLength(2);

    server.scriptChat({ kind: "fail", status: 429 });
    const limited = await chatModel()
      .complete([{ role: "user", content: "q" }])
      .catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(ModelCallError);
    expect(limited).toMatchObject({ isRateLimited: true, isRetryable: true });
    expect(server.chatRequests).toHaveLength(5);

    server.scriptChat({ kind: "fail", status: 400 });
    await expect(chatModel().complete([{ role: "user", content: "q" }])).rejects.toMatchObject({
      statusCode: 400,
      isRetryable: false,
    });
    expect(server.chatRequests).toHaveLength(6);
  });

  it("tries a stream again only before its first piece", async () => {
    server.scriptChat({ kind: "fail", status: 500 }, { kind: "reply", text: "streamed" });
    let text = "";
    for await (const piece of chatModel().stream([{ role: "user", content: "q" }])) text += piece.text;
    expect(text).toBe("streamed");
    expect(server.chatRequests.map((request) => request.stream)).toEqual([true, true]);
  });

  it("fails an embedding request the server refuses, saying whether to try again", async () => {
    server.failEmbeddings(400);
    await expect(createOpenAiEmbedder(config(), { retry }).embedTexts(["押金"])).rejects.toMatchObject({
      isRetryable: false,
    });
    server.failEmbeddings(503);
    await expect(createOpenAiEmbedder(config(), { retry }).embedTexts(["押金"])).rejects.toMatchObject({
      isRetryable: true,
    });
    expect(await createOpenAiEmbedder(config(), { retry }).embedQuestion("押金?")).toBeUndefined();
  });

  it("sends at most 64 texts per embedding request, and keeps their order", async () => {
    const texts = Array.from({ length: 130 }, (_, index) => `第${index}條`);
    const before = server.embeddingInputs.length;
    const vectors = await createOpenAiEmbedder(config(), { retry }).embedTexts(texts);
    expect(server.embeddingInputs.slice(before).map((batch) => batch.length)).toEqual([64, 64, 2]);
    const again = await createOpenAiEmbedder(config(), { retry }).embedTexts([texts[129] ?? ""]);
    expect(vectors[129]).toEqual(again[0]);
  });
});
