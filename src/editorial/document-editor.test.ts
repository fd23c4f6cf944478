import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import type { Caller } from "./api-keys.js";

const editorCaller: Caller = { keyId: "k1", name: "housing office", role: "editor" };
const upload = (text: string) => ({ fileName: "rules.md", bytes: new TextEncoder().encode(text), metadata: {} });

describe("DocumentEditor", () => {
  const folder = makeTemporaryFolder();
  let store: SqliteIndexStore;
  let editorial: ReturnType<typeof editorialFor>;

  beforeEach(() => {
    store = new SqliteIndexStore(":memory:");
    editorial = editorialFor(store);
  });
  afterEach(() => store.close());

  it("brings an index back to the published uploads: rewrites what is missing, removes what is not published", async () => {
    const { editor } = editorial;
    const kept = await editor.upload(upload("# Pets\n\nNo pets are allowed in the dormitories."), editorCaller);
    await editor.publish(kept.docId, editorCaller);
    const withdrawn = await editor.upload(upload("# Guests\n\nGuests must leave by 10 pm."), editorCaller);
    await editor.publish(withdrawn.docId, editorCaller);
    // As after a crash between the index write and the record, or on a new, empty index:
    await store.deleteDocument(kept.docId);
    editorial.versions.markWithdrawn(withdrawn.docId, 1, "housing office");

    expect(await editor.reconcile()).toEqual({ written: 1, removed: 1 });
    expect([...(await store.listDocuments()).keys()]).toEqual([kept.docId]);
    expect(await editor.reconcile()).toEqual({ written: 0, removed: 0 });
  });

  it("leaves uploads alone when a folder is synced into the same index", async () => {
    folder.write("knowledge/library/hours.md", "# Hours\n\nThe library opens at 8 am.");
    const { editor } = editorial;
    const uploaded = await editor.upload(upload("# Pets\n\nNo pets are allowed."), editorCaller);
    await editor.publish(uploaded.docId, editorCaller);
    const summary = await syncFolder(store, `${folder.root}/knowledge`);
    expect(summary).toMatchObject({ added: 1, removed: 0, failures: [] });
    expect([...(await store.listDocuments()).keys()].sort()).toEqual(["library/hours.md", uploaded.docId]);
    folder.cleanUp();
  });
});
