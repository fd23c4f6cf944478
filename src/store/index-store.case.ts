import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DocumentConflictError } from "../errors.js";
import { normalizeForMatching } from "../text/normalize.js";
import { analyzeQuery } from "../text/tokenize.js";
import type { ChunkRecord, DocumentRecord, IndexStore } from "./index-store.js";

/** The contract every index adapter must keep; run it from each adapter's test file. */
export function describeIndexStoreContract(adapterName: string, openStore: () => Promise<IndexStore>): void {
  describe(`IndexStore contract: ${adapterName}`, () => {
    let store: IndexStore;
    beforeEach(async () => {
      store = await openStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const search = (query: string, collection?: string) =>
      store.searchChunks({ terms: analyzeQuery(query), collection, limit: 10 });

    it("ranks the passage that matches the query first, in Chinese and in English", async () => {
      await store.replaceDocument(
        ...sampleDocument("registrar/add-drop.md", "加退選辦法", ["加退選截止日期為開學第二週週五。"]),
      );
      await store.replaceDocument(...sampleDocument("housing/dorm.md", "宿舍申請", ["宿舍押金為新臺幣五千元。"]));
      await store.replaceDocument(
        ...sampleDocument("it/wifi.md", "Campus Wi-Fi", ["Connect to the eduroam network with your student ID."]),
      );
      expect((await search("加退選什麼時候截止"))[0]?.document.docId).toBe("registrar/add-drop.md");
      expect((await search("宿舍押金"))[0]?.document.docId).toBe("housing/dorm.md");
      expect((await search("how do I connect to wifi"))[0]?.document.docId).toBe("it/wifi.md");
    });

    it("returns the chunk with its metadata and distinct terms", async () => {
      await store.replaceDocument(
        ...sampleDocument("tuition/fees.pdf", "學雜費", ["學費為新臺幣四萬元。"], {
          page: 2,
          headingPath: ["收費標準"],
        }),
      );
      const [hit] = await search("學費");
      expect(hit?.chunk).toMatchObject({ chunkId: "tuition/fees.pdf#0", page: 2, headingPath: ["收費標準"] });
      expect(hit?.chunk.text).toBe("學費為新臺幣四萬元。");
      expect(hit?.document).toMatchObject({
        title: "學雜費",
        collection: "tuition",
        url: "https://example.edu/tuition/fees.pdf",
      });
      expect(hit?.terms.has(normalizeForMatching("學費"))).toBe(true);
      expect(hit?.score).toBeGreaterThan(0);
    });

    it("filters by collection", async () => {
      await store.replaceDocument(...sampleDocument("registrar/a.md", "Deadlines", ["The deadline is Friday."]));
      await store.replaceDocument(...sampleDocument("housing/b.md", "Deadlines", ["The deadline is Monday."]));
      const hits = await search("deadline", "housing");
      expect(hits.map((hit) => hit.document.docId)).toEqual(["housing/b.md"]);
    });

    it("never returns draft documents", async () => {
      await store.replaceDocument(
        ...sampleDocument("registrar/summer.md", "Summer session", ["Summer session fees are due in May."], {
          status: "draft",
        }),
      );
      expect(await search("summer session fees")).toEqual([]);
      const summer = normalizeForMatching("summer");
      expect(await store.termStatistics([summer])).toEqual({ chunkCount: 0, chunkFrequency: new Map() });
    });

    it("replaces a document's chunks instead of adding to them", async () => {
      await store.replaceDocument(...sampleDocument("a.md", "Library", ["The library opens at 8."]));
      await store.replaceDocument(...sampleDocument("a.md", "Library", ["The library opens at 9."]));
      await store.replaceDocument(...sampleDocument("a.md", "Library", ["The library opens at 9."]));
      const hits = await search("library opens");
      expect(hits.map((hit) => hit.chunk.text)).toEqual(["The library opens at 9."]);
      expect((await store.termStatistics(["librari"])).chunkCount).toBe(1);
    });

    it("refuses, inside the write, to replace a document another source folder provides", async () => {
      await store.replaceDocument(...sampleDocument("a.md", "Library", ["The library opens at 8."]));
      const [fromElsewhere, chunks] = sampleDocument("a.md", "Other", ["Other text."], { sourceRoot: "/elsewhere" });
      await expect(store.replaceDocument(fromElsewhere, chunks)).rejects.toThrow(DocumentConflictError);
      expect((await search("library opens")).map((hit) => hit.chunk.text)).toEqual(["The library opens at 8."]);

      await store.replaceDocument(fromElsewhere, chunks, { takeOverFrom: "/knowledge" });
      expect((await store.listDocuments()).get("a.md")?.sourceRoot).toBe("/elsewhere");
    });

    it("deletes a document with its chunks", async () => {
      await store.replaceDocument(...sampleDocument("a.md", "Library", ["The library opens at 8."]));
      await store.deleteDocument("a.md");
      expect(await search("library")).toEqual([]);
      expect(await store.listDocuments()).toEqual(new Map());
    });

    it("lists every document's metadata, content hash and source folder, drafts included", async () => {
      await store.replaceDocument(...sampleDocument("a.md", "A", ["Text a."], { tags: ["x"], lang: "en" }));
      await store.replaceDocument(
        ...sampleDocument("b.md", "B", ["Text b."], {
          sourceRoot: "/elsewhere",
          status: "draft",
          effectiveDate: "2026-08-01",
        }),
      );
      const listed = await store.listDocuments();
      expect([...listed.keys()].sort()).toEqual(["a.md", "b.md"]);
      expect(listed.get("a.md")).toEqual({
        docId: "a.md",
        title: "A",
        url: "https://example.edu/a.md",
        collection: "general",
        tags: ["x"],
        lang: "en",
        status: "published",
        format: "markdown",
        sourceRoot: "/knowledge",
        contentHash: "hash-of-a.md",
      });
      expect(listed.get("b.md")).toMatchObject({
        status: "draft",
        effectiveDate: "2026-08-01",
        sourceRoot: "/elsewhere",
      });
    });

    it("gives one document with its chunks in reading order, a draft too, and nothing for an unknown id", async () => {
      await store.replaceDocument(
        ...sampleDocument("registrar/a.md", "A", ["First.", "Second.", "Third."], { headingPath: ["規定"], page: 2 }),
      );
      await store.replaceDocument(...sampleDocument("registrar/d.md", "D", ["Draft text."], { status: "draft" }));
      const found = await store.getDocument("registrar/a.md");
      expect(found?.document).toMatchObject({ docId: "registrar/a.md", title: "A", collection: "registrar" });
      expect(found?.chunks.map((chunk) => [chunk.text, chunk.start, chunk.headingPath, chunk.page])).toEqual([
        ["First.", 0, ["規定"], 2],
        ["Second.", 8, ["規定"], 2],
        ["Third.", 17, ["規定"], 2],
      ]);
      expect((await store.getDocument("registrar/d.md"))?.chunks.map((chunk) => chunk.text)).toEqual(["Draft text."]);
      expect(await store.getDocument("registrar/none.md")).toBeUndefined();
    });

    it("lists the collections that have published documents", async () => {
      await store.replaceDocument(...sampleDocument("registrar/a.md", "A", ["Text a."]));
      await store.replaceDocument(...sampleDocument("housing/b.md", "B", ["Text b."]));
      await store.replaceDocument(...sampleDocument("library/c.md", "C", ["Text c."], { status: "draft" }));
      expect(await store.listCollections()).toEqual(["housing", "registrar"]);
    });

    it("counts in how many chunks a term occurs", async () => {
      await store.replaceDocument(...sampleDocument("a.md", "A", ["宿舍費用", "宿舍規定"]));
      await store.replaceDocument(...sampleDocument("b.md", "B", ["圖書館"]));
      const [dormitory, library, absent] = ["宿舍", "圖書館", "不存在"].map(normalizeForMatching);
      const statistics = await store.termStatistics([dormitory, library, absent] as string[]);
      expect(statistics.chunkCount).toBe(3);
      expect(statistics.chunkFrequency.get(dormitory as string)).toBe(2);
      expect(statistics.chunkFrequency.get(library as string)).toBe(1);
      expect(statistics.chunkFrequency.has(absent as string)).toBe(false);
    });

    describe("taught phrasings", () => {
      const library = () =>
        sampleDocument("library/a.md", "Library", ["The library opens at 8.", "Books are lent for two weeks."]);
      const chunkIds = async (query: string) => (await search(query)).map((hit) => hit.chunk.chunkId);

      it("finds a passage by a phrasing set on its chunk, counts its terms, and forgets it when it is removed", async () => {
        await store.replaceDocument(...library());
        await store.replaceDocument(...sampleDocument("housing/b.md", "Dorms", ["Dorm rooms are cleaned weekly."]));
        expect(await chunkIds("where can I borrow novels")).toEqual([]);

        await store.setChunkPhrasings("library/a.md", new Map([["library/a.md#1", ["Where can I borrow novels?"]]]));
        const [hit] = await search("where can I borrow novels");
        expect(hit?.chunk).toMatchObject({ chunkId: "library/a.md#1", phrasings: ["Where can I borrow novels?"] });
        expect(hit?.chunk.text).toBe("Books are lent for two weeks.");
        expect(hit?.terms.has("novel")).toBe(true);
        expect(hit?.terms.has("lend")).toBe(true);
        expect((await store.termStatistics(["novel"])).chunkFrequency.get("novel")).toBe(1);
        const stored = await store.getDocument("library/a.md");
        expect(stored?.chunks.map((chunk) => chunk.phrasings)).toEqual([undefined, ["Where can I borrow novels?"]]);
        expect(stored?.document.contentHash).toBe("hash-of-library/a.md");
        expect((await chunkIds("library opens"))[0]).toBe("library/a.md#0");

        await store.setChunkPhrasings("library/a.md", new Map());
        expect(await chunkIds("where can I borrow novels")).toEqual([]);
        expect((await store.termStatistics(["novel"])).chunkFrequency.has("novel")).toBe(false);
        expect((await store.getDocument("library/a.md"))?.chunks.map((chunk) => chunk.phrasings)).toEqual([
          undefined,
          undefined,
        ]);
      });

      it("indexes phrasings written with a document, several to a chunk, and never searches a draft's", async () => {
        const [document, chunks] = library();
        const taught = chunks.map((chunk, index) =>
          index === 1 ? { ...chunk, phrasings: ["How long can I keep a novel?", "借書可以借多久"] } : chunk,
        );
        await store.replaceDocument(document, taught);
        expect((await search("how long can I keep a novel"))[0]?.chunk.chunkId).toBe("library/a.md#1");
        expect((await search("借書可以借多久"))[0]?.chunk.chunkId).toBe("library/a.md#1");

        await store.replaceDocument({ ...document, docId: "drafts/a.md", status: "draft" }, [
          { ...chunks[0], chunkId: "drafts/a.md#0", docId: "drafts/a.md", phrasings: ["Anything about a kettle?"] },
        ] as ChunkRecord[]);
        await store.setChunkPhrasings("drafts/a.md", new Map([["drafts/a.md#0", ["Is a toaster allowed?"]]]));
        expect(await search("kettle toaster")).toEqual([]);
        expect((await store.getDocument("drafts/a.md"))?.chunks[0]?.phrasings).toEqual(["Is a toaster allowed?"]);
      });

      it("leaves an unknown document alone", async () => {
        await store.setChunkPhrasings("none.md", new Map([["none.md#0", ["Anything?"]]]));
        expect(await store.listDocuments()).toEqual(new Map());
      });
    });

    describe("dense vectors", () => {
      const space = { model: "test-embedder", dimensions: 3 };
      const vectorsOf = (entries: [string, number[]][]) => ({
        vectors: { model: space.model, byChunk: new Map(entries) },
      });
      const nearest = async (vector: number[], collection?: string) =>
        (
          await store.searchChunks({ terms: [], dense: { model: space.model, vector: vector }, collection, limit: 5 })
        ).map((hit) => hit.chunk.chunkId);

      beforeEach(async () => {
        await store.resetEmbeddingSpace(space);
        await store.replaceDocument(
          ...sampleDocument("registrar/a.md", "A", ["加退選", "轉系"]),
          vectorsOf([
            ["registrar/a.md#0", [1, 0, 0]],
            ["registrar/a.md#1", [0, 1, 0]],
          ]),
        );
        await store.replaceDocument(
          ...sampleDocument("housing/b.md", "B", ["宿舍"]),
          vectorsOf([["housing/b.md#0", [0.9, 0.1, 0]]]),
        );
      });

      it("finds the nearest published chunks by meaning alone, best first", async () => {
        expect(await store.embeddingSpace()).toEqual(space);
        const hits = await store.searchChunks({
          terms: [],
          dense: { model: space.model, vector: [1, 0.05, 0] },
          limit: 2,
        });
        expect(hits.map((hit) => hit.chunk.chunkId)).toEqual(["registrar/a.md#0", "housing/b.md#0"]);
        expect(hits.map((hit) => hit.score)).toEqual([0, 0]);
        expect(hits[0]?.fused).toBeGreaterThan(hits[1]?.fused ?? 0);
        expect(hits[0]?.document.title).toBe("A");
        expect(hits[0]?.terms.has(normalizeForMatching("加退選"))).toBe(true);
      });

      it("fuses BM25 and meaning by reciprocal rank: found both ways beats first by one", async () => {
        const hits = await store.searchChunks({
          terms: analyzeQuery("轉系"),
          dense: { model: space.model, vector: [1, 0.05, 0] },
          limit: 3,
        });
        // 轉系 is only in a.md#1, third by meaning: 1/61 + 1/63 beats a.md#0's 1/61.
        expect(hits.map((hit) => hit.chunk.chunkId)).toEqual([
          "registrar/a.md#1",
          "registrar/a.md#0",
          "housing/b.md#0",
        ]);
        expect(hits[0]?.score).toBeGreaterThan(0);
        expect(hits[1]?.score).toBe(0);
        expect(hits[0]?.fused).toBeCloseTo(1 / 61 + 1 / 63, 5);
      });

      it("searches lexically when the query vector is of another model", async () => {
        const hits = await store.searchChunks({
          terms: analyzeQuery("轉系"),
          dense: { model: "another-embedder", vector: [1, 0, 0] },
          limit: 3,
        });
        expect(hits.map((hit) => hit.chunk.chunkId)).toEqual(["registrar/a.md#1"]);
        expect(hits[0]?.fused).toBeUndefined();
      });

      it("filters by collection and never returns drafts or deleted documents", async () => {
        expect(await nearest([1, 0, 0], "housing")).toEqual(["housing/b.md#0"]);
        await store.replaceDocument(
          ...sampleDocument("library/c.md", "C", ["草稿"], { status: "draft" }),
          vectorsOf([["library/c.md#0", [1, 0, 0]]]),
        );
        await store.deleteDocument("housing/b.md");
        expect(await nearest([1, 0, 0])).toEqual(["registrar/a.md#0", "registrar/a.md#1"]);
      });

      it("replaces a document's vectors with its chunks, leaving none behind for new chunks", async () => {
        await store.replaceDocument(
          ...sampleDocument("registrar/a.md", "A", ["加退選"]),
          vectorsOf([["registrar/a.md#0", [0, 0, 1]]]),
        );
        expect((await nearest([0, 0, 1]))[0]).toBe("registrar/a.md#0");
        // A new chunk may reuse the removed chunk's row: it must not inherit its vector.
        await store.replaceDocument(...sampleDocument("library/c.md", "C", ["圖書館"]));
        expect(await nearest([0, 1, 0])).not.toContain("library/c.md#0");
        expect((await store.chunksWithoutVectors(10)).map((chunk) => chunk.chunkId)).toEqual(["library/c.md#0"]);
      });

      it("keeps a chunk's vector when its phrasings change", async () => {
        await store.setChunkPhrasings("registrar/a.md", new Map([["registrar/a.md#1", ["How do I change majors?"]]]));
        expect((await nearest([0, 1, 0]))[0]).toBe("registrar/a.md#1");
        expect((await search("change majors"))[0]?.chunk.chunkId).toBe("registrar/a.md#1");
        expect(await store.chunksWithoutVectors(10)).toEqual([]);
      });

      it("never mixes models: vectors and queries of another model are left out", async () => {
        expect(
          await store.searchChunks({ terms: [], dense: { model: "another-embedder", vector: [1, 0, 0] }, limit: 5 }),
        ).toEqual([]);
        await store.setChunkVectors({ model: "another-embedder", byChunk: new Map([["registrar/a.md#1", [1, 0, 0]]]) });
        expect(await nearest([0, 1, 0])).toEqual(expect.arrayContaining(["registrar/a.md#1"]));
        await store.replaceDocument(...sampleDocument("library/c.md", "C", ["圖書館"]), {
          vectors: { model: "another-embedder", byChunk: new Map([["library/c.md#0", [1, 0, 0]]]) },
        });
        expect(await nearest([1, 0, 0])).not.toContain("library/c.md#0");
        expect((await store.chunksWithoutVectors(10)).map((chunk) => chunk.chunkId)).toEqual(["library/c.md#0"]);
      });

      it("stores a document whose vectors do not fit without them, never losing its text", async () => {
        await store.replaceDocument(
          ...sampleDocument("housing/b.md", "B", ["宿舍二"]),
          vectorsOf([["housing/b.md#0", [1, 0]]]),
        );
        await store.replaceDocument(
          ...sampleDocument("housing/d.md", "D", ["宿舍三"]),
          vectorsOf([["housing/d.md#0", [0, 0, 0]]]),
        );
        expect(await nearest([0.9, 0.1, 0], "housing")).toEqual([]);
        expect((await store.chunksWithoutVectors(10)).map((chunk) => chunk.chunkId).sort()).toEqual([
          "housing/b.md#0",
          "housing/d.md#0",
        ]);
        expect((await search("宿舍二"))[0]?.chunk.text).toBe("宿舍二");
      });
    });
  });
}

export function sampleDocument(
  docId: string,
  title: string,
  chunkTexts: string[],
  overrides: Partial<DocumentRecord> & { page?: number; headingPath?: string[] } = {},
): [DocumentRecord, ChunkRecord[]] {
  const { page, headingPath = [], ...documentOverrides } = overrides;
  const text = chunkTexts.join("\n\n");
  let offset = 0;
  const chunks = chunkTexts.map((chunkText, position): ChunkRecord => {
    const start = offset;
    offset += chunkText.length + 2;
    return {
      chunkId: `${docId}#${position}`,
      docId,
      position,
      text: chunkText,
      headingPath,
      page,
      start,
      end: start + chunkText.length,
    };
  });
  return [
    {
      docId,
      title,
      url: `https://example.edu/${docId}`,
      collection: docId.includes("/") ? (docId.split("/")[0] ?? "") : "general",
      tags: [],
      status: "published",
      format: "markdown",
      sourceRoot: "/knowledge",
      contentHash: `hash-of-${docId}`,
      text,
      ...documentOverrides,
    },
    chunks,
  ];
}
