import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../../errors.js";
import { type RecordingQdrantServer, startRecordingQdrantServer } from "../../test-support/recording-qdrant-server.js";
import { describeIndexStoreContract, sampleDocument } from "../index-store.case.js";
import { pointId, QdrantIndexStore } from "./qdrant-index-store.js";
import { encodeQuery } from "./sparse-vector.js";

// The contract suite needs a real Qdrant: set QDRANT_URL to run it (skipped, and reported skipped, otherwise).
const qdrantUrl = process.env.QDRANT_URL;
let collectionCount = 0;
describe.skipIf(!qdrantUrl)("against the Qdrant at QDRANT_URL", () => {
  describeIndexStoreContract("Qdrant", async () => {
    const store = new QdrantIndexStore({
      url: qdrantUrl ?? "",
      apiKey: process.env.QDRANT_API_KEY,
      collection: `grounded_faq_test_${process.pid}_${collectionCount++}`,
    });
    await store.prepare();
    return store;
  });
});

describe("QdrantIndexStore requests", () => {
  let qdrant: RecordingQdrantServer;
  let store: QdrantIndexStore;
  const sent = (method: string, suffix: string) =>
    qdrant.requests.filter((request) => request.method === method && request.path.endsWith(suffix));

  beforeEach(async () => {
    qdrant?.close();
    qdrant = await startRecordingQdrantServer();
    store = new QdrantIndexStore({ url: qdrant.url, collection: "faq" });
    await store.prepare();
  });
  afterAll(() => qdrant.close());

  it("creates the collection with a sparse BM25 vector (IDF by Qdrant) and keyword payload indexes", () => {
    expect(sent("PUT", "/collections/faq")[0]?.body).toEqual({
      vectors: {},
      sparse_vectors: { bm25: { modifier: "idf" } },
    });
    expect(sent("PUT", "/collections/faq/index").map((request) => request.body)).toEqual(
      ["kind", "doc_id", "chunk_id", "collection", "status", "lang", "terms"].map((field) => ({
        field_name: field,
        field_schema: "keyword",
      })),
    );
  });

  it("writes a document's chunks with deterministic ids, prunes the ones gone, and its document point last", async () => {
    qdrant.requests.length = 0;
    const [document, chunks] = sampleDocument("registrar/a.md", "加退選", ["加退選期限。", "逾期不受理。"]);
    await store.replaceDocument(document, chunks);
    const writes = qdrant.requests.filter((request) => request.method !== "POST" || !request.path.endsWith("/points"));
    expect(writes.map((request) => `${request.method} ${request.path}`)).toEqual([
      "PUT /collections/faq/points",
      "POST /collections/faq/points/delete",
      "PUT /collections/faq/points",
    ]);
    const chunkPoints = writes[0]?.body.points;
    expect(chunkPoints.map((point: { id: string }) => point.id)).toEqual([
      pointId("chunk:registrar/a.md#0"),
      pointId("chunk:registrar/a.md#1"),
    ]);
    expect(pointId("chunk:registrar/a.md#0")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/);
    expect(chunkPoints[0].vector.bm25.indices.length).toBe(chunkPoints[0].vector.bm25.values.length);
    expect(chunkPoints[0].payload).toMatchObject({ kind: "chunk", chunk_id: "registrar/a.md#0", status: "published" });
    expect(writes[1]?.body).toEqual({
      filter: {
        must: [
          { key: "kind", match: { value: "chunk" } },
          { key: "doc_id", match: { value: "registrar/a.md" } },
        ],
        must_not: [{ key: "chunk_id", match: { any: ["registrar/a.md#0", "registrar/a.md#1"] } }],
      },
    });
    expect(writes[2]?.body.points).toEqual([
      expect.objectContaining({
        id: pointId("document:registrar/a.md"),
        vector: {},
        payload: expect.objectContaining({ kind: "document", content_hash: "hash-of-registrar/a.md" }),
      }),
    ]);
  });

  it("gives a draft's chunks no vectors, so they can never be found", async () => {
    qdrant.requests.length = 0;
    await store.replaceDocument(...sampleDocument("registrar/d.md", "草稿", ["草稿。"], { status: "draft" }));
    const points = sent("PUT", "/collections/faq/points")[0]?.body.points;
    expect(points[0]).toMatchObject({ vector: {}, payload: { kind: "chunk", status: "draft" } });
  });

  it("lists collections with a facet over published documents", async () => {
    qdrant.reply("/facet", {
      hits: [
        { value: "registrar", count: 3 },
        { value: "housing", count: 1 },
      ],
    });
    expect(await store.listCollections()).toEqual(["housing", "registrar"]);
    expect(sent("POST", "/facet")[0]?.body).toMatchObject({ key: "collection" });
  });

  it("searches published chunks by sparse vector, filtered by collection", async () => {
    qdrant.reply("/points/query", {
      points: [
        {
          id: pointId("chunk:registrar/a.md#0"),
          score: 3.2,
          payload: {
            kind: "chunk",
            doc_id: "registrar/a.md",
            chunk_id: "registrar/a.md#0",
            position: 0,
            text: "加退選期限。",
            heading_path: ["期限"],
            start: 0,
            end: 6,
            title: "加退選",
            collection: "registrar",
            status: "published",
            terms: ["加退选", "期限"],
          },
        },
      ],
    });
    const [hit] = await store.searchChunks({ terms: ["加退选", "期限"], collection: "registrar", limit: 5 });
    expect(sent("POST", "/collections/faq/points/query")[0]?.body).toEqual({
      query: encodeQuery(["加退选", "期限"]),
      using: "bm25",
      filter: {
        must: [
          { key: "kind", match: { value: "chunk" } },
          { key: "status", match: { value: "published" } },
          { key: "collection", match: { value: "registrar" } },
        ],
      },
      limit: 5,
      with_payload: true,
    });
    expect(hit).toMatchObject({
      chunk: { chunkId: "registrar/a.md#0", headingPath: ["期限"], text: "加退選期限。" },
      document: { docId: "registrar/a.md", title: "加退選", collection: "registrar" },
      score: 3.2,
    });
    expect(hit?.terms.has("期限")).toBe(true);
  });

  it("re-writes only the changed chunks' phrasings, terms and sparse vectors in one batch, never their dense vectors", async () => {
    qdrant.reply("/points", [{ id: pointId("document:a.md"), payload: { title: "Library", status: "published" } }]);
    const chunkPayload = (position: number, text: string, phrasings: string[]) => ({
      kind: "chunk",
      doc_id: "a.md",
      chunk_id: `a.md#${position}`,
      position,
      text,
      heading_path: [],
      start: 0,
      end: text.length,
      phrasings,
    });
    qdrant.reply("/points/scroll", {
      points: [
        { id: pointId("chunk:a.md#0"), payload: chunkPayload(0, "The library opens at 8.", []) },
        { id: pointId("chunk:a.md#1"), payload: chunkPayload(1, "Books are lent for two weeks.", ["Old wording?"]) },
        { id: pointId("chunk:a.md#2"), payload: chunkPayload(2, "Fines are small.", ["Are fines big?"]) },
      ],
      next_page_offset: null,
    });
    await store.setChunkPhrasings(
      "a.md",
      new Map([
        ["a.md#1", ["Where can I borrow novels?"]],
        ["a.md#2", ["Are fines big?"]],
      ]),
    );
    const [batch] = sent("POST", "/points/batch");
    const operations = batch?.body.operations;
    expect(operations.map((operation: object) => Object.keys(operation)[0])).toEqual(["set_payload", "update_vectors"]);
    expect(operations[0].set_payload.points).toEqual([pointId("chunk:a.md#1")]);
    expect(operations[0].set_payload.payload.phrasings).toEqual(["Where can I borrow novels?"]);
    expect(operations[0].set_payload.payload.terms).toEqual(expect.arrayContaining(["novel", "lend", "librari"]));
    const [point] = operations[1].update_vectors.points;
    expect(Object.keys(point.vector)).toEqual(["bm25"]);
    expect(point.vector.bm25.indices.length).toBeGreaterThan(3);
  });

  it("counts chunks per term for term statistics", async () => {
    qdrant.reply("/points/count", { count: 10 }, { count: 3 }, { count: 0 });
    const statistics = await store.termStatistics(["宿舍", "不存在"]);
    expect(statistics).toEqual({ chunkCount: 10, chunkFrequency: new Map([["宿舍", 3]]) });
    expect(sent("POST", "/points/count")[1]?.body.filter.must).toContainEqual({
      key: "terms",
      match: { value: "宿舍" },
    });
  });

  it("fuses sparse and dense prefetches by RRF in one Query API batch, keeping each hit's BM25 score", async () => {
    qdrant.reply("/points", [
      { id: pointId("settings:embedding-space"), payload: { kind: "settings", model: "m", dimensions: 2 } },
    ]);
    const chunkPoint = (chunkId: string, score: number) => ({
      id: pointId(`chunk:${chunkId}`),
      score,
      payload: { kind: "chunk", doc_id: chunkId.split("#")[0], chunk_id: chunkId, position: 0, text: "…", title: "T" },
    });
    qdrant.reply("/points/query/batch", [
      { points: [chunkPoint("a.md#0", 0.032), chunkPoint("b.md#0", 0.016)] },
      { points: [chunkPoint("a.md#0", 4.5)] },
    ]);
    const hits = await store.searchChunks({ terms: ["宿舍"], dense: { model: "m", vector: [1, 0] }, limit: 3 });
    const filter = {
      must: [
        { key: "kind", match: { value: "chunk" } },
        { key: "status", match: { value: "published" } },
      ],
    };
    const sparse = { query: encodeQuery(["宿舍"]), using: "bm25", filter, limit: 3 };
    expect(sent("POST", "/points/query/batch")[0]?.body).toEqual({
      searches: [
        {
          prefetch: [sparse, { query: [1, 0], using: "dense", filter, limit: 3 }],
          query: { rrf: { k: 61 } },
          filter,
          limit: 3,
          with_payload: true,
        },
        { ...sparse, with_payload: false },
      ],
    });
    expect(hits.map((hit) => [hit.chunk.chunkId, hit.score, hit.fused])).toEqual([
      ["a.md#0", 4.5, 0.032],
      ["b.md#0", 0, 0.016],
    ]);
  });

  it("searches sparse only when the query vector is of another model than the index's", async () => {
    qdrant.reply("/points", [
      { id: pointId("settings:embedding-space"), payload: { kind: "settings", model: "m", dimensions: 2 } },
    ]);
    await store.searchChunks({ terms: ["宿舍"], dense: { model: "other", vector: [1, 0] }, limit: 3 });
    expect(sent("POST", "/points/query/batch")).toEqual([]);
    expect(sent("POST", "/points/query").at(-1)?.body).toMatchObject({ using: "bm25", limit: 3 });
  });

  it("refuses to change the vector size of a collection that holds documents, saying how to re-index", async () => {
    qdrant.reply("/collections/faq", { config: { params: { vectors: { dense: { size: 384, distance: "Cosine" } } } } });
    qdrant.reply("/points/count", { count: 5 });
    await expect(store.resetEmbeddingSpace({ model: "m", dimensions: 768 })).rejects.toThrow(
      /delete the collection .*QDRANT_COLLECTION/,
    );
  });

  it("refuses another model of the same size in a collection that holds vectors, naming both models", async () => {
    qdrant.reply("/collections/faq", { config: { params: { vectors: { dense: { size: 3, distance: "Cosine" } } } } });
    qdrant.reply("/points", [
      { id: pointId("settings:embedding-space"), payload: { kind: "settings", model: "old-model", dimensions: 3 } },
    ]);
    qdrant.reply("/points/count", { count: 5 });
    qdrant.requests.length = 0;
    await expect(store.resetEmbeddingSpace({ model: "new-model", dimensions: 3 })).rejects.toThrow(
      /holds old-model vectors .*EMBEDDING_MODEL is new-model.*set EMBEDDING_MODEL back/,
    );
    expect(qdrant.requests.filter((request) => request.method !== "GET" && !request.path.endsWith("/count"))).toEqual([
      expect.objectContaining({ path: "/collections/faq/points" }),
    ]);
  });

  it("rebuilds the collection with a dense vector when embeddings are turned on", async () => {
    qdrant.reply("/points/count", { count: 5 });
    qdrant.requests.length = 0;
    await store.resetEmbeddingSpace({ model: "m", dimensions: 3 });
    expect(sent("DELETE", "/collections/faq")).toHaveLength(1);
    expect(sent("PUT", "/collections/faq")[0]?.body).toEqual({
      vectors: { dense: { size: 3, distance: "Cosine" } },
      sparse_vectors: { bm25: { modifier: "idf" } },
    });
    expect(sent("PUT", "/collections/faq/points").at(-1)?.body.points[0].payload).toEqual({
      kind: "settings",
      model: "m",
      dimensions: 3,
    });
  });

  it("keeps the path of a QDRANT_URL behind a proxy", async () => {
    const proxied = new QdrantIndexStore({ url: `${qdrant.url}/vector-db/`, collection: "faq" });
    qdrant.requests.length = 0;
    await proxied.listCollections();
    expect(qdrant.requests.map((request) => request.path)).toEqual(["/vector-db/collections/faq/facet"]);
  });

  it("turns Qdrant being unreachable into store_unavailable", async () => {
    await qdrant.close();
    await expect(store.listCollections()).rejects.toMatchObject({ code: "store_unavailable" });
  });

  it("says a refused API key is refused, not unreachable, and not worth retrying", async () => {
    const refusing = http.createServer((_, response) => {
      response.writeHead(401, { "content-type": "application/json" }).end('{"status":{"error":"Unauthorized"}}');
    });
    await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = refusing.address() as AddressInfo;
      const locked = new QdrantIndexStore({ url: `http://127.0.0.1:${port}`, collection: "faq", apiKey: "wrong" });
      const failure = await locked.listCollections().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect(failure).toMatchObject({ code: "store_unavailable", retryable: false });
      expect((failure as Error).message).toMatch(/refused.*QDRANT_API_KEY/);
    } finally {
      await new Promise((resolve) => refusing.close(resolve));
    }
  });
});
