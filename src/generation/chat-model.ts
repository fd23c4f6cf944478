import { ChatOpenAI } from "@langchain/openai";
import type { ModelConfig } from "../config.js";

/** Retries of a failed model call (rate limits, 5xx), with LangChain's exponential backoff. */
const MAX_RETRIES = 2;

/** A chat model on OpenAI or any OpenAI-compatible server (Ollama, vLLM, LM Studio, LiteLLM…). */
export function createChatModel(config: ModelConfig): ChatOpenAI {
  return new ChatOpenAI({
    model: config.chatModel,
    // Local servers need no key, but the client insists on one.
    apiKey: config.apiKey ?? "not-needed",
    configuration: config.baseUrl ? { baseURL: config.baseUrl } : {},
    maxRetries: MAX_RETRIES,
    // Each attempt; the answer as a whole is also bounded by ANSWER_TIMEOUT_MS.
    timeout: config.answerTimeoutMs,
    streamUsage: true,
  });
}
