import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeEmbedderContract } from "../models/embedder.case.js";
import { FakeEmbedder } from "../test-support/fake-models.js";
import { CachedEmbedder } from "./cached-embedder.js";
import { EmbeddingCache } from "./embedding-cache.js";

describeEmbedderContract(
  "CachedEmbedder",
  () => new CachedEmbedder(new FakeEmbedder(), new EmbeddingCache(":memory:")),
);

describe("CachedEmbedder", () => {
  let cache: EmbeddingCache;
  beforeEach(() => {
    cache = new EmbeddingCache(":memory:");
  });
  afterEach(() => cache.close());

  it("sends the model only texts it has no vector for, each once, and counts them", async () => {
    const model = new FakeEmbedder("model-a");
    const embedder = new CachedEmbedder(model, cache);
    await embedder.embedTexts(["押金", "退宿"]);
    const vectors = await embedder.embedTexts(["退宿", "門禁", "門禁", "押金"]);
    expect(model.embeddedBatches).toEqual([["押金", "退宿"], ["門禁"]]);
    expect(embedder.embeddedTexts).toBe(3);
    expect(vectors[1]).toEqual(vectors[2]);
  });

  it("keeps the vectors of each model apart", async () => {
    await new CachedEmbedder(new FakeEmbedder("model-a"), cache).embedTexts(["押金"]);
    const other = new FakeEmbedder("model-b");
    await new CachedEmbedder(other, cache).embedTexts(["押金"]);
    expect(other.embeddedBatches).toEqual([["押金"]]);
  });

  it("sends questions to the model as they are", async () => {
    const model = new FakeEmbedder("model-a");
    const embedder = new CachedEmbedder(model, cache);
    expect(await embedder.embedQuestion("押金多少?")).toMatchObject({ model: "model-a" });
    expect(model.questions).toEqual(["押金多少?"]);
  });
});
