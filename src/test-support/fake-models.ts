import type {
  ChatCallOptions,
  ChatChunk,
  ChatMessage,
  ChatModel,
  ToolCall,
  ToolDefinition,
} from "../models/chat-model.js";
import type { Embedder } from "../models/embedder.js";
import type { QueryVector } from "../store/index-store.js";
import { embedText } from "./fake-openai-server.js";

/**
 * A chat model that replies with scripted text, chooses a scripted tool, or fails with a scripted
 * error, recording every call.
 */
export class FakeChatModel implements ChatModel {
  readonly calls: {
    method: "stream" | "complete" | "chooseTool";
    messages: readonly ChatMessage[];
    tools?: readonly ToolDefinition[];
    signal?: AbortSignal;
  }[] = [];
  private script: (string | Error | ToolCall)[];

  /** Replies for the next calls, in order; the last one repeats. A tool call is a reply of no words. */
  constructor(...replies: (string | Error | ToolCall)[]) {
    this.script = replies.length > 0 ? replies : [""];
  }

  async *stream(messages: readonly ChatMessage[], options: ChatCallOptions = {}): AsyncIterable<ChatChunk> {
    const reply = this.next("stream", messages, options);
    // A few characters at a time, like a real model's tokens; the usage with the last piece.
    for (let index = 0; index < reply.length; index += 4) yield { text: reply.slice(index, index + 4) };
    yield { text: "", usage: { inputTokens: 100, outputTokens: reply.length } };
  }

  async complete(messages: readonly ChatMessage[], options: ChatCallOptions = {}): Promise<ChatChunk> {
    const reply = this.next("complete", messages, options);
    return { text: reply, usage: { inputTokens: 100, outputTokens: reply.length } };
  }

  async chooseTool(
    messages: readonly ChatMessage[],
    tools: readonly ToolDefinition[],
    options: ChatCallOptions = {},
  ): Promise<ToolCall | undefined> {
    const reply = this.nextReply("chooseTool", messages, options, tools);
    return typeof reply === "string" ? undefined : reply;
  }

  private next(method: "stream" | "complete", messages: readonly ChatMessage[], options: ChatCallOptions): string {
    const reply = this.nextReply(method, messages, options);
    return typeof reply === "string" ? reply : "";
  }

  private nextReply(
    method: "stream" | "complete" | "chooseTool",
    messages: readonly ChatMessage[],
    options: ChatCallOptions,
    tools?: readonly ToolDefinition[],
  ): string | ToolCall {
    this.calls.push({ method, messages, ...(tools ? { tools } : {}), signal: options.signal });
    options.signal?.throwIfAborted();
    const reply = (this.script.length > 1 ? this.script.shift() : this.script[0]) ?? "";
    if (reply instanceof Error) throw reply;
    return reply;
  }
}

/**
 * An embedder whose vectors are bags of hashed characters (`embedText`), recording every call;
 * `questionVector` overrides what questions get (undefined: as a slow or failing model would).
 */
export class FakeEmbedder implements Embedder {
  readonly embeddedBatches: string[][] = [];
  readonly questions: string[] = [];

  constructor(
    readonly model = "fake-embedder",
    private readonly questionVector?: (text: string) => number[] | undefined,
  ) {}

  async embedTexts(texts: readonly string[]): Promise<number[][]> {
    this.embeddedBatches.push([...texts]);
    return texts.map(embedText);
  }

  async embedQuestion(text: string, signal?: AbortSignal): Promise<QueryVector | undefined> {
    this.questions.push(text);
    if (signal?.aborted) return undefined;
    const vector = this.questionVector ? this.questionVector(text) : embedText(text);
    return vector && { model: this.model, vector };
  }
}
