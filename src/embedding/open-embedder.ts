import path from "node:path";
import type { AppConfig } from "../config.js";
import { createOpenAiEmbedder } from "../models/openai/index.js";
import { CachedEmbedder } from "./cached-embedder.js";
import { EmbeddingCache } from "./embedding-cache.js";

/** The configured embedder with its cache under DATA_DIR, or none when no model server is set. */
export function openEmbedder(config: Pick<AppConfig, "model" | "dataDir">): {
  embedder?: CachedEmbedder;
  close(): void;
} {
  if (!config.model) return { close: () => {} };
  const cache = new EmbeddingCache(path.join(config.dataDir, "embedding-cache.sqlite"));
  return { embedder: new CachedEmbedder(createOpenAiEmbedder(config.model), cache), close: () => cache.close() };
}
