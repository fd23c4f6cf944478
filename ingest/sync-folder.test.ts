import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultParseLimits } from "../src/config.js";
import { StoreUnavailableError } from "../src/errors.js";
import { SqliteIndexStore } from "../src/store/sqlite/sqlite-index-store.js";
import { makePdf } from "../src/test-support/make-pdf.js";
import { makeTemporaryFolder } from "../src/test-support/temporary-folder.js";
import { analyzeQuery } from "../src/text/tokenize.js";
import { syncFolder } from "./sync-folder.js";

const ADD_DROP = `---
title: 加退選辦法
url: https://www.lakeside.example.edu/registrar/add-drop
status: published
---
# 加退選

加退選截止日期為開學第二週週五下午五點。
`;

describe("syncFolder", () => {
  let folder: ReturnType<typeof makeTemporaryFolder>;
  let store: SqliteIndexStore;
  const search = async (query: string) =>
    (await store.searchChunks({ terms: analyzeQuery(query), limit: 10 })).map((hit) => hit.document.docId);

  beforeEach(() => {
    folder = makeTemporaryFolder();
    store = new SqliteIndexStore(path.join(folder.root, "data", "index.sqlite"));
    folder.write("docs/registrar/add-drop.md", ADD_DROP);
  });
  afterEach(async () => {
    await store.close();
    folder.cleanUp();
  });

  it("indexes every supported format with ids relative to the folder", async () => {
    folder.write(
      "docs/library/hours.html",
      "<html><head><title>Library hours</title></head><body><nav>Home</nav><main><h1>Hours</h1><p>The library opens at 8 a.m. on weekdays.</p></main></body></html>",
    );
    folder.write(
      "docs/it/faq.csv",
      'question,answer\n"How do I reset my password?","Use the password page at id.example.edu."\n',
    );
    folder.write(
      "docs/housing/faq.json",
      JSON.stringify([{ question: "宿舍押金多少?", answer: "押金為新臺幣五千元。" }]),
    );
    folder.write("docs/general/notes.txt", "Lost and found\n\nLost items are kept at the front desk for 30 days.");
    folder.write("docs/tuition/refunds.pdf", await makePdf(["Refund schedule", "Refunds are paid within 14 days."]));

    const summary = await syncFolder(store, path.join(folder.root, "docs"));
    expect(summary).toMatchObject({ added: 6, updated: 0, removed: 0, unchanged: 0, failures: [] });
    expect(await search("加退選截止")).toEqual(["registrar/add-drop.md"]);
    expect(await search("library opens weekdays")).toEqual(["library/hours.html"]);
    expect(await search("reset password")).toEqual(["it/faq.csv"]);
    expect(await search("宿舍押金")).toEqual(["housing/faq.json"]);
    expect(await search("lost items front desk")).toEqual(["general/notes.txt"]);
    const [refund] = await store.searchChunks({ terms: analyzeQuery("refunds paid days"), limit: 1 });
    expect(refund?.chunk.page).toBe(2);
    expect(await search("home")).toEqual([]); // navigation is not content
  });

  it("indexes a table row with its column names, so a row in a later chunk is found by them", async () => {
    const colleges = ["文學院", "管理學院", "理學院", "工學院", "電機資訊學院", "設計學院"];
    const rows = colleges.map((college, index) => `| ${college} | ${24_000 + index} | ${6_000 + index} |`);
    folder.write(
      "docs/tuition/fees.md",
      `# 學雜費\n\n| 學院 | 學費 | 雜費 |\n| --- | --- | --- |\n${rows.join("\n")}\n`,
    );
    await syncFolder(store, path.join(folder.root, "docs"), { maxChars: 60 });
    const [hit] = await store.searchChunks({ terms: analyzeQuery("設計學院 學費"), limit: 1 });
    expect(hit?.chunk.chunkId).not.toBe("tuition/fees.md#0");
    expect(hit?.chunk.text).toContain("設計學院：學費 24005，雜費 6005");
  });

  it("leaves settings files (names starting with _) out of the index, without reporting them", async () => {
    folder.write("docs/_help-desk.yml", "contact_lines:\n  zh: 請洽教務處（分機 1234）。\n");
    folder.write("docs/housing/_editor-notes.md", "# 筆記\n\n宿舍押金分機 1234 待確認。");
    const summary = await syncFolder(store, path.join(folder.root, "docs"));
    expect(summary).toMatchObject({ added: 1, failures: [] });
    expect([...(await store.listDocuments()).keys()]).toEqual(["registrar/add-drop.md"]);
    expect(await search("1234")).toEqual([]);
  });

  it("skips unchanged files, re-indexes changed ones and removes deleted ones", async () => {
    folder.write("docs/housing/dorm.md", "# 宿舍\n\n宿舍押金為五千元。");
    const docs = path.join(folder.root, "docs");
    await syncFolder(store, docs);

    expect(await syncFolder(store, docs)).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2, chunks: 0 });

    folder.write("docs/housing/dorm.md", "# 宿舍\n\n宿舍押金為六千元。");
    folder.remove("docs/registrar/add-drop.md");
    expect(await syncFolder(store, docs)).toMatchObject({ added: 0, updated: 1, removed: 1, unchanged: 0 });
    expect(await search("加退選")).toEqual([]);
    const [hit] = await store.searchChunks({ terms: analyzeQuery("宿舍押金"), limit: 1 });
    expect(hit?.chunk.text).toBe("宿舍押金為六千元。");
  });

  it("refuses a PDF with more pages than MAX_PDF_PAGES allows, as uploads do", async () => {
    folder.write("docs/handbook.pdf", await makePdf(["Page one.", "Page two."]));
    const summary = await syncFolder(store, path.join(folder.root, "docs"), undefined, {
      parseLimits: { ...defaultParseLimits, maxPages: 1 },
    });
    expect(summary.failures).toEqual([{ path: "handbook.pdf", reason: expect.stringContaining("at most 1") }]);
  });

  it("reports bad files with their reasons, ingests the rest and keeps the old version of a broken file", async () => {
    const docs = path.join(folder.root, "docs");
    folder.write("docs/tuition/fees.pdf", await makePdf(["Tuition is 40,000 dollars a term."]));
    await syncFolder(store, docs);

    folder.write("docs/tuition/fees.pdf", "%PDF-1.7 this file was truncated");
    folder.write("docs/notes/empty.txt", "");
    folder.write("docs/notes/picture.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    folder.write("docs/notes/bad-front-matter.md", "---\nstatus: maybe\n---\n# Title\n\nText.");
    folder.write("docs/housing/new.md", "# Dorm\n\nQuiet hours start at 11 p.m.");

    const summary = await syncFolder(store, docs);
    expect(summary).toMatchObject({ added: 1, unchanged: 1 });
    expect(summary.failures.map((failure) => failure.path)).toEqual([
      "notes/bad-front-matter.md",
      "notes/empty.txt",
      "notes/picture.png",
      "tuition/fees.pdf",
    ]);
    expect(summary.failures.map((failure) => failure.reason)).toEqual([
      expect.stringContaining("status"),
      "the file is empty",
      expect.stringContaining('unsupported file type ".png"'),
      expect.stringContaining("not a readable PDF"),
    ]);
    expect(await search("tuition term")).toEqual(["tuition/fees.pdf"]);
    expect(await search("quiet hours")).toEqual(["housing/new.md"]);
  });

  it("keeps drafts out of search", async () => {
    folder.write(
      "docs/registrar/summer.md",
      "---\nstatus: draft\n---\n# Summer session\n\nSummer session fees are due in May.",
    );
    await syncFolder(store, path.join(folder.root, "docs"));
    expect(await search("summer session fees")).toEqual([]);
  });

  it("removes only the documents of the folder being synced", async () => {
    folder.write("other/guide.md", "# Guide\n\nThe printing quota is 500 pages.");
    await syncFolder(store, path.join(folder.root, "docs"));
    await syncFolder(store, path.join(folder.root, "other"));
    expect(await search("加退選")).toEqual(["registrar/add-drop.md"]);
    expect(await search("printing quota")).toEqual(["guide.md"]);
  });

  it("never lets one folder overwrite a document another folder provides", async () => {
    folder.write("other/registrar/add-drop.md", "# 另一份\n\n內容不同。");
    await syncFolder(store, path.join(folder.root, "docs"));
    const summary = await syncFolder(store, path.join(folder.root, "other"));
    expect(summary.added).toBe(0);
    expect(summary.failures).toEqual([
      { path: "registrar/add-drop.md", reason: expect.stringContaining("already provides") },
    ]);
    expect(await search("加退選截止")).toEqual(["registrar/add-drop.md"]);
  });

  it("lets only one of two syncs running at once provide a document id", async () => {
    folder.write("other/registrar/add-drop.md", "# 另一份\n\n內容不同。");
    const [first, second] = await Promise.all([
      syncFolder(store, path.join(folder.root, "docs")),
      syncFolder(store, path.join(folder.root, "other")),
    ]);
    expect(first.added + second.added).toBe(1);
    expect([...first.failures, ...second.failures]).toEqual([
      { path: "registrar/add-drop.md", reason: expect.stringContaining("already provides") },
    ]);
  });

  it("takes over the documents of a folder that was moved away", async () => {
    await syncFolder(store, path.join(folder.root, "docs"));
    fs.renameSync(path.join(folder.root, "docs"), path.join(folder.root, "moved"));
    const summary = await syncFolder(store, path.join(folder.root, "moved"));
    expect(summary).toMatchObject({ updated: 1, failures: [] });
    folder.remove("moved/registrar/add-drop.md");
    expect(await syncFolder(store, path.join(folder.root, "moved"))).toMatchObject({ removed: 1 });
    expect(await search("加退選")).toEqual([]);
  });

  it("leaves a shared index's documents from folders it cannot see alone", async () => {
    await syncFolder(store, path.join(folder.root, "docs"));
    folder.write("other/library/hours.md", "# 圖書館\n\n圖書館週日開放。");
    fs.renameSync(path.join(folder.root, "docs"), path.join(folder.root, "elsewhere"));
    const shared = Object.create(store, { isShared: { value: true } }) as SqliteIndexStore;
    const summary = await syncFolder(shared, path.join(folder.root, "other"));
    expect(summary).toMatchObject({ added: 1, removed: 0 });
    expect(await search("加退選")).toEqual(["registrar/add-drop.md"]);
  });

  it("stops at the first sign of an index that no longer answers, instead of failing file after file", async () => {
    folder.write("docs/library/hours.md", "# 圖書館\n\n圖書館週日開放。");
    let writes = 0;
    const failing = Object.create(store) as SqliteIndexStore;
    failing.replaceDocument = async () => {
      writes++;
      throw new StoreUnavailableError("Qdrant could not write a document: fetch failed");
    };
    await expect(syncFolder(failing, path.join(folder.root, "docs"))).rejects.toThrow(StoreUnavailableError);
    expect(writes).toBe(1);
  });

  it("says so when the folder does not exist, or is a file", async () => {
    await expect(syncFolder(store, path.join(folder.root, "missing"))).rejects.toThrow(/cannot read the folder/);
    await expect(syncFolder(store, path.join(folder.root, "docs/registrar/add-drop.md"))).rejects.toThrow(/is a file/);
  });
});
