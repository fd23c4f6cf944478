import type { ChatCallOptions, ChatChunk, ChatMessage, ChatModel } from "../models/chat-model.js";
import type { Embedder } from "../models/embedder.js";
import type { QueryVector } from "../store/index-store.js";
import { embedText } from "./fake-openai-server.js";

/** A chat model that replies with scripted text (or fails with a scripted error), recording every call. */
export class FakeChatModel implements ChatModel {
  readonly calls: { method: "stream" | "complete"; messages: readonly ChatMessage[]; signal?: AbortSignal }[] = [];
  private script: (string | Error)[];

  /** Replies for the next calls, in order; the last one repeats. */
  constructor(...replies: (string | Error)[]) {
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

  private next(method: "stream" | "complete", messages: readonly ChatMessage[], options: ChatCallOptions): string {
    this.calls.push({ method, messages, signal: options.signal });
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
