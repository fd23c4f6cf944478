import { ChatOpenAI } from "@langchain/openai";
import type { ModelConfig } from "../../config.js";
import { type RetrySettings, withRetries } from "../../retry.js";
import type { ChatCallOptions, ChatChunk, ChatMessage, ChatModel, ToolCall, ToolDefinition } from "../chat-model.js";
import { toChatChunk, toLangChainMessages } from "./messages.js";
import { toModelCallError } from "./model-errors.js";

/** Tries of a failing call (rate limits, 5xx, lost connections): waits of 1–2 s, then 2–4 s. */
export const DEFAULT_MODEL_RETRY: RetrySettings = { attempts: 3, firstDelayMs: 1000, randomize: true };

export interface OpenAiModelOptions {
  /** How failing calls are tried again; tests make the waits 0. */
  retry?: RetrySettings;
}

/** A chat model on OpenAI or any OpenAI-compatible server (Ollama, vLLM, LM Studio, LiteLLM…). */
export function createOpenAiChatModel(config: ModelConfig, options: OpenAiModelOptions = {}): ChatModel {
  const client = new ChatOpenAI({
    model: config.chatModel,
    // Local servers need no key, but the client insists on one.
    apiKey: config.apiKey ?? "not-needed",
    configuration: config.baseUrl ? { baseURL: config.baseUrl } : {},
    // Retries are ours (withRetries), with waits a test can shorten.
    maxRetries: 0,
    // Each attempt; the answer as a whole is also bounded by ANSWER_TIMEOUT_MS.
    timeout: config.answerTimeoutMs,
    streamUsage: true,
  });
  return new OpenAiChatModel(client, options.retry ?? DEFAULT_MODEL_RETRY);
}

class OpenAiChatModel implements ChatModel {
  constructor(
    private readonly client: ChatOpenAI,
    private readonly retry: RetrySettings,
  ) {}

  async *stream(messages: readonly ChatMessage[], options: ChatCallOptions = {}): AsyncIterable<ChatChunk> {
    const { signal } = options;
    // A call is tried again only until its first piece arrives: text already passed on is not taken back.
    const { pieces, first } = await withRetries(
      async () => {
        try {
          const pieces = (await this.client.stream(toLangChainMessages(messages), { signal }))[Symbol.asyncIterator]();
          return { pieces, first: await pieces.next() };
        } catch (error) {
          throw toModelCallError(error, signal);
        }
      },
      { ...this.retry, signal },
    );
    let finished = false;
    try {
      for (let next = first; !next.done; next = await pieces.next()) yield toChatChunk(next.value);
      finished = true;
    } catch (error) {
      finished = true;
      throw toModelCallError(error, signal);
    } finally {
      // The caller stopped reading: close the request.
      if (!finished) await pieces.return?.();
    }
  }

  async complete(messages: readonly ChatMessage[], options: ChatCallOptions = {}): Promise<ChatChunk> {
    const { signal } = options;
    const reply = await withRetries(
      async () => {
        try {
          return await this.client.invoke(toLangChainMessages(messages), { signal });
        } catch (error) {
          throw toModelCallError(error, signal);
        }
      },
      { ...this.retry, signal },
    );
    return toChatChunk(reply);
  }

  async chooseTool(
    messages: readonly ChatMessage[],
    tools: readonly ToolDefinition[],
    options: ChatCallOptions = {},
  ): Promise<ToolCall | undefined> {
    const { signal } = options;
    // LangChain's tool calling: the tools as OpenAI function definitions, the choice read from tool_calls.
    const client = this.client.bindTools(tools.map((tool) => ({ type: "function" as const, function: tool })));
    const reply = await withRetries(
      async () => {
        try {
          return await client.invoke(toLangChainMessages(messages), { signal });
        } catch (error) {
          throw toModelCallError(error, signal);
        }
      },
      { ...this.retry, signal },
    );
    const call = reply.tool_calls?.[0];
    return call ? { name: call.name, arguments: call.args ?? {} } : undefined;
  }
}
