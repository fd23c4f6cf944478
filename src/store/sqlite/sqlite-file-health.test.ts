import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTemporaryFolder } from "../../test-support/temporary-folder.js";
import { sampleDocument } from "../index-store.case.js";
import { openIndexStore } from "../open-index-store.js";
import { corruptionInFile, moveDatabaseAside } from "./sqlite-file-health.js";
import { SqliteIndexStore } from "./sqlite-index-store.js";

const folder = makeTemporaryFolder();
afterAll(() => folder.cleanUp());
let fileCount = 0;

/** An index file holding one document, its log checkpointed so that every page is in the file. */
async function indexWithOneDocument(): Promise<string> {
  const file = path.join(folder.root, `index-${fileCount++}`, "grounded-faq.sqlite");
  const store = new SqliteIndexStore(file);
  for (let n = 0; n < 40; n++)
    await store.replaceDocument(...sampleDocument(`registrar/${n}.md`, "加退選", ["加退選辦法"]));
  await store.close();
  return file;
}

/** Overwrites pages past the first (the header stays valid), as a failing disk would. */
function scramblePages(file: string): void {
  const handle = fs.openSync(file, "r+");
  fs.writeSync(handle, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, 4096);
  fs.closeSync(handle);
}

describe("a corrupted index file", () => {
  it("is found by the quick check whether its header or its pages are garbage; a sound file is not", async () => {
    const sound = await indexWithOneDocument();
    expect(corruptionInFile(sound)).toBeUndefined();
    expect(corruptionInFile(path.join(folder.root, "absent.sqlite"))).toBeUndefined();

    const pages = await indexWithOneDocument();
    scramblePages(pages);
    expect(corruptionInFile(pages)).toEqual(expect.stringMatching(/\w/));

    const garbage = path.join(folder.root, "garbage.sqlite");
    fs.writeFileSync(garbage, "this was never a database ".repeat(500));
    expect(corruptionInFile(garbage)).toMatch(/not a database/);
  });

  it("is moved aside, and a new empty index opens in its place", async () => {
    const file = await indexWithOneDocument();
    scramblePages(file);

    const opened = openIndexStore({ databaseFile: file });
    const movedTo = opened.setAside?.movedTo ?? "";
    expect(movedTo.startsWith(`${file}.corrupt-`)).toBe(true);
    expect(opened.setAside?.problem).toBeTruthy();
    expect((await opened.store.listDocuments()).size).toBe(0);
    expect(fs.existsSync(movedTo)).toBe(true);
    await opened.store.close();
  });

  it("is named for the time it was moved, with its log and shared memory beside it", () => {
    const file = path.join(folder.root, "named.sqlite");
    for (const suffix of ["", "-wal", "-shm"]) fs.writeFileSync(file + suffix, suffix);
    const movedTo = moveDatabaseAside(file, new Date("2026-01-02T03:04:05.678Z"));
    expect(movedTo).toBe(`${file}.corrupt-20260102T030405Z`);
    expect(fs.readdirSync(folder.root).filter((name) => name.startsWith("named"))).toEqual([
      "named.sqlite.corrupt-20260102T030405Z",
      "named.sqlite.corrupt-20260102T030405Z-shm",
      "named.sqlite.corrupt-20260102T030405Z-wal",
    ]);
  });

  it("leaves a sound index where it is", async () => {
    const file = await indexWithOneDocument();
    const opened = openIndexStore({ databaseFile: file });
    expect(opened.setAside).toBeUndefined();
    expect((await opened.store.listDocuments()).size).toBe(40);
    await opened.store.close();
  });
});
