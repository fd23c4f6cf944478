import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDocumentRecords } from "../ingest/index-document.js";
import { SqliteIndexStore } from "../src/store/sqlite/sqlite-index-store.js";
import { makeTemporaryFolder } from "../src/test-support/temporary-folder.js";
import { BM25_B, BM25_K1, Bm25Baseline } from "./bm25-baseline.js";

// Terms (the project's tokenizer): a.md "park park fee" and "fee tabl"; b.md "park permit"; c.md "garden behind hall".
const corpus = [
  { docId: "a.md", text: "Parking, parking fee." },
  { docId: "b.md", text: "Parking permit." },
  { docId: "c.md", faqQuestion: "Where is the garden?", text: "Behind the hall." },
  { docId: "a.md", text: "Fee table." },
];

/** One term's BM25 part, written out: Lucene's idf times saturated, length-normalised frequency. */
function termScore(count: number, length: number, chunksWithTerm: number): number {
  const chunks = 4;
  const averageLength = (3 + 2 + 3 + 2) / chunks;
  const idf = Math.log(1 + (chunks - chunksWithTerm + 0.5) / (chunksWithTerm + 0.5));
  return (idf * count * (BM25_K1 + 1)) / (count + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength));
}

describe("the plain BM25 baseline", () => {
  const baseline = new Bm25Baseline(corpus);

  it("scores each chunk by the BM25 formula (k1 1.2, b 0.75) over the question's distinct terms", () => {
    const scores = baseline.scoreChunks("how much is the parking fee? parking");
    expect(scores.map((chunk) => chunk.docId)).toEqual(["a.md", "b.md", "a.md"]);
    const [first, second, third] = scores.map((chunk) => chunk.score);
    expect(first).toBeCloseTo(termScore(2, 3, 2) + termScore(1, 3, 2), 10);
    expect(second).toBeCloseTo(termScore(1, 2, 2), 10);
    expect(third).toBeCloseTo(termScore(1, 2, 2), 10);
  });

  it("favours the shorter chunk for the same term count (length normalisation)", () => {
    const [best, next] = baseline.scoreChunks("fee");
    expect(best?.docId).toBe("a.md");
    expect(best?.score).toBeCloseTo(termScore(1, 2, 2), 10);
    expect(next?.score).toBeLessThan(best?.score ?? 0);
  });

  it("ranks documents once each, by their best chunk, and searches an FAQ question with its answer", () => {
    expect(baseline.rankDocuments("parking fee")).toEqual(["a.md", "b.md"]);
    // Stemmed like the service: "gardens" finds the question's "garden"; "behind" finds the answer.
    expect(baseline.rankDocuments("gardens")).toEqual(["c.md"]);
    expect(baseline.rankDocuments("behind")).toEqual(["c.md"]);
    expect(baseline.rankDocuments("swimming pool")).toEqual([]);
  });
});

describe("Bm25Baseline.fromStore", () => {
  const folder = makeTemporaryFolder();
  const store = new SqliteIndexStore(path.join(folder.root, "index.sqlite"));
  afterAll(async () => {
    await store.close();
    folder.cleanUp();
  });

  it("reads the published chunks the service indexes, FAQ questions included, and leaves drafts out", async () => {
    const index = async (
      docId: string,
      status: "published" | "draft",
      blocks: Parameters<typeof buildDocumentRecords>[0]["blocks"],
    ) => {
      const { document, chunks } = buildDocumentRecords(
        { format: docId.endsWith(".json") ? "faq" : "markdown", status, blocks },
        { docId, sourceRoot: folder.root, contentHash: docId },
      );
      await store.replaceDocument(document, chunks);
    };
    await index("faq.json", "published", [{ kind: "faq", question: "Is there Wi-Fi?", answer: "Yes, Gangbei-Free." }]);
    await index("guide.md", "published", [{ kind: "paragraph", text: "The library lends laptops." }]);
    await index("draft.md", "draft", [{ kind: "paragraph", text: "Wi-Fi is being replaced." }]);
    const baseline = await Bm25Baseline.fromStore(store);
    expect(baseline.rankDocuments("wifi")).toEqual(["faq.json"]);
    expect(baseline.rankDocuments("laptop")).toEqual(["guide.md"]);
    expect(baseline.rankDocuments("replaced")).toEqual([]);
  });
});
