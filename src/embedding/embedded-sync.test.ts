import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { createOpenAiEmbedder } from "../models/openai/index.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { embedText, type FakeOpenAiServer, startFakeOpenAiServer } from "../test-support/fake-openai-server.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { CachedEmbedder } from "./cached-embedder.js";
import { EmbeddingCache } from "./embedding-cache.js";

describe("syncing with an embedding model", () => {
  const folder = makeTemporaryFolder();
  const knowledge = path.join(folder.root, "knowledge");
  let model: FakeOpenAiServer;
  let store: SqliteIndexStore;
  let cache: EmbeddingCache;
  const embedderFor = (embeddingModel: string) =>
    new CachedEmbedder(
      createOpenAiEmbedder(
        { baseUrl: model.baseUrl, chatModel: "chat", embeddingModel, answerTimeoutMs: 5000 },
        { retry: { attempts: 3, firstDelayMs: 0 } },
      ),
      cache,
    );
  const embeddedTexts = () => model.embeddingInputs.flat();
  const sync = (embedder: CachedEmbedder) => syncFolder(store, knowledge, undefined, { embedder });

  beforeAll(async () => {
    model = await startFakeOpenAiServer();
    store = new SqliteIndexStore(path.join(folder.root, "index.sqlite"));
    cache = new EmbeddingCache(path.join(folder.root, "embedding-cache.sqlite"));
    folder.write("knowledge/registrar/add-drop.md", "# 加退選\n\n加退選期限為開學後第二週週五。");
    folder.write("knowledge/housing/dorm.md", "# 宿舍\n\n宿舍押金為新臺幣三千元。");
    folder.write("knowledge/housing/draft.md", "---\nstatus: draft\n---\n# 草稿\n\n尚未公告的規定。");
  });
  afterAll(async () => {
    await model.close();
    await store.close();
    cache.close();
    folder.cleanUp();
  });

  it("embeds every published chunk once, and searches by meaning", async () => {
    const summary = await sync(embedderFor("embedder-a"));
    expect(summary.failures).toEqual([]);
    expect(await store.embeddingSpace()).toEqual({ model: "embedder-a", dimensions: 16 });
    expect(embeddedTexts()).toEqual(
      expect.arrayContaining(["加退選期限為開學後第二週週五。", "宿舍押金為新臺幣三千元。"]),
    );
    expect(embeddedTexts()).not.toContain("尚未公告的規定。");
    expect(summary.embedded).toBe(embeddedTexts().length);
    const [nearest] = await store.searchChunks({
      terms: [],
      dense: { model: "embedder-a", vector: embedText("宿舍押金為新臺幣三千元。") },
      limit: 1,
    });
    expect(nearest?.document.docId).toBe("housing/dorm.md");
  });

  it("calls the model zero times when nothing changed", async () => {
    const before = embeddedTexts().length;
    const summary = await sync(embedderFor("embedder-a"));
    expect(summary).toMatchObject({ unchanged: 3, embedded: 0 });
    expect(embeddedTexts()).toHaveLength(before);
  });

  it("embeds only the new text of a changed document", async () => {
    folder.write("knowledge/housing/dorm.md", "# 宿舍\n\n宿舍押金為新臺幣三千元。\n\n## 退宿\n\n退宿時押金無息退還。");
    const before = embeddedTexts().length;
    const summary = await sync(embedderFor("embedder-a"));
    expect(summary).toMatchObject({ updated: 1, embedded: 1 });
    expect(embeddedTexts().slice(before)).toEqual(["退宿時押金無息退還。"]);
  });

  it("re-embeds everything under a new model instead of mixing vector spaces, and reuses the cache going back", async () => {
    const before = embeddedTexts().length;
    const summary = await sync(embedderFor("embedder-b"));
    expect(summary.failures).toEqual([]);
    expect(await store.embeddingSpace()).toMatchObject({ model: "embedder-b" });
    expect(await store.chunksWithoutVectors(10)).toEqual([]);
    expect(embeddedTexts().length - before).toBe(summary.embedded);
    expect(summary.embedded).toBeGreaterThanOrEqual(3);

    const again = await sync(embedderFor("embedder-a"));
    expect(again.embedded).toBe(0);
    expect(await store.embeddingSpace()).toMatchObject({ model: "embedder-a" });
    expect(await store.chunksWithoutVectors(10)).toEqual([]);
  });

  it("indexes for lexical search when the embedding model is down, and fills the vectors in later", async () => {
    folder.write("knowledge/library/hours.md", "# 圖書館\n\n圖書館週日開放到晚上十點。");
    model.failEmbeddings(400);
    const down = await sync(embedderFor("embedder-a"));
    model.failEmbeddings(undefined);
    expect(down.added).toBe(1);
    expect(down.failures).toEqual([
      expect.objectContaining({ path: "(embeddings)", reason: expect.stringContaining("next sync") }),
    ]);
    expect((await store.chunksWithoutVectors(10)).map((chunk) => chunk.text)).toEqual(["圖書館週日開放到晚上十點。"]);

    const up = await sync(embedderFor("embedder-a"));
    expect(up).toMatchObject({ unchanged: 4, embedded: 1, failures: [] });
    expect(await store.chunksWithoutVectors(10)).toEqual([]);
  });
});
