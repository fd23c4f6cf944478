import type { Embedder } from "../models/embedder.js";
import type { QueryVector } from "../store/index-store.js";
import type { EmbeddingCache } from "./embedding-cache.js";

/**
 * An embedder whose passage vectors come from the cache when it has them: re-syncing unchanged
 * text calls the model for nothing. Questions go to the model as they are (each is new).
 */
export class CachedEmbedder implements Embedder {
  /** Texts sent to the model since start, for the sync summary and tests. */
  embeddedTexts = 0;

  constructor(
    private readonly embedder: Embedder,
    private readonly cache: EmbeddingCache,
  ) {}

  get model(): string {
    return this.embedder.model;
  }

  async embedTexts(texts: readonly string[]): Promise<number[][]> {
    const cached = texts.map((text) => this.cache.get(this.model, text));
    const missing = [...new Set(texts.filter((_, index) => cached[index] === undefined))];
    const embedded = new Map<string, number[]>();
    if (missing.length > 0) {
      const vectors = await this.embedder.embedTexts(missing);
      this.embeddedTexts += missing.length;
      for (const [index, text] of missing.entries()) embedded.set(text, vectors[index] ?? []);
      this.cache.putAll(this.model, [...embedded]);
    }
    return texts.map((text, index) => cached[index] ?? embedded.get(text) ?? []);
  }

  embedQuestion(text: string, signal?: AbortSignal): Promise<QueryVector | undefined> {
    return this.embedder.embedQuestion(text, signal);
  }
}
