import path from "node:path";
import { OpenAIEmbeddings } from "@langchain/openai";
import type { AppConfig, ModelConfig } from "../config.js";
import type { QueryVector } from "../store/index-store.js";
import { isUsableVector } from "../store/index-store.js";
import { EmbeddingCache } from "./embedding-cache.js";

/** Texts sent to the model per request, and requests in flight at once. */
const BATCH_SIZE = 64;
const MAX_CONCURRENT_REQUESTS = 4;
/** Longest wait for a question's embedding before answering from the lexical results alone. */
const QUERY_TIMEOUT_MS = 3000;

/** Embeds passages (through the cache) and questions with one model. */
export class TextEmbedder {
  /** Texts sent to the model since start, for the sync summary and tests. */
  embeddedTexts = 0;

  constructor(
    private readonly embeddings: Pick<OpenAIEmbeddings, "embedDocuments">,
    /** One try, and a short wait: a person is waiting for the answer. */
    private readonly queryEmbeddings: Pick<OpenAIEmbeddings, "embedQuery">,
    readonly model: string,
    private readonly cache: EmbeddingCache,
  ) {}

  async embedTexts(texts: string[]): Promise<number[][]> {
    const cached = texts.map((text) => this.cache.get(this.model, text));
    const missing = [...new Set(texts.filter((_, index) => cached[index] === undefined))];
    const embedded = new Map<string, number[]>();
    if (missing.length > 0) {
      const vectors = await this.embeddings.embedDocuments(missing);
      if (vectors.length !== missing.length || !vectors.every(isUsableVector)) {
        throw new Error(`the embedding model returned ${vectors.length} usable vectors for ${missing.length} texts`);
      }
      this.embeddedTexts += missing.length;
      for (const [index, text] of missing.entries()) embedded.set(text, vectors[index] ?? []);
      this.cache.putAll(this.model, [...embedded]);
    }
    return texts.map((text, index) => cached[index] ?? embedded.get(text) ?? []);
  }

  /**
   * The question's vector, or nothing when the model fails or is slow: retrieval then stays
   * lexical rather than keep the person waiting.
   */
  async embedQuestion(text: string, signal?: AbortSignal): Promise<QueryVector | undefined> {
    try {
      // The client takes no signal: stop waiting for it when the answer's time is up.
      const vector = await Promise.race([this.queryEmbeddings.embedQuery(text), abortedBy(signal)]);
      return isUsableVector(vector) ? { model: this.model, vector } : undefined;
    } catch {
      return undefined;
    }
  }
}

/** An embedding model on OpenAI or any OpenAI-compatible server, batched and with a concurrency limit. */
export function createTextEmbedder(config: ModelConfig, cache: EmbeddingCache): TextEmbedder {
  const connection = {
    model: config.embeddingModel,
    apiKey: config.apiKey ?? "not-needed",
    configuration: config.baseUrl ? { baseURL: config.baseUrl } : {},
  };
  const embeddings = new OpenAIEmbeddings({
    ...connection,
    batchSize: BATCH_SIZE,
    maxConcurrency: MAX_CONCURRENT_REQUESTS,
    maxRetries: 2,
    timeout: config.answerTimeoutMs,
  });
  const queryEmbeddings = new OpenAIEmbeddings({
    ...connection,
    maxRetries: 0,
    timeout: Math.min(config.answerTimeoutMs, QUERY_TIMEOUT_MS),
  });
  return new TextEmbedder(embeddings, queryEmbeddings, config.embeddingModel, cache);
}

/** The configured embedder with its cache under DATA_DIR, or none when no model server is set. */
export function openTextEmbedder(config: Pick<AppConfig, "model" | "dataDir">): {
  embedder?: TextEmbedder;
  close(): void;
} {
  if (!config.model) return { close: () => {} };
  const cache = new EmbeddingCache(path.join(config.dataDir, "embedding-cache.sqlite"));
  return { embedder: createTextEmbedder(config.model, cache), close: () => cache.close() };
}

/** Rejects when the signal aborts; never settles without one. */
function abortedBy(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}
