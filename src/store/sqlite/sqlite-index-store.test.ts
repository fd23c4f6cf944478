import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../../errors.js";
import { describeIndexStoreContract, sampleDocument } from "../index-store.case.js";
import { SqliteIndexStore } from "./sqlite-index-store.js";

const temporaryFolder = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-faq-store-"));
let databaseCount = 0;
const newDatabaseFile = () => path.join(temporaryFolder, `index-${databaseCount++}.sqlite`);
afterAll(() => fs.rmSync(temporaryFolder, { recursive: true, force: true }));

describeIndexStoreContract("embedded SQLite", async () => new SqliteIndexStore(newDatabaseFile()));

describe("SqliteIndexStore", () => {
  it("changes model in place: the new space starts empty, then the chunks without a vector are filled in", async () => {
    const store = new SqliteIndexStore(newDatabaseFile());
    await store.resetEmbeddingSpace({ model: "first-embedder", dimensions: 3 });
    await store.replaceDocument(...sampleDocument("registrar/a.md", "A", ["加退選", "轉系"]), {
      vectors: {
        model: "first-embedder",
        byChunk: new Map([
          ["registrar/a.md#0", [1, 0, 0]],
          ["registrar/a.md#1", [0, 1, 0]],
        ]),
      },
    });
    await store.resetEmbeddingSpace({ model: "another-embedder", dimensions: 2 });
    expect(await store.embeddingSpace()).toEqual({ model: "another-embedder", dimensions: 2 });
    const inNewSpace = async (vector: number[]) =>
      (await store.searchChunks({ terms: [], dense: { model: "another-embedder", vector }, limit: 5 })).map(
        (hit) => hit.chunk.chunkId,
      );
    expect(await inNewSpace([1, 0])).toEqual([]);
    expect((await store.chunksWithoutVectors(10)).map((chunk) => chunk.chunkId).sort()).toEqual([
      "registrar/a.md#0",
      "registrar/a.md#1",
    ]);
    await store.setChunkVectors({ model: "another-embedder", byChunk: new Map([["registrar/a.md#1", [0, 1]]]) });
    expect(await inNewSpace([0, 1])).toEqual(["registrar/a.md#1"]);
    expect(await store.chunksWithoutVectors(10)).toHaveLength(1);
    await store.close();
  });

  it("keeps what was indexed across reopening the file", async () => {
    const file = newDatabaseFile();
    const first = new SqliteIndexStore(file);
    await first.resetEmbeddingSpace({ model: "m", dimensions: 2 });
    await first.replaceDocument(...sampleDocument("a.md", "Library", ["The library opens at 8."]), {
      vectors: { model: "m", byChunk: new Map([["a.md#0", [1, 0]]]) },
    });
    await first.close();
    const second = new SqliteIndexStore(file);
    const hits = await second.searchChunks({ terms: ["librari"], limit: 5 });
    expect(hits.map((hit) => hit.chunk.text)).toEqual(["The library opens at 8."]);
    expect(await second.embeddingSpace()).toEqual({ model: "m", dimensions: 2 });
    expect(
      (await second.searchChunks({ terms: [], dense: { model: "m", vector: [1, 0] }, limit: 1 }))[0]?.chunk.chunkId,
    ).toBe("a.md#0");
    await second.close();
  });

  it("sees a new embedding space started by another process on the same file", async () => {
    const file = newDatabaseFile();
    const server = new SqliteIndexStore(file);
    const ingest = new SqliteIndexStore(file);
    await server.resetEmbeddingSpace({ model: "old", dimensions: 2 });
    await server.replaceDocument(...sampleDocument("a.md", "A", ["Text."]), {
      vectors: { model: "old", byChunk: new Map([["a.md#0", [1, 0]]]) },
    });
    await ingest.resetEmbeddingSpace({ model: "new", dimensions: 3 });
    expect(await server.embeddingSpace()).toEqual({ model: "new", dimensions: 3 });
    expect(await server.searchChunks({ terms: [], dense: { model: "old", vector: [1, 0] }, limit: 1 })).toEqual([]);
    await server.setChunkVectors({ model: "new", byChunk: new Map([["a.md#0", [0, 0, 1]]]) });
    expect(
      (await ingest.searchChunks({ terms: [], dense: { model: "new", vector: [0, 0, 1] }, limit: 1 }))[0]?.chunk
        .chunkId,
    ).toBe("a.md#0");
    await server.close();
    await ingest.close();
  });

  it("empties an index of the layout before phrasings and lays it out anew, once", async () => {
    const file = newDatabaseFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE documents (doc_id TEXT PRIMARY KEY, title TEXT NOT NULL);
      INSERT INTO documents VALUES ('a.md', 'Library');
      CREATE VIRTUAL TABLE chunk_terms USING fts5(title, heading, question, body);`);
    old.close();
    const store = new SqliteIndexStore(file);
    expect(await store.listDocuments()).toEqual(new Map());
    await store.replaceDocument(...sampleDocument("b.md", "Library", ["The library opens at 8."]));
    await store.setChunkPhrasings("b.md", new Map([["b.md#0", ["When can I study?"]]]));
    await store.close();
    const reopened = new SqliteIndexStore(file);
    expect((await reopened.searchChunks({ terms: ["studi"], limit: 5 }))[0]?.chunk.chunkId).toBe("b.md#0");
    await reopened.close();
  });

  it("refuses a file laid out by a newer release rather than emptying it", () => {
    const file = newDatabaseFile();
    const newer = new Database(file);
    newer.pragma("user_version = 99");
    newer.close();
    expect(() => new SqliteIndexStore(file)).toThrow(/newer release/);
  });

  it("reports a file that is not a database as unavailable, naming the file", () => {
    const file = newDatabaseFile();
    fs.writeFileSync(file, "this is not a database ".repeat(100));
    expect(() => new SqliteIndexStore(file)).toThrow(StoreUnavailableError);
    expect(() => new SqliteIndexStore(file)).toThrow(file);
  });
});
