import type { Embedder } from "../src/models/embedder.js";
import type { ChunkRecord, ChunkVectors, IndexStore } from "../src/store/index-store.js";

/** Chunks embedded per round when filling in vectors for documents that did not change. */
const FILL_BATCH = 256;

/**
 * Makes the index's vectors those of the embedder's model: a new model (or none before) starts an
 * empty space, so vectors of two models are never compared. Its size comes from one probe call.
 */
export async function prepareEmbeddingSpace(store: IndexStore, embedder: Embedder): Promise<void> {
  const space = await store.embeddingSpace();
  if (space?.model === embedder.model) return;
  const [probe] = await embedder.embedTexts(["dimension probe"]);
  await store.resetEmbeddingSpace({ model: embedder.model, dimensions: probe?.length ?? 0 });
}

/** Vectors for a document's chunks, by chunkId (drafts get none: they are never searched). */
export async function embedChunks(
  embedder: Embedder,
  chunks: readonly Pick<ChunkRecord, "chunkId" | "text">[],
  published: boolean,
): Promise<ChunkVectors> {
  if (!published || chunks.length === 0) return { model: embedder.model, byChunk: new Map() };
  const vectors = await embedder.embedTexts(chunks.map((chunk) => chunk.text));
  return {
    model: embedder.model,
    byChunk: new Map(chunks.map((chunk, index) => [chunk.chunkId, vectors[index] ?? []])),
  };
}

/** Embeds the published chunks that have no vector yet: after a model change, or when embeddings were just turned on. */
export async function fillMissingVectors(store: IndexStore, embedder: Embedder): Promise<number> {
  let filled = 0;
  let previousFirst: string | undefined;
  for (;;) {
    const missing = await store.chunksWithoutVectors(FILL_BATCH);
    if (missing.length === 0) return filled;
    // A chunk the store would not take would be asked for again forever.
    if (missing[0]?.chunkId === previousFirst) {
      const space = await store.embeddingSpace();
      throw new Error(
        `the index (${space?.model}, ${space?.dimensions} dimensions) did not take the vectors of ${embedder.model}: if the model behind that name changed, give EMBEDDING_MODEL its new name`,
      );
    }
    previousFirst = missing[0]?.chunkId;
    await store.setChunkVectors(await embedChunks(embedder, missing, true));
    filled += missing.length;
  }
}
