import path from "node:path";
import { OpenAIEmbeddings } from "@langchain/openai";
import type { AppConfig, ModelConfig } from "../config.js";
import { EmbeddingCache } from "./embedding-cache.js";

/** Texts sent to the model per request, and requests in flight at once. */
const BATCH_SIZE = 64;
const MAX_CONCURRENT_REQUESTS = 4;

/** Embeds passages (through the cache) and questions with one model. */
export class TextEmbedder {
  /** Texts sent to the model since start, for the sync summary and tests. */
  embeddedTexts = 0;

  constructor(
    private readonly embeddings: Pick<OpenAIEmbeddings, "embedDocuments" | "embedQuery">,
    readonly model: string,
    private readonly cache: EmbeddingCache,
  ) {}

  async embedTexts(texts: string[]): Promise<number[][]> {
    const cached = texts.map((text) => this.cache.get(this.model, text));
    const missing = [...new Set(texts.filter((_, index) => cached[index] === undefined))];
    if (missing.length > 0) {
      const vectors = await this.embeddings.embedDocuments(missing);
      if (vectors.length !== missing.length || vectors.some((vector) => vector.length === 0)) {
        throw new Error(`the embedding model returned ${vectors.length} vectors for ${missing.length} texts`);
      }
      this.embeddedTexts += missing.length;
      this.cache.putAll(
        this.model,
        missing.map((text, index) => [text, vectors[index] ?? []]),
      );
    }
    return texts.map((text, index) => cached[index] ?? this.cache.get(this.model, text) ?? []);
  }

  /** The question's vector, or nothing when the model fails: retrieval then stays lexical. */
  async embedQuestion(text: string): Promise<number[] | undefined> {
    try {
      return await this.embeddings.embedQuery(text);
    } catch {
      return undefined;
    }
  }
}

/** An embedding model on OpenAI or any OpenAI-compatible server, batched and with a concurrency limit. */
export function createTextEmbedder(config: ModelConfig, cache: EmbeddingCache): TextEmbedder {
  const embeddings = new OpenAIEmbeddings({
    model: config.embeddingModel,
    apiKey: config.apiKey ?? "not-needed",
    configuration: config.baseUrl ? { baseURL: config.baseUrl } : {},
    batchSize: BATCH_SIZE,
    maxConcurrency: MAX_CONCURRENT_REQUESTS,
    maxRetries: 2,
    timeout: config.answerTimeoutMs,
  });
  return new TextEmbedder(embeddings, config.embeddingModel, cache);
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
