import http from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake model does with the next chat request. */
export type ChatBehaviour =
  | { kind: "reply"; text: string; delayMs?: number }
  /** Quote the passage sentence sharing most characters with the question, or decline: a stand-in model. */
  | { kind: "quote" }
  | { kind: "fail"; status: number; message?: string }
  /** Call a tool: the reply names it and its arguments instead of words. */
  | { kind: "tool_call"; name: string; arguments: Record<string, unknown> }
  | { kind: "hang" };

export interface RecordedChatRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
  /** The functions the request offered the model, by name. */
  tools?: string[];
}

/**
 * An OpenAI-compatible HTTP server on 127.0.0.1 for tests: chat completions (whole or streamed)
 * that reply with scripted text, and embeddings from a bag of hashed characters, so the real
 * OpenAI adapter (src/models/openai) is exercised without the internet.
 */
export interface FakeOpenAiServer {
  baseUrl: string;
  chatRequests: RecordedChatRequest[];
  embeddingInputs: string[][];
  /** Behaviours for the next chat requests, in order; the last one repeats. */
  scriptChat(...behaviours: ChatBehaviour[]): void;
  /** Answer embedding requests with this HTTP status (an outage), or normally again with undefined. */
  failEmbeddings(status: number | undefined): void;
  /** Requests the server saw closed by the client before it finished answering. */
  abortedChats(): number;
  close(): Promise<void>;
}

const FAKE_EMBEDDING_DIMENSIONS = 16;

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const chatRequests: RecordedChatRequest[] = [];
  const embeddingInputs: string[][] = [];
  let script: ChatBehaviour[] = [{ kind: "reply", text: "" }];
  let aborted = 0;
  let embeddingFailure: number | undefined;

  const server = http.createServer(async (request, response) => {
    const body = JSON.parse((await readBody(request)) || "{}");
    if (request.url?.endsWith("/embeddings")) {
      if (embeddingFailure !== undefined) {
        sendJson(response, embeddingFailure, { error: { message: "scripted embedding failure" } });
        return;
      }
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      embeddingInputs.push(inputs);
      sendJson(response, 200, {
        object: "list",
        model: body.model,
        // The official client asks for base64 (little-endian float32) unless told otherwise.
        data: inputs.map((input, index) => ({
          object: "embedding",
          index,
          embedding:
            body.encoding_format === "base64"
              ? Buffer.from(new Float32Array(embedText(input)).buffer).toString("base64")
              : embedText(input),
        })),
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      });
      return;
    }
    if (!request.url?.endsWith("/chat/completions")) {
      sendJson(response, 404, { error: { message: "not found" } });
      return;
    }
    chatRequests.push({
      model: body.model,
      stream: body.stream === true,
      messages: body.messages,
      ...(Array.isArray(body.tools)
        ? { tools: body.tools.map((tool: { function?: { name?: string } }) => tool.function?.name ?? "") }
        : {}),
    });
    const behaviour = (script.length > 1 ? script.shift() : script[0]) ?? { kind: "reply", text: "" };
    if (behaviour.kind === "fail") {
      sendJson(response, behaviour.status, { error: { message: behaviour.message ?? "scripted failure" } });
      return;
    }
    response.on("close", () => {
      if (!response.writableFinished) aborted++;
    });
    if (behaviour.kind === "hang") return;
    if (behaviour.kind === "reply" && behaviour.delayMs) {
      await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
    }
    if (response.destroyed) return;
    if (behaviour.kind === "tool_call") {
      sendJson(response, 200, toolCallCompletion(body.model, behaviour.name, behaviour.arguments));
      return;
    }
    const text = behaviour.kind === "quote" ? quoteBestSentence(body.messages.at(-1)?.content ?? "") : behaviour.text;
    if (body.stream === true) streamReply(response, body.model, text);
    else sendJson(response, 200, completion(body.model, text));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    chatRequests,
    embeddingInputs,
    scriptChat: (...behaviours) => {
      script = behaviours;
    },
    failEmbeddings: (status) => {
      embeddingFailure = status;
    },
    abortedChats: () => aborted,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A deterministic vector: similar texts (shared characters) get similar vectors. */
export function embedText(text: string): number[] {
  const vector = new Array<number>(FAKE_EMBEDDING_DIMENSIONS).fill(0);
  for (const character of text.toLowerCase()) {
    if (/\s/.test(character)) continue;
    const code = character.codePointAt(0) ?? 0;
    vector[(code * 31) % FAKE_EMBEDDING_DIMENSIONS] = (vector[(code * 31) % FAKE_EMBEDDING_DIMENSIONS] ?? 0) + 1;
  }
  const length = Math.hypot(...vector) || 1;
  return vector.map((value) => value / length);
}

function quoteBestSentence(prompt: string): string {
  const question = prompt.slice(prompt.lastIndexOf("Question:") + "Question:".length);
  const asked = new Set([...question].filter((character) => /[\p{L}\p{N}]/u.test(character)));
  let best = { text: "", n: 0, overlap: 0 };
  for (const match of prompt.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)) {
    for (const sentence of (match[2] ?? "").split(/(?<=[。！？.!?])\s*/)) {
      const overlap = new Set([...sentence].filter((character) => asked.has(character))).size / (asked.size || 1);
      if (overlap > best.overlap) best = { text: sentence.trim(), n: Number(match[1]), overlap };
    }
  }
  return best.overlap < 0.3 ? "CANNOT_ANSWER" : `${best.text}[${best.n}]`;
}

const usage = (text: string) => ({
  prompt_tokens: 100,
  completion_tokens: text.length,
  total_tokens: 100 + text.length,
});

function completion(model: string, text: string) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 0,
    model,
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
    usage: usage(text),
  };
}

function toolCallCompletion(model: string, name: string, args: Record<string, unknown>) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 0,
    model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "call-fake", type: "function", function: { name, arguments: JSON.stringify(args) } }],
        },
        finish_reason: "tool_calls",
      },
    ],
    usage: usage(name),
  };
}

function streamReply(response: http.ServerResponse, model: string, text: string): void {
  response.writeHead(200, { "content-type": "text/event-stream" });
  const chunk = (delta: object, finishReason: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra })}\n\n`;
  response.write(chunk({ role: "assistant", content: "" }, null));
  // A few characters per chunk, like a real model's tokens.
  for (let index = 0; index < text.length; index += 4)
    response.write(chunk({ content: text.slice(index, index + 4) }, null));
  response.write(chunk({}, "stop"));
  response.write(
    `data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model, choices: [], usage: usage(text) })}\n\n`,
  );
  response.end("data: [DONE]\n\n");
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      data += chunk;
    });
    request.on("end", () => resolve(data));
    request.on("error", reject);
  });
}
